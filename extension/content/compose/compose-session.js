// @ts-check
'use strict';
/**
 * One compose box being watched: reads its text when the user pauses typing (debounced),
 * asks the service worker to check it, and shows the answer in a meter with highlights.
 * Answers that arrive after the text changed again, after navigation, or after the box went
 * away are dropped.
 */
(function (BotLens) {
  const { readEditor } = BotLens.compose.text;
  const { describeCheck } = BotLens.compose.meterView;

  class ComposeSession {
    /**
     * @param {{
     *   editor: HTMLElement, platform: string, document: Document, window: Window & typeof globalThis,
     *   send: (message: any) => Promise<any>, signal: AbortSignal, debounceMs: number,
     *   timers: { setTimeout: (fn: () => void, ms: number) => any, clearTimeout: (id: any) => void },
     * }} options
     */
    constructor({ editor, platform, document, window, send, signal, debounceMs, timers }) {
      this.editor = editor;
      this.platform = platform;
      this.document = document;
      this.window = window;
      this.send = send;
      this.signal = signal;
      this.sequence = 0;
      this.destroyed = false;
      this.composing = false;
      /** @type {string | null} the text the current result is about */
      this.checkedText = null;
      /** @type {any} */
      this.result = null;
      /** @type {import('./meter-view.js').MeterView} */
      this.view = describeCheck({ status: 'idle' });
      /** @type {number | null} */
      this.focusedTip = null;
      this.debouncer = BotLens.compose.debounce(() => { this.check(); }, debounceMs, timers);
      this.meter = BotLens.compose.meter.createMeter(document, {
        onFocusTip: (index) => {
          this.focusedTip = index;
          this.drawHighlights();
        },
      });
      this.highlights = new BotLens.compose.highlight.HighlightLayer(document);
      this.onInput = () => {
        // Spans point into the old text: take the marks down at once, not after the check.
        this.highlights.clear();
        if (!this.composing) this.debouncer.call();
      };
      this.onCompositionStart = () => { this.composing = true; };
      this.onCompositionEnd = () => {
        this.composing = false;
        this.onInput();
      };
      this.observer = null;
    }

    start() {
      (this.document.body || this.document.documentElement).append(this.meter.host);
      for (const type of ['input', 'paste', 'cut']) this.editor.addEventListener(type, this.onInput);
      this.editor.addEventListener('compositionstart', this.onCompositionStart);
      this.editor.addEventListener('compositionend', this.onCompositionEnd);
      if (!BotLens.compose.text.isTextarea(this.editor)) {
        // Draft.js and ProseMirror handle beforeinput themselves, so 'input' does not always
        // fire; the DOM they render is what changes.
        this.observer = new this.window.MutationObserver(this.onInput);
        this.observer.observe(this.editor, { childList: true, subtree: true, characterData: true });
      }
      this.check();
    }

    async check() {
      if (this.destroyed || this.signal.aborted) return;
      const { text } = readEditor(this.editor);
      if (!text.trim()) {
        this.sequence += 1;
        this.checkedText = null;
        this.result = null;
        this.show(describeCheck({ status: 'idle' }));
        return;
      }
      if (text === this.checkedText) {
        this.drawHighlights();
        return;
      }
      const sequence = ++this.sequence;
      this.show(describeCheck({ status: 'checking', previous: this.view }));
      const reply = await this.send({ type: 'compose.check', text, platform: this.platform });
      if (this.destroyed || this.signal.aborted || sequence !== this.sequence) return;
      if (!reply || !reply.ok) {
        const disabled = reply && reply.error && reply.error.kind === 'disabled';
        this.checkedText = null;
        this.result = null;
        this.show(describeCheck(disabled ? { status: 'idle' } : { status: 'error', error: reply && reply.error }));
        return;
      }
      this.checkedText = text;
      this.result = reply.result;
      this.show(describeCheck({ status: 'done', result: reply.result }));
      this.drawHighlights();
    }

    /** @param {import('./meter-view.js').MeterView} view */
    show(view) {
      this.view = view;
      this.meter.update(view);
      this.reposition();
    }

    drawHighlights() {
      if (this.destroyed || !this.result) return this.highlights.clear();
      const extraction = readEditor(this.editor);
      if (extraction.text !== this.checkedText) return this.highlights.clear();
      const spans = this.result.tips.map((/** @type {any} */ tip) => tip.span);
      try {
        this.highlights.draw(this.editor, extraction, spans, this.focusedTip);
      } catch (error) {
        // Marks are an extra; an odd editor DOM must not take the meter down with them.
        this.highlights.clear();
        console.debug('BotLens could not highlight the draft', error);
      }
    }

    reposition() {
      if (this.destroyed) return;
      const root = this.document.documentElement;
      const viewport = { width: this.window.innerWidth || root.clientWidth || 0, height: this.window.innerHeight || root.clientHeight || 0 };
      this.meter.place(this.editor.getBoundingClientRect(), viewport);
    }

    /** After scrolling or resizing: the meter follows the box, the marks follow the text. */
    follow() {
      this.reposition();
      if (this.result && this.highlights.marks.childNodes.length) this.drawHighlights();
    }

    destroy() {
      this.destroyed = true;
      this.debouncer.cancel();
      for (const type of ['input', 'paste', 'cut']) this.editor.removeEventListener(type, this.onInput);
      this.editor.removeEventListener('compositionstart', this.onCompositionStart);
      this.editor.removeEventListener('compositionend', this.onCompositionEnd);
      if (this.observer) this.observer.disconnect();
      this.meter.remove();
      this.highlights.remove();
    }
  }

  BotLens.compose = Object.assign(BotLens.compose || {}, { ComposeSession });
})((globalThis.BotLens ??= {}));

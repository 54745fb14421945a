// @ts-check
'use strict';
/**
 * Finds compose boxes as the single-page app shows them (reusing the core PageWatcher), gives
 * each its ComposeSession, and ends them all on in-app navigation so no answer lands on a page
 * the user left. When the user opted in, a post they send is passed to the service worker to
 * be remembered for the repetition check.
 */
(function (BotLens) {
  const { findEditors, editorForSubmit } = BotLens.compose.editors;
  const { readEditor } = BotLens.compose.text;

  class ComposeWatcher {
    /**
     * @param {{
     *   document: Document, window: Window & typeof globalThis, platform: import('./editors.js').ComposePlatform,
     *   send: (message: any) => Promise<any>, remember: boolean, debounceMs?: number,
     *   timers?: { setTimeout: (fn: () => void, ms: number) => any, clearTimeout: (id: any) => void },
     * }} options
     */
    constructor({ document, window, platform, send, remember, debounceMs = 300, timers }) {
      this.document = document;
      this.window = window;
      this.platform = platform;
      this.send = send;
      this.remember = remember;
      this.debounceMs = debounceMs;
      this.timers = timers || { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (id) => clearTimeout(id) };
      /** @type {Map<Element, InstanceType<typeof BotLens.compose.ComposeSession>>} */
      this.sessions = new Map();
      /** @type {Set<Element>} editor hosts seen before their shadow textarea was there */
      this.unresolved = new Set();
      this.pageWatcher = null;
      this.frame = null;
      this.onClick = (/** @type {Event} */ event) => this.noticeSubmit(/** @type {Element} */ (event.target), null);
      this.onKeyDown = (/** @type {KeyboardEvent} */ event) => {
        // Ctrl/Cmd+Enter sends the post on X, Mastodon and Bluesky.
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) this.noticeSubmit(null, /** @type {Element} */ (event.target));
      };
      this.onMove = () => this.requestFollow();
      this.following = false;
    }

    start() {
      this.pageWatcher = new BotLens.PageWatcher({
        document: this.document,
        window: this.window,
        onScan: (/** @type {AbortSignal} */ signal, /** @type {Node[] | null} */ changed) => this.scan(signal, changed),
        onNavigate: () => this.endSessions(),
      });
      this.document.addEventListener('click', this.onClick, true);
      this.document.addEventListener('keydown', this.onKeyDown, true);
      this.pageWatcher.start();
    }

    stop() {
      if (this.pageWatcher) this.pageWatcher.stop();
      this.document.removeEventListener('click', this.onClick, true);
      this.document.removeEventListener('keydown', this.onKeyDown, true);
      this.endSessions();
    }

    /**
     * Listens to scrolling and resizing only while a meter is on the page: a capturing scroll
     * listener is called for every scroll of every element, and most pages have no compose box.
     */
    followWhileMeters() {
      const wanted = this.sessions.size > 0;
      if (wanted === this.following) return;
      this.following = wanted;
      if (wanted) {
        this.window.addEventListener('scroll', this.onMove, { capture: true, passive: true });
        this.window.addEventListener('resize', this.onMove, { passive: true });
      } else {
        this.window.removeEventListener('scroll', this.onMove, true);
        this.window.removeEventListener('resize', this.onMove);
      }
    }

    /**
     * @param {AbortSignal} signal the current page view's; aborted when the user navigates
     * @param {Node[] | null} [changed] what the page added or edited since the last scan, or null for all of it
     */
    scan(signal, changed = null) {
      for (const [editor, session] of this.sessions) {
        if (!editor.isConnected) {
          session.destroy();
          this.sessions.delete(editor);
        }
      }
      // The page moved things: the meters follow in the next frame, where the page is laid out
      // anyway, instead of forcing a layout now.
      this.requestFollow();
      // Editors come with elements the page adds; edited text is typing, in a box already watched.
      /** @type {ParentNode[]} */
      const roots = changed
        ? /** @type {ParentNode[]} */ (changed.filter((node) => node.nodeType === 1))
        : [this.document];
      for (const host of this.unresolved) if (host.isConnected && !roots.includes(host)) roots.push(host);
      this.unresolved.clear();
      if (roots.length) this.startSessions(findEditors(roots, this.platform, this.unresolved), signal);
      this.followWhileMeters();
    }

    /** @param {Array<HTMLTextAreaElement | HTMLElement>} editors @param {AbortSignal} signal */
    startSessions(editors, signal) {
      for (const editor of editors) {
        if (this.sessions.has(editor)) continue;
        if ([...this.sessions.keys()].some((outer) => outer.contains(editor))) continue;
        const session = new BotLens.compose.ComposeSession({
          editor, platform: this.platform, document: this.document, window: this.window,
          send: this.send, signal, debounceMs: this.debounceMs, timers: this.timers,
        });
        this.sessions.set(editor, session);
        session.start();
      }
    }

    endSessions() {
      for (const session of this.sessions.values()) session.destroy();
      this.sessions.clear();
      this.followWhileMeters();
    }

    /**
     * @param {Element | null} clicked a click target that may be a submit button
     * @param {Element | null} typedIn a keydown target that may be inside an editor
     */
    noticeSubmit(clicked, typedIn) {
      if (!this.remember || !this.sessions.size) return;
      const editors = [...this.sessions.keys()];
      const editor = clicked && clicked.closest
        ? editorForSubmit(clicked, editors, this.platform)
        : editors.find((e) => typedIn && (e === typedIn || e.contains(typedIn))) || null;
      if (!editor) return;
      const { text } = readEditor(editor);
      if (text.trim()) this.send({ type: 'compose.posted', text, platform: this.platform });
    }

    requestFollow() {
      if (this.frame !== null || !this.sessions.size) return;
      const raf = this.window.requestAnimationFrame
        ? (/** @type {FrameRequestCallback} */ fn) => this.window.requestAnimationFrame(fn)
        : (/** @type {() => void} */ fn) => this.timers.setTimeout(fn, 16);
      this.frame = raf(() => {
        this.frame = null;
        for (const session of this.sessions.values()) session.follow();
      });
    }
  }

  BotLens.compose = Object.assign(BotLens.compose || {}, { ComposeWatcher });
})((globalThis.BotLens ??= {}));

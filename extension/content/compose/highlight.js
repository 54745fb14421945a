// @ts-check
'use strict';
/**
 * Highlights the part of a draft a tip names without touching the editor: translucent boxes
 * in our own fixed layer (data-botlens="compose-highlights", pointer-events: none), drawn over
 * the client rects of the span. For a contenteditable the rects come from a Range over the
 * editor's own text nodes (a Range only reads the DOM). A textarea has no text nodes, so its
 * text is copied into a hidden mirror with the textarea's box and font, and the rects are
 * read from there.
 *
 * @typedef {{ left: number, top: number, right: number, bottom: number }} Box
 */
(function (BotLens) {
  /** The textarea styles that decide where its text wraps. */
  const MIRRORED = [
    'box-sizing', 'width', 'height', 'padding-top', 'padding-right', 'padding-bottom', 'padding-left',
    'border-top-width', 'border-right-width', 'border-bottom-width', 'border-left-width', 'border-style',
    'font-family', 'font-size', 'font-weight', 'font-style', 'font-variant', 'font-stretch', 'letter-spacing',
    'line-height', 'text-transform', 'text-indent', 'word-spacing', 'tab-size', 'direction', 'text-align',
    'unicode-bidi', 'white-space', 'overflow-wrap', 'word-break',
  ];

  /**
   * The boxes to draw: each rect cut to the editor's visible box (text scrolled out of a
   * textarea or an editor must not be marked over the page), empty ones dropped.
   * @param {Iterable<Box>} rects @param {Box} clip
   * @returns {Box[]}
   */
  function clipBoxes(rects, clip) {
    const boxes = [];
    for (const rect of rects) {
      const box = {
        left: Math.max(rect.left, clip.left), top: Math.max(rect.top, clip.top),
        right: Math.min(rect.right, clip.right), bottom: Math.min(rect.bottom, clip.bottom),
      };
      if (box.right - box.left >= 1 && box.bottom - box.top >= 1) boxes.push(box);
    }
    return boxes;
  }

  class HighlightLayer {
    /** @param {Document} document */
    constructor(document) {
      this.document = document;
      this.host = document.createElement('div');
      this.host.setAttribute('data-botlens', 'compose-highlights');
      this.root = this.host.attachShadow({ mode: 'open' });
      BotLens.styles.applyStyles(this.root, BotLens.compose.meterView.HIGHLIGHT_CSS, document);
      this.mirror = document.createElement('div');
      this.mirror.className = 'mirror';
      this.mirror.setAttribute('aria-hidden', 'true');
      this.marks = document.createElement('div');
      this.root.append(this.mirror, this.marks);
    }

    clear() {
      this.marks.replaceChildren();
      this.mirror.replaceChildren();
    }

    /**
     * @param {HTMLElement} editor
     * @param {import('./text-extraction.js').Extraction} extraction the text the spans index
     * @param {Array<[number, number] | null>} spans UTF-16 [start, end), one per tip (null: no span)
     * @param {number | null} focused index into spans drawn stronger
     */
    draw(editor, extraction, spans, focused) {
      this.clear();
      if (!spans.some(Boolean) || !editor.isConnected) return;
      if (!this.host.isConnected) (this.document.body || this.document.documentElement).append(this.host);
      const clip = editor.getBoundingClientRect();
      spans.forEach((span, index) => {
        if (!span) return;
        const rects = extraction.pieces
          ? this.contentEditableRects(extraction.pieces, span)
          : this.textareaRects(/** @type {HTMLTextAreaElement} */ (editor), extraction.text, span, clip);
        for (const box of clipBoxes(rects, clip)) {
          const mark = this.document.createElement('div');
          mark.className = index === focused ? 'mark focused' : 'mark';
          mark.style.left = `${box.left}px`;
          mark.style.top = `${box.top}px`;
          mark.style.width = `${box.right - box.left}px`;
          mark.style.height = `${box.bottom - box.top}px`;
          this.marks.append(mark);
        }
      });
      this.mirror.replaceChildren();
    }

    /** @param {import('./text-extraction.js').Piece[]} pieces @param {[number, number]} span */
    contentEditableRects(pieces, span) {
      const bounds = BotLens.compose.text.spanBoundaries(pieces, span);
      if (!bounds) return [];
      const range = this.document.createRange();
      if (typeof range.getClientRects !== 'function') return [];
      range.setStart(bounds.start.node, bounds.start.offset);
      range.setEnd(bounds.end.node, bounds.end.offset);
      return Array.from(range.getClientRects());
    }

    /**
     * @param {HTMLTextAreaElement} textarea @param {string} text @param {[number, number]} span
     * @param {DOMRect} box the textarea's client rect
     */
    textareaRects(textarea, text, span, box) {
      const view = this.document.defaultView;
      // Without layout (no computed styles) there is nothing to measure.
      if (!view || typeof view.getComputedStyle !== 'function') return [];
      const computed = view.getComputedStyle(textarea);
      for (const property of MIRRORED) this.mirror.style.setProperty(property, computed.getPropertyValue(property));
      this.mirror.style.borderColor = 'transparent';
      this.mirror.style.left = `${box.left}px`;
      this.mirror.style.top = `${box.top}px`;
      // The mirror's content moves with the textarea's scroll position.
      const inner = this.document.createElement('div');
      inner.style.transform = `translate(${-textarea.scrollLeft}px, ${-textarea.scrollTop}px)`;
      const marked = this.document.createTextNode(text.slice(span[0], span[1]));
      // A trailing space keeps a final empty line measurable, as in the textarea.
      inner.append(text.slice(0, span[0]), marked, `${text.slice(span[1])} `);
      this.mirror.replaceChildren(inner);
      const range = this.document.createRange();
      range.selectNodeContents(marked);
      return Array.from(range.getClientRects());
    }

    remove() {
      this.clear();
      this.host.remove();
    }
  }

  BotLens.compose = Object.assign(BotLens.compose || {}, { highlight: { HighlightLayer, clipBoxes } });
})((globalThis.BotLens ??= {}));

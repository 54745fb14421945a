// @ts-check
'use strict';
/**
 * Reads what the user typed in a compose box, exactly: a textarea's value as is; a
 * contenteditable's text with one line break between blocks (paragraphs, Draft.js blocks)
 * and at each <br> except the placeholder <br> an editor leaves at the end of a block.
 * Nothing is added and nothing the user typed is removed (zero-width joiners inside emoji,
 * RTL marks and the like stay), so tip spans index the text the site will post.
 *
 * For a contenteditable it also returns where each piece of the text lives in the DOM, so a
 * span can be turned into a Range for highlighting without touching the editor.
 *
 * @typedef {{ node: Node, start: number, end: number, kind: 'text'|'atom'|'break' }} Piece
 * @typedef {{ text: string, pieces: Piece[] | null }} Extraction pieces is null for a textarea
 */
(function (BotLens) {
  const TEXT_NODE = 3;
  const ELEMENT_NODE = 1;
  const BLOCKS = new Set([
    'address', 'article', 'aside', 'blockquote', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer',
    'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section',
    'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
  ]);
  const SKIPPED = new Set(['script', 'style', 'template', 'noscript']);

  /**
   * Editors put markers in their DOM that are not the user's text: Slate's zero-width
   * spans, and anything of ours.
   * @param {Element} element
   */
  function isEditorMarker(element) {
    return element.hasAttribute('data-slate-zero-width') || element.hasAttribute('data-botlens');
  }

  /** @param {Element} element */
  function isTextarea(element) {
    return element.tagName.toLowerCase() === 'textarea' || element.tagName.toLowerCase() === 'input';
  }

  /**
   * @param {Element} editor a textarea or a contenteditable element
   * @returns {Extraction}
   */
  function readEditor(editor) {
    if (isTextarea(editor)) return { text: /** @type {HTMLTextAreaElement} */ (editor).value, pieces: null };

    /** @type {Array<Array<{ node: Node, text: string, kind: Piece['kind'] }>>} */
    const lines = [];
    /** @type {Array<{ node: Node, text: string, kind: Piece['kind'] }> | null} */
    let current = null;

    const add = (/** @type {Node} */ node, /** @type {string} */ text, /** @type {Piece['kind']} */ kind) => {
      if (!current) current = [];
      current.push({ node, text, kind });
    };
    const endLine = () => {
      if (!current) return;
      // A <br> with nothing after it in its block only keeps the block open; it is not a line break.
      const last = current[current.length - 1];
      if (last && last.kind === 'break') current.pop();
      lines.push(current);
      current = null;
    };

    /** @param {Node} parent */
    const walk = (parent) => {
      for (const child of parent.childNodes) {
        if (child.nodeType === TEXT_NODE) {
          const data = /** @type {Text} */ (child).data;
          if (data) add(child, data, 'text');
          continue;
        }
        if (child.nodeType !== ELEMENT_NODE) continue;
        const element = /** @type {Element} */ (child);
        const tag = element.tagName.toLowerCase();
        if (SKIPPED.has(tag) || isEditorMarker(element)) continue;
        if (tag === 'br') {
          add(element, '\n', 'break');
        } else if (tag === 'img') {
          // YouTube's box and others show emoji as <img alt="😀">; the alt is what gets posted.
          const alt = element.getAttribute('alt');
          if (alt) add(element, alt, 'atom');
        } else if (BLOCKS.has(tag)) {
          endLine();
          const before = lines.length;
          walk(element);
          if (current || lines.length === before) {
            if (!current) current = [];
            endLine();
          }
        } else {
          walk(element);
        }
      }
    };

    walk(editor);
    endLine();

    /** @type {Piece[]} */
    const pieces = [];
    let text = '';
    lines.forEach((line, index) => {
      if (index > 0) text += '\n';
      for (const part of line) {
        pieces.push({ node: part.node, start: text.length, end: text.length + part.text.length, kind: part.kind });
        text += part.text;
      }
    });
    return { text, pieces };
  }

  /**
   * The DOM boundary point at a UTF-16 offset of an extraction's text. `edge` says which
   * side of a piece boundary to prefer: a range's start sits at the beginning of the next
   * piece, its end at the end of the previous one, so it never spans an extra line.
   * @param {Piece[]} pieces @param {number} offset @param {'start'|'end'} edge
   * @returns {{ node: Node, offset: number } | null}
   */
  function boundaryAt(pieces, offset, edge) {
    const piece = edge === 'start'
      ? pieces.find((p) => offset >= p.start && offset < p.end)
      : pieces.find((p) => offset > p.start && offset <= p.end);
    if (!piece) return null;
    if (piece.kind === 'text') return { node: piece.node, offset: offset - piece.start };
    const parent = piece.node.parentNode;
    if (!parent) return null;
    const index = Array.prototype.indexOf.call(parent.childNodes, piece.node);
    // An image or a <br> is one unit: the range goes before or after it as a whole.
    const after = edge === 'end' ? 1 : offset > piece.start ? 1 : 0;
    return { node: parent, offset: index + after };
  }

  /**
   * @param {Piece[]} pieces @param {[number, number]} span UTF-16 [start, end)
   * @returns {{ start: { node: Node, offset: number }, end: { node: Node, offset: number } } | null}
   */
  function spanBoundaries(pieces, span) {
    const start = boundaryAt(pieces, span[0], 'start');
    const end = boundaryAt(pieces, span[1], 'end');
    return start && end ? { start, end } : null;
  }

  BotLens.compose = Object.assign(BotLens.compose || {}, {
    text: { readEditor, spanBoundaries, isTextarea },
  });
})((globalThis.BotLens ??= {}));

// @ts-check
'use strict';
/**
 * The badge beside a name: a button in a shadow root showing a shape and a word. Hover or
 * focus shows the reasons, a click or Enter opens the card. All text is set as text.
 *
 * A timeline puts hundreds of badges on a page, so each costs as little as the DOM allows: the
 * button is cloned from one prepared per document, its texts are text nodes whose data is
 * replaced, only what changed is written, and the events of every badge go through one set of
 * listeners on the document instead of ten per badge.
 */
(function (BotLens) {
  /**
   * @typedef {{ onPreview: (badge: HTMLElement) => void, onEndPreview: () => void, onOpen: (badge: HTMLElement) => void }} BadgeHandlers
   * @typedef {{ button: HTMLElement, handlers: BadgeHandlers }} LiveBadge
   */

  /** @type {WeakMap<Element, LiveBadge>} badge host -> its button and handlers */
  const live = new WeakMap();
  /** @type {WeakMap<Document, HTMLElement>} the button every badge of a document is cloned from */
  const prototypes = new WeakMap();

  // The badge often sits inside a link or a clickable post; these never reach the page.
  const KEPT_TO_ITSELF = ['mousedown', 'mouseup', 'pointerdown', 'pointerup'];
  const DELEGATED = ['click', 'keydown', 'focus', 'blur', 'mouseenter', 'mouseleave', ...KEPT_TO_ITSELF];

  /**
   * One listener for all badges of a document, in the capture phase so it runs before the page's
   * own handlers of the post or link around the badge. Events from inside a badge's shadow root
   * reach the document retargeted to its host; mouseenter and mouseleave (not composed) are the
   * host's own.
   * @param {Event} event
   */
  function onBadgeEvent(event) {
    const badge = live.get(/** @type {Element} */ (event.target));
    if (!badge) return;
    const { button, handlers } = badge;
    switch (event.type) {
      case 'click':
        event.preventDefault();
        event.stopPropagation();
        handlers.onOpen(button);
        break;
      case 'keydown': {
        const { key } = /** @type {KeyboardEvent} */ (event);
        if (key === 'Escape') handlers.onEndPreview();
        else if (key === 'Enter' || key === ' ') event.stopPropagation();
        break;
      }
      case 'focus':
      case 'mouseenter':
        handlers.onPreview(button);
        break;
      case 'blur':
      case 'mouseleave':
        handlers.onEndPreview();
        break;
      default:
        event.stopPropagation();
    }
  }

  /** @param {Document} document @returns {HTMLElement} */
  function buttonPrototype(document) {
    let button = prototypes.get(document);
    if (button) return button;
    button = document.createElement('button');
    button.setAttribute('type', 'button');
    button.className = 'badge';
    const symbol = document.createElement('span');
    symbol.className = 'symbol';
    symbol.setAttribute('aria-hidden', 'true');
    const word = document.createElement('span');
    word.className = 'word';
    symbol.append(document.createTextNode(''));
    word.append(document.createTextNode(''));
    button.append(symbol, word);
    prototypes.set(document, button);
    for (const type of DELEGATED) document.addEventListener(type, onBadgeEvent, true);
    return button;
  }

  /**
   * @param {Document} document
   * @param {BadgeHandlers} handlers
   * @param {import('./verdict.js').BadgeView} [view] what to show from the start
   * @returns {{ host: HTMLElement, update: (view: import('./verdict.js').BadgeView) => void }}
   */
  function createBadge(document, handlers, view) {
    const host = document.createElement('span');
    host.setAttribute('data-botlens', 'badge');
    const root = host.attachShadow({ mode: 'open' });
    BotLens.styles.applyStyles(root, BotLens.styles.BADGE_CSS, document);
    const button = /** @type {HTMLElement} */ (buttonPrototype(document).cloneNode(true));
    const symbol = /** @type {Text} */ (/** @type {Element} */ (button.firstChild).firstChild);
    const word = /** @type {Text} */ (/** @type {Element} */ (button.lastChild).firstChild);
    root.append(button);
    live.set(host, { button, handlers });

    let shown = { tone: '', label: '', symbol: '', word: '' };
    /** @param {import('./verdict.js').BadgeView} next */
    function update(next) {
      // The tone is the host's attribute alone: the stylesheet colours the button by it.
      if (next.tone !== shown.tone) host.setAttribute('data-botlens-tone', next.tone);
      if (next.label !== shown.label) button.setAttribute('aria-label', next.label);
      if (next.symbol !== shown.symbol) symbol.data = next.symbol;
      if (next.word !== shown.word) word.data = next.word;
      shown = { tone: next.tone, label: next.label, symbol: next.symbol, word: next.word };
    }
    if (view) update(view);

    return { host, update };
  }

  BotLens.createBadge = createBadge;
})((globalThis.BotLens ??= {}));

// @ts-check
'use strict';
/**
 * The badge beside a name: a button showing a shape and a word. Hover or focus shows the
 * reasons, a click or Enter opens the card. All text is set as text.
 *
 * A timeline puts hundreds of badges on a page, so each costs as little as the DOM allows: the
 * badge is one clone of a host prepared per look and document, a plain element of our own tag styled by
 * the sheet the manifest injects (ui/badge.css) rather than a shadow root with its own sheet; the
 * shape and word are attributes the sheet draws, so the badge puts no text into the site's
 * elements (which the adapters read); only what changed is written, and the events of every badge
 * go through one set of listeners on the document instead of ten per badge.
 */
(function (BotLens) {
  /**
   * What a badge's events do, shared by all the badges of one owner (the badge layer): each call
   * names the badge's button and the value the badge was created for, so no badge needs
   * handlers of its own.
   * @typedef {{ onPreview: (button: HTMLElement, owner: any) => void, onEndPreview: () => void,
   *   onOpen: (button: HTMLElement, owner: any) => void }} BadgeHandlers
   */

  const TAG = 'botlens-badge';

  /** @type {WeakMap<Element, Badge>} badge host -> the badge */
  const live = new WeakMap();
  /** @type {WeakMap<Document, Map<string, HTMLElement>>} per document, the hosts badges are cloned from, by look */
  const prototypes = new WeakMap();

  // The badge often sits inside a link or a clickable post; these never reach the page.
  const KEPT_TO_ITSELF = ['mousedown', 'mouseup', 'pointerdown', 'pointerup'];
  // mouseover/mouseout rather than mouseenter/mouseleave: a capturing listener hears the latter once
  // for every element the pointer crosses anywhere on the page (scrolling a feed under a resting
  // pointer crosses many), the former once per move.
  const DELEGATED = ['click', 'keydown', 'focus', 'blur', 'mouseover', 'mouseout', ...KEPT_TO_ITSELF];

  /** The badge host an element is, or is the button of. @param {EventTarget | null} target */
  function hostOf(target) {
    const element = /** @type {Element | null} */ (target);
    if (!element || element.nodeType !== 1) return null;
    if (element.localName === TAG) return element;
    const parent = element.parentElement;
    return parent && parent.localName === TAG ? parent : null;
  }

  /**
   * The badge an event concerns. Moving between a badge's host and its button is neither entering
   * nor leaving it.
   * @param {Event} event
   */
  function badgeOf(event) {
    const host = hostOf(event.target);
    if (!host) return undefined;
    if ((event.type === 'mouseover' || event.type === 'mouseout')
      && hostOf(/** @type {MouseEvent} */ (event).relatedTarget) === host) return undefined;
    return live.get(host);
  }

  /**
   * One listener for all badges of a document, in the capture phase so it runs before the page's
   * own handlers of the post or link around the badge.
   * @param {Event} event
   */
  function onBadgeEvent(event) {
    const badge = badgeOf(event);
    if (!badge) return;
    const { button, handlers, owner } = badge;
    switch (event.type) {
      case 'click':
        event.preventDefault();
        event.stopPropagation();
        handlers.onOpen(button, owner);
        break;
      case 'keydown': {
        const { key } = /** @type {KeyboardEvent} */ (event);
        if (key === 'Escape') handlers.onEndPreview();
        else if (key === 'Enter' || key === ' ') event.stopPropagation();
        break;
      }
      case 'focus':
      case 'mouseover':
        handlers.onPreview(button, owner);
        break;
      case 'blur':
      case 'mouseout':
        handlers.onEndPreview();
        break;
      default:
        event.stopPropagation();
    }
  }

  /**
   * A document's badge prototypes by look; the first badge of a document also sets up its listeners.
   * @param {Document} document @returns {Map<string, HTMLElement>}
   */
  function prototypesOf(document) {
    let byLook = prototypes.get(document);
    if (!byLook) {
      byLook = new Map();
      prototypes.set(document, byLook);
      for (const type of DELEGATED) document.addEventListener(type, onBadgeEvent, true);
    }
    return byLook;
  }

  /**
   * The host a badge with this look is cloned from: one per look (tone, shape, word) and document,
   * so a new badge needs only its label written. A page sees a handful of looks.
   * @param {Document} document @param {{ tone: string, symbol: string, word: string }} look
   * @returns {HTMLElement}
   */
  function hostPrototype(document, look) {
    const byLook = prototypesOf(document);
    const key = `${look.tone}\u0000${look.symbol}\u0000${look.word}`;
    let host = byLook.get(key);
    if (host) return host;
    host = document.createElement(TAG);
    host.setAttribute('data-botlens', 'badge');
    host.setAttribute('data-botlens-tone', look.tone);
    const button = document.createElement('button');
    button.setAttribute('type', 'button');
    button.setAttribute('data-symbol', look.symbol);
    button.setAttribute('data-word', look.word);
    host.append(button);
    byLook.set(key, host);
    return host;
  }

  /** A badge on the page: its host, its button, and what it shows. */
  class Badge {
    /**
     * @param {HTMLElement} host @param {HTMLElement} button @param {BadgeHandlers} handlers @param {any} owner
     * @param {import('./verdict.js').BadgeView} view
     */
    constructor(host, button, handlers, owner, view) {
      this.host = host;
      this.button = button;
      this.handlers = handlers;
      this.owner = owner;
      this.shown = view;
    }

    /** Writes only what changed. @param {import('./verdict.js').BadgeView} next */
    update(next) {
      const { host, button, shown } = this;
      // The tone is the host's attribute alone: the stylesheet colours the button by it.
      if (next.tone !== shown.tone) host.setAttribute('data-botlens-tone', next.tone);
      if (next.label !== shown.label) button.setAttribute('aria-label', next.label);
      if (next.symbol !== shown.symbol) button.setAttribute('data-symbol', next.symbol);
      if (next.word !== shown.word) button.setAttribute('data-word', next.word);
      this.shown = next;
    }
  }

  /**
   * @param {Document} document
   * @param {BadgeHandlers} handlers
   * @param {any} owner passed back to the handlers with the button (the badge layer's entry)
   * @param {import('./verdict.js').BadgeView} view what to show from the start
   * @returns {Badge}
   */
  function createBadge(document, handlers, owner, view) {
    const host = /** @type {HTMLElement} */ (hostPrototype(document, view).cloneNode(true));
    const button = /** @type {HTMLElement} */ (host.firstChild);
    button.setAttribute('aria-label', view.label);
    const badge = new Badge(host, button, handlers, owner, view);
    live.set(host, badge);
    return badge;
  }

  BotLens.createBadge = createBadge;
})((globalThis.BotLens ??= {}));

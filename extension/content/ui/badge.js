// @ts-check
'use strict';
/**
 * The badge beside a name: a button in a shadow root showing a shape and a word. Hover or
 * focus shows the reasons, a click or Enter opens the card. All text is set with textContent.
 */
(function (BotLens) {
  /**
   * @param {Document} document
   * @param {{ onPreview: (badge: HTMLElement) => void, onEndPreview: () => void, onOpen: (badge: HTMLElement) => void }} handlers
   * @returns {{ host: HTMLElement, update: (view: import('./verdict.js').BadgeView) => void }}
   */
  function createBadge(document, { onPreview, onEndPreview, onOpen }) {
    const host = document.createElement('span');
    host.setAttribute('data-botlens', 'badge');
    const root = host.attachShadow({ mode: 'open' });
    BotLens.styles.applyStyles(root, BotLens.styles.BADGE_CSS, document);

    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'badge';
    const symbol = document.createElement('span');
    symbol.className = 'symbol';
    symbol.setAttribute('aria-hidden', 'true');
    const word = document.createElement('span');
    word.className = 'word';
    button.append(symbol, word);
    root.append(button);

    // The badge often sits inside a link or a clickable post; keep its clicks to itself.
    const swallow = (/** @type {Event} */ event) => {
      event.preventDefault();
      event.stopPropagation();
    };
    button.addEventListener('click', (event) => {
      swallow(event);
      onOpen(button);
    });
    for (const type of ['mousedown', 'mouseup', 'pointerdown', 'pointerup']) button.addEventListener(type, (e) => e.stopPropagation());
    button.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') onEndPreview();
      else if (event.key === 'Enter' || event.key === ' ') event.stopPropagation();
    });
    button.addEventListener('mouseenter', () => onPreview(button));
    button.addEventListener('focus', () => onPreview(button));
    button.addEventListener('mouseleave', onEndPreview);
    button.addEventListener('blur', onEndPreview);

    /** @param {import('./verdict.js').BadgeView} view */
    function update(view) {
      button.className = `badge tone-${view.tone}`;
      button.setAttribute('aria-label', view.label);
      host.setAttribute('data-botlens-tone', view.tone);
      symbol.textContent = view.symbol;
      word.textContent = view.word;
    }

    return { host, update };
  }

  BotLens.createBadge = createBadge;
})((globalThis.BotLens ??= {}));

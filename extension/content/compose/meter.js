// @ts-check
'use strict';
/**
 * The small meter beside a compose box: verdict word, shape and colour, the spam probability,
 * and a button that shows the tips. It lives in its own shadow root on a fixed-position host
 * (data-botlens="compose-meter", with data-botlens-verdict for tests), so it never enters the
 * site's editor DOM. The verdict line is a polite live region; all text goes in through
 * textContent.
 */
(function (BotLens) {
  const GAP = 4;

  /**
   * Where the meter goes: inside the editor's bottom-right corner, or just below the editor
   * when the box is too short to hold it; always kept inside the viewport.
   * @param {{ left: number, top: number, right: number, bottom: number, width: number, height: number }} editor
   * @param {{ width: number, height: number }} meter
   * @param {{ width: number, height: number }} viewport
   */
  function meterPosition(editor, meter, viewport) {
    const inside = editor.height >= meter.height + 2 * GAP;
    let top = inside ? editor.bottom - meter.height - GAP : editor.bottom + GAP;
    let left = editor.right - meter.width - GAP;
    top = Math.min(Math.max(0, top), Math.max(0, viewport.height - meter.height));
    left = Math.min(Math.max(0, left), Math.max(0, viewport.width - meter.width));
    return { left: Math.round(left), top: Math.round(top) };
  }

  /**
   * @param {Document} document
   * @param {{ onFocusTip: (index: number | null) => void }} handlers
   */
  function createMeter(document, { onFocusTip }) {
    const host = document.createElement('div');
    host.setAttribute('data-botlens', 'compose-meter');
    host.setAttribute('data-botlens-verdict', 'idle');
    host.hidden = true;
    const root = host.attachShadow({ mode: 'open' });
    BotLens.styles.applyStyles(root, BotLens.compose.meterView.METER_CSS, document);

    const bar = document.createElement('div');
    bar.className = 'bar';
    const status = document.createElement('span');
    status.className = 'status';
    status.setAttribute('role', 'status');
    status.setAttribute('aria-live', 'polite');
    status.setAttribute('aria-atomic', 'true');
    const symbol = document.createElement('span');
    symbol.className = 'symbol';
    symbol.setAttribute('aria-hidden', 'true');
    const verdict = document.createElement('span');
    verdict.className = 'verdict';
    const detail = document.createElement('span');
    detail.className = 'detail';
    status.append(symbol, verdict, detail);

    const toggle = document.createElement('button');
    toggle.type = 'button';
    toggle.className = 'toggle';
    toggle.setAttribute('aria-expanded', 'false');
    toggle.hidden = true;
    const tips = document.createElement('ul');
    tips.className = 'tips';
    tips.id = 'botlens-compose-tips';
    tips.hidden = true;
    toggle.setAttribute('aria-controls', tips.id);
    bar.append(status, toggle, tips);
    root.append(bar);

    const setOpen = (/** @type {boolean} */ open) => {
      tips.hidden = !open;
      toggle.setAttribute('aria-expanded', String(open));
      if (!open) onFocusTip(null);
    };
    // Keep the editor's focus and selection: clicking the meter must not blur the draft.
    bar.addEventListener('mousedown', (event) => event.preventDefault());
    toggle.addEventListener('click', (event) => {
      event.stopPropagation();
      setOpen(tips.hidden);
    });
    bar.addEventListener('keydown', (event) => {
      if (/** @type {KeyboardEvent} */ (event).key === 'Escape') setOpen(false);
    });

    /** @param {import('./meter-view.js').MeterView} view */
    function update(view) {
      host.hidden = view.state === 'idle';
      host.setAttribute('data-botlens-verdict', view.state);
      bar.className = `bar tone-${view.state}${view.stale ? ' stale' : ''}`;
      // The live region announces the visible words; the full sentence is the tooltip.
      bar.title = view.label;
      symbol.textContent = view.symbol;
      verdict.textContent = view.word;
      detail.textContent = view.detail ? ` · ${view.detail}` : '';
      toggle.hidden = view.tips.length === 0;
      toggle.textContent = BotLens.compose.meterView.tipCount(view.tips.length);
      const items = view.tips.map((tip, index) => {
        const item = document.createElement('li');
        item.textContent = tip.message;
        item.setAttribute('data-code', tip.code);
        if (tip.span) {
          // A tip that names part of the text highlights it while pointed at or focused.
          item.setAttribute('data-has-span', '');
          item.tabIndex = 0;
          item.addEventListener('mouseenter', () => onFocusTip(index));
          item.addEventListener('focus', () => onFocusTip(index));
          item.addEventListener('mouseleave', () => onFocusTip(null));
          item.addEventListener('blur', () => onFocusTip(null));
        }
        return item;
      });
      tips.replaceChildren(...items);
      if (!view.tips.length) setOpen(false);
    }

    /**
     * @param {DOMRect} editorRect
     * @param {{ width: number, height: number }} viewport
     */
    function place(editorRect, viewport) {
      if (host.hidden) return;
      const visible = editorRect.width > 0 && editorRect.height > 0
        && editorRect.bottom > 0 && editorRect.top < viewport.height;
      host.style.visibility = visible ? 'visible' : 'hidden';
      const box = bar.getBoundingClientRect();
      const size = { width: box.width || 120, height: box.height || 20 };
      const { left, top } = meterPosition(editorRect, size, viewport);
      host.style.left = `${left}px`;
      host.style.top = `${top}px`;
      tips.classList.toggle('below', top < viewport.height / 3);
    }

    return { host, update, place, remove: () => host.remove() };
  }

  BotLens.compose = Object.assign(BotLens.compose || {}, { meter: { createMeter, meterPosition } });
})((globalThis.BotLens ??= {}));

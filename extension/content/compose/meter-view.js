// @ts-check
'use strict';
/**
 * What the compose meter shows for a check's state: a tone (colour), a shape and a word, so
 * the verdict reads without colour, plus the tips. Pure, so it is tested without a DOM.
 *
 * @typedef {{ code: string, message: string, span: [number, number] | null }} TipView
 * @typedef {{
 *   state: 'idle'|'checking'|'fine'|'borderline'|'spam_like'|'error',
 *   word: string, symbol: string, detail: string, label: string, tips: TipView[], stale: boolean,
 * }} MeterView
 * @typedef {{ status: 'idle' } | { status: 'checking', previous?: MeterView | null }
 *   | { status: 'done', result: any } | { status: 'error', error: any }} CheckState
 */
(function (BotLens) {
  const LOOKS = {
    fine: { word: 'Reads fine', symbol: '●' },
    borderline: { word: 'Borderline', symbol: '◆' },
    spam_like: { word: 'Reads like spam', symbol: '▲' },
  };

  /** @param {number} count */
  function tipCount(count) {
    return count === 1 ? '1 tip' : `${count} tips`;
  }

  /**
   * @param {CheckState} check
   * @returns {MeterView}
   */
  function describeCheck(check) {
    const empty = { detail: '', tips: [], stale: false };
    if (check.status === 'idle') return { ...empty, state: 'idle', word: '', symbol: '', label: '' };
    if (check.status === 'checking') {
      // Keep the last verdict on screen, marked stale, rather than flashing on every keystroke.
      if (check.previous && check.previous.state !== 'idle' && check.previous.state !== 'checking') {
        return { ...check.previous, stale: true };
      }
      return { ...empty, state: 'checking', word: 'Checking…', symbol: '…', label: 'BotLens is checking your draft' };
    }
    if (check.status === 'error') {
      const kind = check.error && check.error.kind;
      const word = kind === 'not_configured' ? 'BotLens not set up'
        : kind === 'unauthorized' ? 'BotLens token rejected'
          : kind === 'bad_request' ? 'Cannot check this draft' : 'Check unavailable';
      const why = (check.error && typeof check.error.message === 'string' && check.error.message) || 'The BotLens backend is not reachable.';
      return { ...empty, state: 'error', word, symbol: '⊘', detail: why, label: `${word}: ${why}` };
    }
    const result = check.result;
    const look = LOOKS[/** @type {keyof typeof LOOKS} */ (result.verdict)];
    const percent = Math.round(Number(result.spamProbability) * 100);
    const tips = Array.isArray(result.tips) ? result.tips : [];
    const detail = `${percent}% spam-like`;
    const first = tips.length ? ` ${tips[0].message}` : '';
    return {
      state: result.verdict,
      word: look.word,
      symbol: look.symbol,
      detail,
      tips,
      stale: false,
      label: `Draft check: ${look.word.toLowerCase()}, ${detail}${tips.length ? `, ${tipCount(tips.length)}.${first}` : '.'}`,
    };
  }

  const METER_CSS = `
:host { all: initial; position: fixed; z-index: 2147483646; display: block; }
:host([hidden]) { display: none; }
.bar { display: inline-flex; align-items: center; gap: 4px; box-sizing: border-box; max-width: 320px;
  font: 600 11px/1.3 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; padding: 2px 4px 2px 8px;
  border-radius: 10px; border: 1.5px solid currentColor; background: #fff; white-space: nowrap; }
.status { display: inline-flex; gap: 4px; align-items: center; }
.detail { font-weight: 400; }
.stale { opacity: .6; }
.toggle { all: unset; cursor: pointer; padding: 0 5px; border-radius: 8px; text-decoration: underline; }
.toggle:focus-visible, .tips li:focus-visible { outline: 2px solid #1a56db; outline-offset: 1px; }
.tips { position: absolute; inset-inline-end: 0; bottom: calc(100% + 4px); margin: 0; padding: 6px 10px 6px 24px;
  width: max-content; max-width: 320px; box-sizing: border-box; list-style: disc; background: #fff; color: #111827;
  font: 12px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; border: 1px solid #d1d5db; border-radius: 8px;
  box-shadow: 0 6px 24px rgba(0,0,0,.18); white-space: normal; }
.tips.below { bottom: auto; top: calc(100% + 4px); }
.tips li { margin: 2px 0; }
.tips li[data-has-span] { cursor: default; text-decoration: underline dotted; }
.tone-fine { color: #11633a; background: #e7f6ed; }
.tone-borderline { color: #7a4b00; background: #fff4d6; }
.tone-spam_like { color: #a4161a; background: #fde8e8; }
.tone-checking, .tone-error { color: #4b5563; background: #f3f4f6; border-style: dashed; }
@media (prefers-color-scheme: dark) { .tips { background: #111827; color: #f9fafb; border-color: #374151; } }
`;

  const HIGHLIGHT_CSS = `
:host { all: initial; position: fixed; inset: 0; pointer-events: none; z-index: 2147483645; }
.mark { position: fixed; pointer-events: none; box-sizing: border-box; border-bottom: 2px solid #d97706;
  background: rgba(250, 204, 21, .28); border-radius: 2px; }
.mark.focused { background: rgba(249, 115, 22, .40); border-bottom-color: #c2410c; }
.mirror { position: fixed; visibility: hidden; overflow: hidden; white-space: pre-wrap; overflow-wrap: break-word; }
`;

  BotLens.compose = Object.assign(BotLens.compose || {}, {
    meterView: { describeCheck, tipCount, METER_CSS, HIGHLIGHT_CSS },
  });
})((globalThis.BotLens ??= {}));

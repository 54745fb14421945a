// @ts-check
'use strict';
/**
 * What a score means for the badge: a tone (colour), a word, and a shape, so the verdict is
 * readable without colour. Pure, so it is tested without a DOM.
 */
(function (BotLens) {
  /** Above this fake-follower probability an account that is not bot-like reads as a fake follower. */
  const FAKE_FOLLOWER_THRESHOLD = 0.6;

  /**
   * @typedef {{ tone: 'human'|'uncertain'|'bot'|'fake'|'offline'|'pending', word: string, symbol: string,
   *   label: string, reasons: Array<{ code: string, message: string, impact: number }>,
   *   botProbability: number | null, fakeProbability: number | null, modelVersion: string | null }} BadgeView
   */

  /** @param {number} p */
  function percent(p) {
    return `${Math.round(p * 100)}%`;
  }

  /**
   * @param {any} outcome a ScoreOutcome from the service worker, or null while waiting
   * @param {string} handle for the accessible label
   * @returns {BadgeView}
   */
  function describeOutcome(outcome, handle) {
    const base = { reasons: [], botProbability: null, fakeProbability: null, modelVersion: null };
    if (!outcome) {
      return { ...base, tone: 'pending', word: 'checking', symbol: '…', label: `BotLens is checking ${handle}` };
    }
    if (!outcome.ok) {
      const kind = outcome.error && outcome.error.kind;
      const word = kind === 'unauthorized' ? 'token rejected' : kind === 'not_configured' ? 'not set up' : 'offline';
      const why = (outcome.error && outcome.error.message) || 'The BotLens backend is not reachable.';
      return { ...base, tone: 'offline', word, symbol: '⊘', label: `BotLens ${word}: ${why}` };
    }
    const result = outcome.result;
    const bot = Number(result.bot_probability);
    const fake = Number(result.fake_follower_probability);
    /** @type {Pick<BadgeView, 'tone'|'word'|'symbol'>} */
    let look;
    if (result.verdict === 'likely_bot') look = { tone: 'bot', word: 'bot-like', symbol: '▲' };
    else if (fake >= FAKE_FOLLOWER_THRESHOLD) look = { tone: 'fake', word: 'fake-follower-like', symbol: '■' };
    else if (result.verdict === 'likely_human') look = { tone: 'human', word: 'human-like', symbol: '●' };
    else look = { tone: 'uncertain', word: 'uncertain', symbol: '◆' };
    const reasons = Array.isArray(result.reasons) ? result.reasons : [];
    const top = reasons.slice(0, 2).map((r) => r.message).join('; ');
    return {
      ...look,
      reasons,
      botProbability: bot,
      fakeProbability: fake,
      modelVersion: outcome.modelVersion || null,
      label: `BotLens: ${handle} looks ${look.word} (bot ${percent(bot)}, fake follower ${percent(fake)})`
        + `${top ? `. ${top}` : ''}. Press Enter for details.`,
    };
  }

  BotLens.verdict = { describeOutcome, percent, FAKE_FOLLOWER_THRESHOLD };
})((globalThis.BotLens ??= {}));

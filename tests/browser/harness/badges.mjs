// Reading BotLens badges the way a user meets them. Badges are plain elements of BotLens's own tag; the
// reasons panel lives in an open shadow root, which Playwright's CSS locators pierce.
import assert from 'node:assert/strict';

export const BADGE = '[data-botlens="badge"]';
export const PANEL = '[data-botlens="floating"] .panel';

/**
 * The words a badge may show for a backend result, by the vocabulary: bot-like for likely_bot;
 * otherwise human-like / uncertain, or fake-follower-like when the fake-follower probability dominates.
 * @param {{verdict: string, fake_follower_probability: number}} result
 */
export function wordsFor(result) {
  if (result.verdict === 'likely_bot') return ['bot-like'];
  const base = result.verdict === 'likely_human' ? 'human-like' : 'uncertain';
  return result.fake_follower_probability >= 0.5 ? [base, 'fake-follower-like'] : [base];
}

/** @param {import('playwright-core').Locator} badge */
export async function badgeState(badge) {
  return badge.evaluate((host) => {
    const button = host.querySelector('button');
    return {
      tone: host.getAttribute('data-botlens-tone'),
      word: (button && button.getAttribute('data-word')) || '',
      label: (button && button.getAttribute('aria-label')) || '',
      text: button ? `${button.getAttribute('data-symbol') || ''} ${button.getAttribute('data-word') || ''}` : '',
    };
  });
}

/**
 * Waits until a badge shows a final state (not "checking") and returns it.
 * @param {import('playwright-core').Locator} badge
 */
export async function settledBadge(badge, timeout = 30_000) {
  await badge.waitFor({ state: 'attached', timeout });
  await badge.page().waitForFunction((host) => {
    const tone = host.getAttribute('data-botlens-tone');
    return tone && tone !== 'pending';
  }, await badge.elementHandle(), { timeout });
  return badgeState(badge);
}

/**
 * Asserts that a badge says what the backend said about the account: the word for the verdict, and the
 * backend's probabilities in its accessible label.
 * @param {{tone: string|null, word: string, label: string}} state @param {any} result
 */
export function assertShowsResult(state, result) {
  assert.ok(result, 'the backend scored this account');
  assert.ok(wordsFor(result).includes(state.word),
    `badge word "${state.word}" should be one of ${wordsFor(result)} for verdict ${result.verdict}`);
  assert.ok(state.label.includes(`${Math.round(result.bot_probability * 100)}%`),
    `accessible label "${state.label}" should give the bot probability ${result.bot_probability}`);
}

/**
 * Hovers a badge and returns the text of the reasons panel.
 * @param {import('playwright-core').Locator} badge
 */
export async function hoverReasons(badge) {
  await badge.locator('button').hover();
  const panel = badge.page().locator(`${PANEL}[role="tooltip"]`);
  await panel.waitFor({ state: 'visible', timeout: 10_000 });
  return (await panel.textContent()) || '';
}

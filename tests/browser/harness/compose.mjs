// Typing into a compose box like a user, and reading the BotLens meter beside it.
import { waitFor } from './wait.mjs';

export const METER = '[data-botlens="compose-meter"]';
export const HIGHLIGHTS = '[data-botlens="compose-highlights"]';

/**
 * Exactly what the box holds: a textarea's value, or a contenteditable's text nodes.
 * @param {import('playwright-core').Locator} editor
 */
export function boxText(editor) {
  return editor.evaluate((el) => ('value' in el ? /** @type {HTMLTextAreaElement} */ (el).value : el.textContent || ''));
}

/** @param {import('playwright-core').Page} page */
export async function meterState(page) {
  return page.locator(METER).evaluate((host) => {
    const root = /** @type {ShadowRoot} */ (host.shadowRoot);
    const bar = root.querySelector('.bar');
    const toggle = /** @type {HTMLButtonElement} */ (root.querySelector('.toggle'));
    return {
      verdict: host.getAttribute('data-botlens-verdict'),
      hidden: /** @type {HTMLElement} */ (host).hidden,
      stale: Boolean(bar && bar.classList.contains('stale')),
      text: (root.querySelector('.status') || {}).textContent || '',
      tipsButton: toggle && !toggle.hidden ? toggle.textContent : null,
      tips: [...root.querySelectorAll('.tips li')].map((li) => ({ code: li.getAttribute('data-code'), message: li.textContent })),
    };
  });
}

/**
 * Waits for the backend to have answered a check of exactly `text`, then for the meter to show that answer.
 * @param {import('playwright-core').Page} page
 * @param {import('./recording-proxy.mjs').RecordingProxy} proxy @param {string} platform @param {string} text
 */
export async function checkedDraft(page, proxy, platform, text) {
  const exchange = await waitFor(() => proxy.sent('/api/v1/compose/check')
    .find((e) => e.request && e.request.text === text && e.request.platform === platform && e.status === 200), { timeout: 30_000, what: 'a compose check of the whole draft' });
  // The meter may still show an earlier, shorter draft's answer: wait for this answer's verdict, percentage and
  // number of tips together.
  const { verdict, spam_probability: probability, tips } = exchange.response;
  const percent = `${Math.round(probability * 100)}%`;
  await page.waitForFunction(([selector, wanted, pct, tipCount]) => {
    const host = document.querySelector(selector);
    const root = host && host.shadowRoot;
    const bar = root && root.querySelector('.bar');
    const toggle = root && /** @type {HTMLElement | null} */ (root.querySelector('.toggle'));
    const shownTips = toggle && !toggle.hidden ? Number.parseInt(toggle.textContent || '0', 10) : 0;
    return Boolean(host && bar && host.getAttribute('data-botlens-verdict') === wanted && !bar.classList.contains('stale')
      && (root.querySelector('.status')?.textContent || '').includes(pct) && shownTips === tipCount);
  }, /** @type {[string, string, string, number]} */ ([METER, verdict, percent, tips.length]), { timeout: 30_000 });
  return exchange.response;
}

// @ts-check
import { isComposeSite, loadComposeSettings } from '../compose-settings.js';
import { codePointLength, codePointOffsets, toUtf16Span } from '../compose-spans.js';
import { loadRecentPosts, postsForCheck, recordPost, forgetRecentPosts } from '../recent-posts.js';

/**
 * compose.site:   { type, platform } -> { ok: true, enabled, remember }
 *   Whether the compose check runs on a site (its own switch, separate from the badges), and
 *   whether the user opted in to remembering their posts.
 * compose.check:  { type, text, platform } -> { ok: true, result: ComposeView } | { ok: false, error }
 *   Scores a draft. The user's recent posts on the same platform go inside the request only
 *   when they opted in. Tip spans come back in UTF-16 units of `text` (see compose-spans.js).
 * compose.posted: { type, text, platform } -> { ok: true, stored }
 *   The user sent a post; remembered only when they opted in.
 * compose.forget: { type } -> { ok: true }
 *
 * @typedef {{ code: string, message: string, span: [number, number] | null }} ComposeTipView
 * @typedef {{ spamProbability: number, verdict: 'fine'|'borderline'|'spam_like', tips: ComposeTipView[], modelVersion: string }} ComposeView
 */

export const MAX_TEXT_CODE_POINTS = 10_000;
const VERDICTS = new Set(['fine', 'borderline', 'spam_like']);

/** @param {string} message */
function badRequest(message) {
  return { ok: false, error: { kind: 'bad_request', message } };
}

/**
 * Checks the backend's answer and converts spans; an answer of the wrong shape is an error
 * rather than a meter showing nonsense.
 * @param {any} payload @param {string} text
 * @returns {ComposeView | null}
 */
export function toComposeView(payload, text) {
  if (!payload || typeof payload !== 'object' || !VERDICTS.has(payload.verdict)) return null;
  const probability = Number(payload.spam_probability);
  if (!Number.isFinite(probability) || probability < 0 || probability > 1) return null;
  const offsets = codePointOffsets(text);
  const tips = (Array.isArray(payload.tips) ? payload.tips : [])
    .filter((/** @type {any} */ tip) => tip && typeof tip.code === 'string' && typeof tip.message === 'string')
    .map((/** @type {any} */ tip) => ({ code: tip.code, message: tip.message, span: toUtf16Span(tip.span, offsets) }));
  return {
    spamProbability: probability,
    verdict: payload.verdict,
    tips,
    modelVersion: typeof payload.model_version === 'string' ? payload.model_version : '',
  };
}

/**
 * @param {import('../message-router.js').MessageRouter} router
 * @param {{ client: import('../backend-client.js').BackendClient, storage: typeof chrome.storage.local, now?: () => number }} deps
 */
export function registerComposeHandlers(router, { client, storage, now = Date.now }) {
  router.register('compose.site', async (message) => {
    if (!isComposeSite(message.platform)) return { ok: true, enabled: false, remember: false };
    const settings = await loadComposeSettings(storage);
    return { ok: true, enabled: settings.sites[message.platform], remember: settings.recentPostsOptIn };
  });

  router.register('compose.check', async (message) => {
    const { text, platform } = message;
    if (typeof text !== 'string' || !text.trim()) return badRequest('text must be a non-empty string');
    if (codePointLength(text) > MAX_TEXT_CODE_POINTS) return badRequest(`text is longer than ${MAX_TEXT_CODE_POINTS} characters`);
    if (!isComposeSite(platform)) return badRequest('platform must be one of the sites the compose check supports');
    const settings = await loadComposeSettings(storage);
    if (!settings.sites[platform]) return { ok: false, error: { kind: 'disabled', message: 'The compose check is switched off for this site.' } };

    /** @type {{ text: string, platform: string, recent_posts?: string[] }} */
    const body = { text, platform };
    const recent = postsForCheck(await loadRecentPosts(storage), platform);
    if (recent.length) body.recent_posts = recent;
    const payload = await client.call('POST', '/api/v1/compose/check', body);
    const result = toComposeView(payload, text);
    if (!result) return { ok: false, error: { kind: 'bad_response', message: 'The backend answered the compose check in an unexpected shape.' } };
    return { ok: true, result };
  });

  router.register('compose.posted', async (message) => {
    const { text, platform } = message;
    if (typeof text !== 'string' || !isComposeSite(platform)) return badRequest('compose.posted needs text and a supported platform');
    return { ok: true, stored: await recordPost(storage, { platform, text }, now()) };
  });

  router.register('compose.forget', async () => {
    await forgetRecentPosts(storage);
    return { ok: true };
  });
}

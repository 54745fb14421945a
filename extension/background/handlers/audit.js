// @ts-check
import { AuditJobs } from '../audit-jobs.js';
import { DEFAULT_FOLLOWER_LIMIT, MAX_FOLLOWER_LIMIT, clampLimit } from '../follower-paging.js';
import { registerPostHandlers, cleanPost, MAX_POSTS } from './posts.js';

/**
 * audit.start: { type, platform: 'mastodon'|'bluesky', handle, instanceOrigin?, limit?, account? }
 *   -> { ok: true, auditId }  Pages the followers through the public API (limit: the message's,
 *   else the user's "auditLimit" setting, else 2,000), opens the report page, then scores them.
 * audit.submit: { type, platform, handle, followers: Profile[], account?, followers_total?, posts?: Post[] }
 *   -> { ok: true, auditId }  Followers a content script collected from the page (sampling "visible"),
 *   with the account's visible posts for the engagement check.
 * audit.stop: { type, auditId } -> { ok, running }  Stop collecting; score what was seen.
 * audit.cancel: { type, auditId } -> { ok, running }  Abandon the audit.
 * audit.limit: { type } -> { ok: true, limit }  The user's follower limit.
 * posts.score is registered here too (see posts.js).
 */

export const AUDIT_LIMIT_KEY = 'auditLimit';
const PAGED_PLATFORMS = new Set(['mastodon', 'bluesky']);
const COLLECTED_PLATFORMS = new Set(['x', 'instagram', 'mastodon', 'bluesky']);
const REPORT_PAGE = 'audit/report.html';

/** @param {string} message */
const badRequest = (message) => ({ ok: false, error: { kind: 'bad_request', message } });

/** @param {unknown} value */
const isProfile = (value) => Boolean(value && typeof value === 'object'
  && typeof (/** @type {any} */ (value).platform) === 'string'
  && typeof (/** @type {any} */ (value).handle) === 'string' && /** @type {any} */ (value).handle);

/**
 * @param {import('../message-router.js').MessageRouter} router
 * @param {{
 *   client: import('../backend-client.js').BackendClient, fetch: typeof fetch,
 *   session?: chrome.storage.StorageArea, local?: chrome.storage.StorageArea,
 *   openTab?: (url: string) => Promise<unknown>, pageUrl?: (path: string) => string,
 *   jobs?: AuditJobs,
 * }} deps
 */
export function registerAuditHandlers(router, deps) {
  const local = deps.local || chrome.storage.local;
  const pageUrl = deps.pageUrl || ((/** @type {string} */ path) => chrome.runtime.getURL(path));
  const openTab = deps.openTab || ((/** @type {string} */ url) => chrome.tabs.create({ url }));
  const jobs = deps.jobs || new AuditJobs({
    client: deps.client,
    fetch: deps.fetch,
    session: deps.session || chrome.storage.session,
    openReport: (id) => openTab(pageUrl(`${REPORT_PAGE}?id=${encodeURIComponent(id)}`)),
  });

  async function userLimit() {
    const stored = await local.get(AUDIT_LIMIT_KEY);
    return stored[AUDIT_LIMIT_KEY] === undefined ? DEFAULT_FOLLOWER_LIMIT : clampLimit(stored[AUDIT_LIMIT_KEY]);
  }

  router.register('audit.limit', async () => ({ ok: true, limit: await userLimit(), max: MAX_FOLLOWER_LIMIT }));

  router.register('audit.start', async (message) => {
    const { platform, handle, instanceOrigin, account } = message;
    if (!PAGED_PLATFORMS.has(platform)) return badRequest('audit.start pages followers on mastodon or bluesky only');
    if (typeof handle !== 'string' || !handle) return badRequest('audit.start needs the handle');
    const limit = message.limit === undefined ? await userLimit() : clampLimit(message.limit);
    const auditId = await jobs.startPaging({
      platform, handle: handle.toLowerCase(), limit,
      instanceOrigin: typeof instanceOrigin === 'string' ? instanceOrigin : undefined,
      account: isProfile(account) ? account : null,
    });
    return { ok: true, auditId };
  });

  router.register('audit.submit', async (message) => {
    const { platform, handle, followers, account } = message;
    if (!COLLECTED_PLATFORMS.has(platform)) return badRequest('audit.submit: unsupported platform');
    if (typeof handle !== 'string' || !handle) return badRequest('audit.submit needs the handle');
    if (!Array.isArray(followers) || followers.length === 0 || followers.length > MAX_FOLLOWER_LIMIT) {
      return badRequest(`followers must be a list of 1 to ${MAX_FOLLOWER_LIMIT} profiles`);
    }
    if (!followers.every(isProfile)) return badRequest('every follower needs platform and handle');
    const total = Number.isInteger(message.followers_total) && message.followers_total >= 0 ? message.followers_total : null;
    const posts = (Array.isArray(message.posts) ? message.posts.slice(0, MAX_POSTS) : []).map(cleanPost).filter(Boolean);
    const auditId = await jobs.submitCollected({
      platform, handle, followers, account: isProfile(account) ? account : null, followersTotal: total,
      posts: /** @type {Record<string, unknown>[]} */ (posts),
    });
    return { ok: true, auditId };
  });

  router.register('audit.stop', async (message) => ({ ok: true, running: jobs.stop(String(message.auditId)) }));
  router.register('audit.cancel', async (message) => ({ ok: true, running: await jobs.cancel(String(message.auditId)) }));

  registerPostHandlers(router, { client: deps.client });
  return jobs;
}

// @ts-check
/**
 * Pages through an account's followers on the public APIs that list them without login:
 *   Mastodon: GET /api/v1/accounts/lookup?acct=, then /api/v1/accounts/:id/followers?limit=80,
 *     following the `Link: <...>; rel="next"` header (docs.joinmastodon.org/api/guidelines/#pagination).
 *   Bluesky: app.bsky.graph.getFollowers?actor=&limit=100 with `cursor` on the public AppView, then
 *     app.bsky.actor.getProfiles in batches of 25 for the counts the follower list leaves out.
 * Both list the newest followers first, so a partial run is the most recent followers, not a
 * random sample. Requests are paced, 429s wait for Retry-After (or back off exponentially), and
 * an AbortSignal stops everything between and during requests.
 */
import { BLUESKY_APPVIEW } from './public-profiles.js';
import { parseRetryAfter } from './backend-errors.js';
import { blueskyFollowerProfile, mastodonFollowerProfile } from './follower-mapping.js';
import { parseLinkHeader } from './link-header.js';

export const MASTODON_PAGE_SIZE = 80;
export const BLUESKY_PAGE_SIZE = 100;
export const BLUESKY_PROFILES_BATCH = 25;
export const DEFAULT_FOLLOWER_LIMIT = 2000;
export const MAX_FOLLOWER_LIMIT = 50_000;
const REQUEST_TIMEOUT_MS = 20_000;
/** A signal that never fires, for callers that do not stop early. */
const NEVER = new AbortController().signal;

/**
 * @typedef {{ phase: 'listing'|'details', seen: number, limit: number, total: number | null }} Progress
 * @typedef {{
 *   fetch: typeof fetch, sleep?: (ms: number, signal?: AbortSignal) => Promise<void>, now?: () => number,
 *   paceMs?: number, maxRetries?: number, initialBackoffMs?: number, maxBackoffMs?: number,
 * }} PagingDeps
 * @typedef {{ account: Record<string, unknown> | null, followers: Record<string, unknown>[], complete: boolean,
 *   notes: string[], source: { origin?: string, accountId?: string, actor?: string } }} FollowerPage
 */

/** Sleeps, waking early (and rejecting) when the signal aborts. */
export function abortableSleep(/** @type {number} */ ms, /** @type {AbortSignal | undefined} */ signal) {
  return new Promise((resolve, reject) => {
    if (signal && signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve(undefined);
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal && signal.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** An HTTP failure from a public API, with the status for the caller's message. */
export class PublicApiError extends Error {
  /** @param {string} message @param {number} status */
  constructor(message, status) {
    super(message);
    this.name = 'PublicApiError';
    this.status = status;
  }
}

/**
 * How long to wait after a 429: Retry-After, else the reset time the API announced, else
 * exponential backoff.
 * @param {Headers} headers @param {number} attempt 0-based @param {number} now
 * @param {{ initialBackoffMs: number, maxBackoffMs: number }} options
 */
export function rateLimitDelayMs(headers, attempt, now, { initialBackoffMs, maxBackoffMs }) {
  const fromRetryAfter = parseRetryAfter(headers.get('Retry-After'), now);
  if (fromRetryAfter !== null) return Math.min(maxBackoffMs, fromRetryAfter);
  // Mastodon: X-RateLimit-Reset is an ISO time; Bluesky: RateLimit-Reset is Unix seconds.
  const reset = headers.get('X-RateLimit-Reset');
  const epoch = Number(headers.get('RateLimit-Reset'));
  const resetAt = reset ? Date.parse(reset) : epoch > 0 ? epoch * 1000 : NaN;
  if (!Number.isNaN(resetAt)) return Math.min(maxBackoffMs, Math.max(0, resetAt - now));
  return Math.min(maxBackoffMs, initialBackoffMs * 2 ** attempt);
}

export class FollowerPager {
  /** @param {PagingDeps} deps */
  constructor({ fetch, sleep = abortableSleep, now = Date.now, paceMs = 350, maxRetries = 4,
    initialBackoffMs = 2_000, maxBackoffMs = 60_000 }) {
    this.fetch = fetch;
    this.sleep = sleep;
    this.now = now;
    this.paceMs = paceMs;
    this.maxRetries = maxRetries;
    this.backoff = { initialBackoffMs, maxBackoffMs };
    this.requests = 0;
  }

  /**
   * GET a JSON document politely: paced after the first request, retried on 429 and 503.
   * @param {string} url @param {AbortSignal} signal
   * @returns {Promise<{ data: any, headers: Headers }>}
   */
  async getJson(url, signal) {
    for (let attempt = 0; ; attempt += 1) {
      if (this.requests > 0 && this.paceMs > 0) await this.sleep(this.paceMs, signal);
      signal.throwIfAborted();
      this.requests += 1;
      const response = await this.fetch(url, {
        headers: { Accept: 'application/json' },
        credentials: 'omit',
        cache: 'no-store',
        signal: AbortSignal.any([signal, AbortSignal.timeout(REQUEST_TIMEOUT_MS)]),
      });
      if ((response.status === 429 || response.status === 503) && attempt < this.maxRetries) {
        await this.sleep(rateLimitDelayMs(response.headers, attempt, this.now(), this.backoff), signal);
        continue;
      }
      if (!response.ok) {
        const host = new URL(url).host;
        const why = response.status === 429 ? 'kept rate-limiting the requests' : `answered ${response.status}`;
        throw new PublicApiError(`${host} ${why}.`, response.status);
      }
      return { data: await response.json(), headers: response.headers };
    }
  }

  /**
   * @param {{ origin: string, acct: string, limit: number, signal: AbortSignal, until?: AbortSignal,
   *   onProgress?: (p: Progress) => void }} request `until` ends paging early but keeps what was seen
   * @returns {Promise<FollowerPage>}
   */
  async mastodon({ origin, acct, limit, signal, until = NEVER, onProgress = () => {} }) {
    const host = new URL(origin).hostname;
    const observedAt = new Date(this.now()).toISOString();
    const localAcct = acct.replace(/^@/, '').replace(new RegExp(`@${host.replace(/\./g, '\\.')}$`, 'i'), '');
    const { data: accountJson } = await this.getJson(
      `${origin}/api/v1/accounts/lookup?acct=${encodeURIComponent(localAcct)}`, signal);
    if (!accountJson || typeof accountJson.id !== 'string') throw new PublicApiError(`${host} did not return the account.`, 0);
    const account = mastodonFollowerProfile(accountJson, host, observedAt);
    const total = Number.isInteger(accountJson.followers_count) ? accountJson.followers_count : null;
    const collector = new FollowerSet(limit);
    /** @type {string | undefined} */
    let next = `${origin}/api/v1/accounts/${encodeURIComponent(accountJson.id)}/followers?limit=${MASTODON_PAGE_SIZE}`;
    onProgress({ phase: 'listing', seen: 0, limit, total });
    while (next && !collector.full && !until.aborted) {
      const { data, headers } = await this.getJson(next, signal);
      if (!Array.isArray(data) || data.length === 0) break;
      collector.addAll(data.map((a) => mastodonFollowerProfile(a, host, observedAt)));
      onProgress({ phase: 'listing', seen: collector.size, limit, total });
      next = sameOriginOrNull(parseLinkHeader(headers.get('Link')).next, origin);
    }
    const notes = [];
    if (collector.size === 0 && total) notes.push('The instance listed no followers: the account may hide its network.');
    return { account, followers: collector.list(), complete: !next, notes, source: { origin, accountId: accountJson.id } };
  }

  /**
   * @param {{ actor: string, limit: number, signal: AbortSignal, until?: AbortSignal, withCounts?: boolean,
   *   onProgress?: (p: Progress) => void }} request
   * @returns {Promise<FollowerPage>}
   */
  async bluesky({ actor, limit, signal, until = NEVER, withCounts = true, onProgress = () => {} }) {
    const observedAt = new Date(this.now()).toISOString();
    const xrpc = `${BLUESKY_APPVIEW}/xrpc`;
    const { data: accountJson } = await this.getJson(
      `${xrpc}/app.bsky.actor.getProfile?actor=${encodeURIComponent(actor)}`, signal);
    if (!accountJson || typeof accountJson.handle !== 'string') throw new PublicApiError('Bluesky did not return the account.', 0);
    const account = blueskyFollowerProfile(accountJson, observedAt);
    const total = Number.isInteger(accountJson.followersCount) ? accountJson.followersCount : null;
    const collector = new FollowerSet(limit);
    /** @type {string | undefined} */
    let cursor;
    let exhausted = false;
    onProgress({ phase: 'listing', seen: 0, limit, total });
    while (!collector.full && !until.aborted) {
      const page = Math.min(BLUESKY_PAGE_SIZE, limit - collector.size);
      const url = `${xrpc}/app.bsky.graph.getFollowers?actor=${encodeURIComponent(actor)}&limit=${page}`
        + (cursor ? `&cursor=${encodeURIComponent(cursor)}` : '');
      const { data } = await this.getJson(url, signal);
      const views = data && Array.isArray(data.followers) ? data.followers : [];
      collector.addAll(views.map((/** @type {any} */ v) => blueskyFollowerProfile(v, observedAt)));
      onProgress({ phase: 'listing', seen: collector.size, limit, total });
      cursor = data && typeof data.cursor === 'string' && data.cursor ? data.cursor : undefined;
      if (!cursor || views.length === 0) {
        exhausted = true;
        break;
      }
    }
    const followers = collector.list();
    if (withCounts) await this.fillBlueskyDetails(followers, { signal, until, limit, total, onProgress, observedAt });
    return { account, followers, complete: exhausted, notes: [], source: { actor: String(accountJson.did || accountJson.handle) } };
  }

  /**
   * Replaces each follower with its detailed view (counts, banner) where getProfiles knows it.
   * @param {Record<string, unknown>[]} followers
   * @param {{ signal: AbortSignal, until: AbortSignal, limit: number, total: number | null, observedAt: string,
   *   onProgress: (p: Progress) => void }} options
   */
  async fillBlueskyDetails(followers, { signal, until, limit, total, observedAt, onProgress }) {
    for (let start = 0; start < followers.length && !until.aborted; start += BLUESKY_PROFILES_BATCH) {
      const batch = followers.slice(start, start + BLUESKY_PROFILES_BATCH);
      const query = batch.map((p) => `actors=${encodeURIComponent(String(p.handle))}`).join('&');
      const { data } = await this.getJson(`${BLUESKY_APPVIEW}/xrpc/app.bsky.actor.getProfiles?${query}`, signal);
      const detailed = new Map((data && Array.isArray(data.profiles) ? data.profiles : [])
        .map((/** @type {any} */ v) => [String(v.handle || '').toLowerCase(), v]));
      batch.forEach((profile, i) => {
        const view = detailed.get(String(profile.handle));
        if (view) followers[start + i] = blueskyFollowerProfile(view, observedAt);
      });
      onProgress({ phase: 'details', seen: Math.min(followers.length, start + batch.length), limit, total });
    }
  }
}

/** Followers in first-seen order, one per handle, up to a limit. */
export class FollowerSet {
  /** @param {number} limit */
  constructor(limit) {
    this.limit = limit;
    /** @type {Map<string, Record<string, unknown>>} */
    this.byHandle = new Map();
  }

  get size() { return this.byHandle.size; }

  get full() { return this.byHandle.size >= this.limit; }

  /** @param {Record<string, unknown>[]} profiles @returns {number} how many were new */
  addAll(profiles) {
    let added = 0;
    for (const profile of profiles) {
      if (this.full) break;
      const handle = typeof profile.handle === 'string' ? profile.handle.toLowerCase() : '';
      if (!handle || this.byHandle.has(handle)) continue;
      this.byHandle.set(handle, profile);
      added += 1;
    }
    return added;
  }

  list() { return Array.from(this.byHandle.values()); }
}

/**
 * A Link header can name any URL; only follow it on the instance we started on, so a
 * hostile server cannot point the extension at another host.
 * @param {string | undefined} href @param {string} origin
 */
function sameOriginOrNull(href, origin) {
  if (!href) return undefined;
  try {
    const url = new URL(href, origin);
    return url.origin === origin ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Clamps a user-chosen follower limit.
 * @param {unknown} value
 */
export function clampLimit(value) {
  const n = Math.floor(Number(value));
  if (!Number.isFinite(n) || n <= 0) return DEFAULT_FOLLOWER_LIMIT;
  return Math.min(MAX_FOLLOWER_LIMIT, n);
}

// @ts-check
import { TtlCache } from '../ttl-cache.js';

/**
 * posts.score: { type, account?: Profile, posts: Post[] } -> { ok: true, result } | { ok: false, error }
 *   The posting-pattern score (POST /api/v1/posts/score) of the posts a profile page shows.
 *   Post: { text, created_at?, is_repost?, is_reply?, likes?, reposts?, replies? }.
 *   The same posts seen again (a single-page app re-rendering the profile) reuse the answer.
 */

export const MAX_POSTS = 1000;
const POST_FIELDS = ['text', 'created_at', 'is_repost', 'is_reply', 'likes', 'reposts', 'replies'];
const CACHE_TTL_MS = 15 * 60_000;

/** @param {any} post @returns {Record<string, unknown> | null} only the fields the API takes */
export function cleanPost(post) {
  if (!post || typeof post.text !== 'string') return null;
  /** @type {Record<string, unknown>} */
  const out = {};
  for (const key of POST_FIELDS) {
    const value = post[key];
    if (value === null || value === undefined) continue;
    if (key === 'text') out.text = value.slice(0, 20000);
    else if (key === 'created_at') { if (typeof value === 'string' && !Number.isNaN(Date.parse(value))) out.created_at = value; }
    else if (key === 'is_repost' || key === 'is_reply') { if (typeof value === 'boolean') out[key] = value; }
    else if (Number.isInteger(value) && value >= 0) out[key] = value;
  }
  return out;
}

/** A short key for a set of posts (FNV-1a over the texts and dates). @param {Record<string, unknown>[]} posts */
function postsKey(posts) {
  let hash = 0x811c9dc5;
  for (const post of posts) {
    const value = `${post.text}\u0000${post.created_at || ''}\u0001`;
    for (let i = 0; i < value.length; i += 1) hash = Math.imul(hash ^ value.charCodeAt(i), 0x01000193) >>> 0;
  }
  return `${posts.length}:${hash.toString(16)}`;
}

/**
 * @param {import('../message-router.js').MessageRouter} router
 * @param {{ client: import('../backend-client.js').BackendClient, now?: () => number }} deps
 */
export function registerPostHandlers(router, { client, now = Date.now }) {
  /** @type {TtlCache<any>} */
  const cache = new TtlCache({ ttlMs: CACHE_TTL_MS, maxEntries: 500, now });

  router.register('posts.score', async (message) => {
    const raw = Array.isArray(message.posts) ? message.posts : null;
    if (!raw || raw.length === 0 || raw.length > MAX_POSTS) {
      return { ok: false, error: { kind: 'bad_request', message: `posts must be a list of 1 to ${MAX_POSTS} posts` } };
    }
    const posts = raw.map(cleanPost);
    if (posts.some((p) => p === null)) return { ok: false, error: { kind: 'bad_request', message: 'every post needs text' } };
    const clean = /** @type {Record<string, unknown>[]} */ (posts);
    const account = message.account && typeof message.account.handle === 'string' ? message.account : null;
    const key = `${account ? `${account.platform}:${account.handle}` : ''}|${postsKey(clean)}`;
    const cached = cache.get(key);
    if (cached) return { ok: true, result: cached };
    /** @type {Record<string, unknown>} */
    const body = { posts: clean };
    if (account) body.account = account;
    const result = await client.call('POST', '/api/v1/posts/score', body);
    cache.set(key, result);
    return { ok: true, result };
  });
}

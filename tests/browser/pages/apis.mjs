// The public APIs the extension may call: Mastodon's REST API (accounts/lookup, followers with Link-header
// paging) and Bluesky's AppView XRPC (getProfile, getFollowers with cursors). Shapes follow the documented
// responses (docs.joinmastodon.org/methods/accounts, docs.bsky.app app.bsky.actor / app.bsky.graph).
import { json as plainJson } from '../harness/site-server.mjs';

/** Both public APIs answer any origin, as the real ones do (they are read by browser apps on other domains). */
const json = (/** @type {unknown} */ value, /** @type {Record<string, string>} */ headers = {}) =>
  plainJson(value, { 'access-control-allow-origin': '*', 'access-control-expose-headers': 'Link', ...headers });

/** @typedef {import('./people.mjs').Person} Person */

/** @param {Person} p @param {string} id @param {string} host */
export function mastodonAccount(p, id, host) {
  return {
    id, username: p.handle, acct: p.handle, display_name: p.name, locked: false, bot: Boolean(p.bot),
    discoverable: true, group: false, created_at: p.createdAt, note: `<p>${escapeNote(p.bio)}</p>`,
    url: `https://${host}/@${p.handle}`,
    avatar: p.defaultAvatar ? `https://${host}/avatars/original/missing.png` : `https://files.${host}/a/${p.handle}.png`,
    header: p.banner ? `https://files.${host}/h/${p.handle}.jpg` : `https://${host}/headers/original/missing.png`,
    followers_count: p.followers, following_count: p.following, statuses_count: p.posts,
    last_status_at: p.posts ? '2026-11-20' : null, emojis: [], fields: [],
  };
}

/** @param {string} text */
function escapeNote(text) {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
}

/**
 * Routes for /api/v1 on a Mastodon instance.
 * @param {{host: string, accounts: Person[], followersOf: Record<string, Person[]>}} data
 * @returns {(url: URL) => import('../harness/site-server.mjs').Reply | null}
 */
export function mastodonApi({ host, accounts, followersOf }) {
  const ids = new Map(accounts.map((p, i) => [p.handle, String(100000 + i)]));
  const byId = new Map(accounts.map((p, i) => [String(100000 + i), p]));
  return (url) => {
    if (url.pathname === '/api/v1/accounts/lookup') {
      const acct = (url.searchParams.get('acct') || '').replace(/^@/, '').replace(new RegExp(`@${host}$`), '');
      const p = accounts.find((a) => a.handle === acct);
      return p ? json(mastodonAccount(p, /** @type {string} */ (ids.get(p.handle)), host))
        : { status: 404, ...json({ error: 'Record not found' }) };
    }
    const followers = /^\/api\/v1\/accounts\/(\d+)\/followers$/.exec(url.pathname);
    if (followers) {
      const owner = byId.get(followers[1]);
      if (!owner) return { status: 404, ...json({ error: 'Record not found' }) };
      const all = followersOf[owner.handle] || [];
      const limit = Math.min(80, Number(url.searchParams.get('limit')) || 40);
      // Followers are listed newest first; max_id pages back through older ones.
      const maxId = url.searchParams.get('max_id');
      const start = maxId ? Number(maxId) : 0;
      const page = all.slice(start, start + limit);
      const headers = {};
      if (start + limit < all.length) {
        const next = new URL(url.href);
        next.searchParams.set('limit', String(limit));
        next.searchParams.set('max_id', String(start + limit));
        headers.link = `<${next.href}>; rel="next"`;
      }
      return json(page.map((p, i) => mastodonAccount(p, String(900000 + start + i), host)), headers);
    }
    return null;
  };
}

/** @param {Person} p */
export function blueskyProfileView(p) {
  return {
    did: `did:plc:${p.handle.replace(/[^a-z0-9]/g, '').slice(0, 24).padEnd(24, 'a')}`,
    handle: p.handle, displayName: p.name, description: p.bio,
    avatar: p.defaultAvatar ? undefined : `https://cdn.bsky.app/img/avatar/plain/${p.handle}.jpg`,
    banner: p.banner ? `https://cdn.bsky.app/img/banner/plain/${p.handle}.jpg` : undefined,
    followersCount: p.followers, followsCount: p.following, postsCount: p.posts,
    createdAt: p.createdAt, indexedAt: p.createdAt, labels: p.bot ? [{ val: 'bot', src: 'did:plc:self' }] : [],
  };
}

/**
 * Routes for /xrpc on Bluesky's public AppView.
 * @param {{accounts: Person[], followersOf: Record<string, Person[]>}} data
 */
export function blueskyApi({ accounts, followersOf }) {
  /** @param {string | null} actor */
  const find = (actor) => accounts.find((a) => a.handle === actor || blueskyProfileView(a).did === actor);
  return (/** @type {URL} */ url) => {
    if (url.pathname === '/xrpc/app.bsky.actor.getProfile') {
      const p = find(url.searchParams.get('actor'));
      return p ? json(blueskyProfileView(p)) : { status: 400, ...json({ error: 'InvalidRequest', message: 'Profile not found' }) };
    }
    if (url.pathname === '/xrpc/app.bsky.actor.getProfiles') {
      const found = url.searchParams.getAll('actors').map(find).filter(Boolean);
      return json({ profiles: found.map((p) => blueskyProfileView(/** @type {Person} */ (p))) });
    }
    if (url.pathname === '/xrpc/app.bsky.graph.getFollowers') {
      const p = find(url.searchParams.get('actor'));
      if (!p) return { status: 400, ...json({ error: 'InvalidRequest', message: 'Profile not found' }) };
      const all = followersOf[p.handle] || [];
      const limit = Math.min(100, Number(url.searchParams.get('limit')) || 50);
      const start = Number(url.searchParams.get('cursor') || 0);
      const page = all.slice(start, start + limit);
      return json({ subject: blueskyProfileView(p), followers: page.map(blueskyProfileView),
        ...(start + limit < all.length ? { cursor: String(start + limit) } : {}) });
    }
    return null;
  };
}

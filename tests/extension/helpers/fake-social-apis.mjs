// Mastodon's and Bluesky's public follower APIs at the HTTP boundary: a fetch function that pages
// a generated follower list the way the documented APIs do (Mastodon: Link rel="next" with max_id;
// Bluesky: cursor), records every request, and can be told to rate-limit.

function json(status, body, headers = {}) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

/**
 * A fetch that records every request, honours an aborted signal and lets rateLimit answer first,
 * then leaves the URL to the API's own routes.
 * @param {((n: number) => Response | null) | null} rateLimit @param {(u: URL) => Response} routes
 */
function recordingFetch(rateLimit, routes) {
  const requests = [];
  async function fetch(url, init = {}) {
    const u = new URL(url);
    requests.push(u);
    if (init.signal && init.signal.aborted) throw init.signal.reason;
    return (rateLimit && rateLimit(requests.length)) || routes(u);
  }
  return { fetch, requests };
}

/** Follower i: every third one fresh, empty and on the default avatar; the rest ordinary. */
export function mastodonFollower(i, host = 'mastodon.example') {
  const fake = i % 3 === 0;
  return {
    id: String(5000 + i), username: `f${i}`, acct: i % 5 === 0 ? `f${i}@remote.example` : `f${i}`,
    display_name: `Follower ${i}`, locked: false, bot: i % 7 === 0, created_at: fake ? '2025-10-01T00:00:00.000Z' : '2015-01-01T00:00:00.000Z',
    note: fake ? '' : `<p>Likes <b>tea</b> &amp; #${i}</p>`, url: `https://${host}/@f${i}`,
    avatar: fake ? `https://${host}/avatars/original/missing.png` : `https://files.${host}/a/${i}.png`,
    header: `https://${host}/headers/original/missing.png`,
    followers_count: fake ? 0 : 100 + i, following_count: fake ? 2000 : 90 + i, statuses_count: fake ? 0 : 500 + i,
    last_status_at: fake ? null : '2026-11-01',
  };
}

/**
 * @param {{ host?: string, acct?: string, followers: number, pageCap?: number, rateLimit?: (n: number) => Response | null,
 *   nextLinkHost?: string, statuses?: object[] | null }} options  statuses: the owner's, or null for an instance that refuses
 */
export function fakeMastodon({ host = 'mastodon.example', acct = 'owner', followers, pageCap = 80, rateLimit = null, nextLinkHost = null,
  statuses = null }) {
  const all = Array.from({ length: followers }, (_, i) => mastodonFollower(i, host));
  function routes(u) {
    if (u.host !== host) return json(404, { error: 'wrong host' });
    if (u.pathname === '/api/v1/accounts/lookup') {
      if (u.searchParams.get('acct') !== acct) return json(404, { error: 'Record not found' });
      return json(200, { id: '42', username: acct, acct, display_name: 'Owner', followers_count: followers,
        following_count: 10, statuses_count: 99, created_at: '2012-01-01T00:00:00Z', avatar: 'https://x/a.png', note: '' });
    }
    if (u.pathname === '/api/v1/accounts/42/statuses') {
      return statuses ? json(200, statuses.slice(0, Number(u.searchParams.get('limit')) || 20)) : json(401, { error: 'This method requires an authenticated user' });
    }
    const match = /^\/api\/v1\/accounts\/(\d+)\/followers$/.exec(u.pathname);
    if (match && match[1] === '42') {
      const limit = Math.min(pageCap, Number(u.searchParams.get('limit')) || 40);
      const start = Number(u.searchParams.get('max_id') || 0);
      const page = all.slice(start, start + limit);
      const headers = {};
      if (start + limit < all.length) {
        const next = new URL(u.href);
        if (nextLinkHost) next.host = nextLinkHost;
        next.searchParams.set('max_id', String(start + limit));
        headers.Link = `<${next.href}>; rel="next", <https://${host}/api/v1/accounts/42/followers?since_id=1>; rel="prev"`;
      }
      return json(200, page, headers);
    }
    return json(404, { error: 'not found' });
  }
  return { ...recordingFetch(rateLimit, routes), all };
}

/** @param {number} i */
export function blueskyView(i, detailed = false) {
  const view = { did: `did:plc:f${i}`, handle: `f${i}.bsky.social`, displayName: `F ${i}`, description: i % 2 ? 'hello' : '',
    avatar: i % 3 === 0 ? undefined : `https://cdn/${i}.jpg`, createdAt: '2024-01-01T00:00:00Z', labels: [] };
  return detailed ? { ...view, followersCount: i, followsCount: 2 * i, postsCount: 3 * i, banner: i % 2 ? 'https://cdn/b.jpg' : undefined } : view;
}

/** @param {{ actor?: string, followers: number, rateLimit?: (n: number) => Response | null }} options */
export function fakeBluesky({ actor = 'owner.bsky.social', followers, rateLimit = null }) {
  function routes(u) {
    if (u.host !== 'public.api.bsky.app') return json(404, {});
    if (u.pathname === '/xrpc/app.bsky.actor.getProfile') {
      if (u.searchParams.get('actor') !== actor) return json(400, { error: 'InvalidRequest', message: 'Profile not found' });
      return json(200, { did: 'did:plc:owner', handle: actor, followersCount: followers, followsCount: 5, postsCount: 50 });
    }
    if (u.pathname === '/xrpc/app.bsky.graph.getFollowers') {
      const limit = Math.min(100, Number(u.searchParams.get('limit')) || 50);
      const start = Number(u.searchParams.get('cursor') || 0);
      const page = Array.from({ length: Math.max(0, Math.min(limit, followers - start)) }, (_, k) => blueskyView(start + k));
      return json(200, { subject: { handle: actor }, followers: page, ...(start + limit < followers ? { cursor: String(start + limit) } : {}) });
    }
    if (u.pathname === '/xrpc/app.bsky.actor.getProfiles') {
      const actors = u.searchParams.getAll('actors');
      if (actors.length > 25) return json(400, { error: 'InvalidRequest', message: 'too many actors' });
      return json(200, { profiles: actors.map((a) => blueskyView(Number(/^f(\d+)\./.exec(a)[1]), true)) });
    }
    return json(404, {});
  }
  return recordingFetch(rateLimit, routes);
}

/** A sleep that records what it was asked to wait and returns at once (still honouring abort). */
export function recordingSleep() {
  const waits = [];
  const sleep = async (ms, signal) => {
    waits.push(ms);
    if (signal && signal.aborted) throw signal.reason;
  };
  return { sleep, waits };
}

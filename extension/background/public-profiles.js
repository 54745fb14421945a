// @ts-check
/**
 * Exact account facts from the sites' own public APIs, where they have one without login:
 * Bluesky's AppView (app.bsky.actor.getProfile) and a Mastodon instance's account lookup
 * (/api/v1/accounts/lookup?acct=). The page shows rounded counts and no creation date; these
 * fill them in. Results are mapped onto the Profile schema and cached briefly.
 */

export const BLUESKY_APPVIEW = 'https://public.api.bsky.app';
const TIMEOUT_MS = 10_000;

/** @param {string | undefined | null} value */
function isoOrNull(value) {
  if (!value) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

/** @param {Record<string, unknown>} profile */
function dropEmpty(profile) {
  return Object.fromEntries(Object.entries(profile).filter(([, v]) => v !== null && v !== undefined && v !== ''));
}

/**
 * @param {any} data an app.bsky.actor.defs#profileViewDetailed
 * @returns {Record<string, unknown>} Profile fields
 */
export function profileFromBluesky(data) {
  const labels = Array.isArray(data.labels) ? data.labels.map((l) => l && l.val) : [];
  return dropEmpty({
    platform: 'bluesky',
    handle: String(data.handle || '').toLowerCase(),
    display_name: data.displayName || null,
    bio: data.description || null,
    followers_count: Number.isInteger(data.followersCount) ? data.followersCount : null,
    following_count: Number.isInteger(data.followsCount) ? data.followsCount : null,
    posts_count: Number.isInteger(data.postsCount) ? data.postsCount : null,
    created_at: isoOrNull(data.createdAt),
    default_avatar: !data.avatar,
    has_banner: Boolean(data.banner),
    verified: data.verification ? data.verification.verifiedStatus === 'valid' : null,
    self_declared_bot: labels.includes('bot'),
    counts_approximate: false,
  });
}

/**
 * @param {any} data a Mastodon Account entity
 * @param {string} instanceHost where the lookup ran, for local accounts' acct
 */
export function profileFromMastodon(data, instanceHost) {
  const acct = String(data.acct || '');
  const handle = (acct.includes('@') ? acct : `${acct}@${instanceHost}`).toLowerCase();
  return dropEmpty({
    platform: 'mastodon',
    handle,
    display_name: data.display_name || null,
    followers_count: Number.isInteger(data.followers_count) ? data.followers_count : null,
    following_count: Number.isInteger(data.following_count) ? data.following_count : null,
    posts_count: Number.isInteger(data.statuses_count) ? data.statuses_count : null,
    created_at: isoOrNull(data.created_at),
    default_avatar: typeof data.avatar === 'string' ? /missing\.png/.test(data.avatar) : null,
    has_banner: typeof data.header === 'string' ? !/missing\.png/.test(data.header) : null,
    protected: typeof data.locked === 'boolean' ? data.locked : null,
    self_declared_bot: typeof data.bot === 'boolean' ? data.bot : null,
    url: data.url || null,
    counts_approximate: false,
  });
}

export class PublicProfiles {
  /**
   * @param {{ fetch: typeof fetch, cache: import('./ttl-cache.js').TtlCache<Record<string, unknown> | null> }} deps
   */
  constructor({ fetch, cache }) {
    this.fetch = fetch;
    this.cache = cache;
    /** @type {Map<string, Promise<Record<string, unknown> | null>>} */
    this.inFlight = new Map();
  }

  /**
   * @param {{ platform: 'bluesky' | 'mastodon', handle: string, instanceOrigin?: string }} request
   * @returns {Promise<Record<string, unknown> | null>} Profile fields, or null when not available
   */
  lookup({ platform, handle, instanceOrigin }) {
    const key = `${platform}:${instanceOrigin || ''}:${handle.toLowerCase()}`;
    const cached = this.cache.get(key);
    if (cached !== undefined) return Promise.resolve(cached);
    const running = this.inFlight.get(key);
    if (running) return running;
    const promise = this.fetchProfile(platform, handle, instanceOrigin)
      .catch(() => null)
      .then((profile) => {
        this.cache.set(key, profile);
        this.inFlight.delete(key);
        return profile;
      });
    this.inFlight.set(key, promise);
    return promise;
  }

  /** @param {string} platform @param {string} handle @param {string | undefined} instanceOrigin */
  async fetchProfile(platform, handle, instanceOrigin) {
    if (platform === 'bluesky') {
      const url = `${BLUESKY_APPVIEW}/xrpc/app.bsky.actor.getProfile?actor=${encodeURIComponent(handle)}`;
      const data = await this.getJson(url);
      return data ? profileFromBluesky(data) : null;
    }
    if (platform === 'mastodon' && instanceOrigin) {
      const url = `${instanceOrigin}/api/v1/accounts/lookup?acct=${encodeURIComponent(handle)}`;
      const data = await this.getJson(url);
      return data ? profileFromMastodon(data, new URL(instanceOrigin).hostname) : null;
    }
    return null;
  }

  /** @param {string} url */
  async getJson(url) {
    const response = await this.fetch(url, {
      headers: { Accept: 'application/json' },
      credentials: 'omit',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    return response.ok ? response.json() : null;
  }
}

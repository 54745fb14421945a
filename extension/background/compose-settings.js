// @ts-check
/**
 * Settings of the compose check, kept in chrome.storage.local beside the main settings
 * (settings.js) under their own keys, so the two features never overwrite each other.
 *
 *   composeSites            per-site switch; the check runs on a site unless switched off
 *   composeRecentPostsOptIn whether the user's own posts are remembered for the repetition check
 *
 * @typedef {'x'|'mastodon'|'bluesky'|'reddit'|'youtube'} ComposeSite
 * @typedef {{ sites: Record<ComposeSite, boolean>, recentPostsOptIn: boolean }} ComposeSettings
 */

export const COMPOSE_SITES = /** @type {const} */ (['x', 'mastodon', 'bluesky', 'reddit', 'youtube']);

export const COMPOSE_KEYS = Object.freeze({
  sites: 'composeSites',
  recentPostsOptIn: 'composeRecentPostsOptIn',
});

/** @param {unknown} platform @returns {platform is ComposeSite} */
export function isComposeSite(platform) {
  return typeof platform === 'string' && /** @type {readonly string[]} */ (COMPOSE_SITES).includes(platform);
}

/**
 * @param {any} stored whatever chrome.storage returned for COMPOSE_KEYS
 * @returns {ComposeSettings}
 */
export function mergeComposeSettings(stored) {
  const value = stored && typeof stored === 'object' ? stored : {};
  const storedSites = value[COMPOSE_KEYS.sites] && typeof value[COMPOSE_KEYS.sites] === 'object' ? value[COMPOSE_KEYS.sites] : {};
  /** @type {Record<string, boolean>} */
  const sites = {};
  for (const site of COMPOSE_SITES) sites[site] = storedSites[site] !== false;
  return {
    sites: /** @type {Record<ComposeSite, boolean>} */ (sites),
    // Opt-in: only an explicit true turns remembering on.
    recentPostsOptIn: value[COMPOSE_KEYS.recentPostsOptIn] === true,
  };
}

/** @param {typeof chrome.storage.local} storage @returns {Promise<ComposeSettings>} */
export async function loadComposeSettings(storage) {
  return mergeComposeSettings(await storage.get(Object.values(COMPOSE_KEYS)));
}

/**
 * @param {typeof chrome.storage.local} storage
 * @param {{ sites?: Partial<Record<ComposeSite, boolean>>, recentPostsOptIn?: boolean }} changes
 */
export async function saveComposeSettings(storage, changes) {
  /** @type {Record<string, unknown>} */
  const values = {};
  if (changes.sites) {
    const current = await loadComposeSettings(storage);
    values[COMPOSE_KEYS.sites] = { ...current.sites, ...changes.sites };
  }
  if (typeof changes.recentPostsOptIn === 'boolean') values[COMPOSE_KEYS.recentPostsOptIn] = changes.recentPostsOptIn;
  await storage.set(values);
}

// @ts-check
/**
 * The user's settings, kept in chrome.storage.local. Shared by the service worker and the
 * extension pages (options, popup import this module too).
 *
 * @typedef {'x'|'mastodon'|'bluesky'|'reddit'|'youtube'|'instagram'} Site
 * @typedef {{
 *   backendUrl: string,
 *   token: string,
 *   sites: Record<Site, boolean>,
 *   mastodonInstances: string[],
 * }} Settings
 */

export const SITES = /** @type {const} */ (['x', 'mastodon', 'bluesky', 'reddit', 'youtube', 'instagram']);

export const DEFAULT_BACKEND_URL = 'http://127.0.0.1:8765';

/** @returns {Settings} */
export function defaultSettings() {
  return {
    backendUrl: DEFAULT_BACKEND_URL,
    token: '',
    sites: { x: true, mastodon: true, bluesky: true, reddit: true, youtube: true, instagram: true },
    mastodonInstances: ['https://mastodon.social'],
  };
}

/**
 * @param {any} stored whatever chrome.storage returned
 * @returns {Settings}
 */
export function mergeSettings(stored) {
  const defaults = defaultSettings();
  const value = stored && typeof stored === 'object' ? stored : {};
  return {
    backendUrl: typeof value.backendUrl === 'string' && value.backendUrl ? value.backendUrl : defaults.backendUrl,
    token: typeof value.token === 'string' ? value.token : defaults.token,
    sites: { ...defaults.sites, ...(value.sites && typeof value.sites === 'object' ? value.sites : {}) },
    mastodonInstances: Array.isArray(value.mastodonInstances)
      ? value.mastodonInstances.filter((o) => typeof o === 'string')
      : defaults.mastodonInstances,
  };
}

const KEYS = ['backendUrl', 'token', 'sites', 'mastodonInstances'];

/** @param {typeof chrome.storage.local} storage @returns {Promise<Settings>} */
export async function loadSettings(storage) {
  return mergeSettings(await storage.get(KEYS));
}

/** @param {typeof chrome.storage.local} storage @param {Partial<Settings>} changes */
export async function saveSettings(storage, changes) {
  await storage.set(changes);
}

/** @param {string} hostname */
export function isLoopbackHost(hostname) {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(hostname);
}

/**
 * Checks a backend URL the user typed. Loopback may be plain http; anything else must be https
 * (a token sent over plain http to another machine could be read on the way).
 * @param {string} raw
 * @returns {{ ok: true, url: string, origin: string, loopback: boolean } | { ok: false, message: string }}
 */
export function parseBackendUrl(raw) {
  let url;
  try {
    url = new URL(String(raw).trim());
  } catch {
    return { ok: false, message: 'That is not a URL. Example: http://127.0.0.1:8765' };
  }
  const loopback = isLoopbackHost(url.hostname);
  if (url.protocol !== 'https:' && !(loopback && url.protocol === 'http:')) {
    return { ok: false, message: 'Use https:// for a backend on another machine (http:// only for this computer).' };
  }
  if (url.username || url.password) return { ok: false, message: 'Put the token in the token field, not in the URL.' };
  const path = url.pathname.replace(/\/+$/, '');
  return { ok: true, url: `${url.origin}${path}`, origin: url.origin, loopback };
}

/**
 * The origin pattern to ask host permission for, or null when the manifest already grants it.
 * @param {string} backendUrl
 */
export function backendPermissionPattern(backendUrl) {
  const parsed = parseBackendUrl(backendUrl);
  if (!parsed.ok || parsed.loopback) return null;
  return `${parsed.origin}/*`;
}

/**
 * Checks a Mastodon instance address the user typed and returns its origin.
 * @param {string} raw e.g. "fosstodon.org" or "https://fosstodon.org/"
 * @returns {{ ok: true, origin: string } | { ok: false, message: string }}
 */
export function parseInstanceOrigin(raw) {
  const value = String(raw).trim();
  if (!value) return { ok: false, message: 'Type an instance address, for example fosstodon.org' };
  let url;
  try {
    url = new URL(/^[a-z]+:\/\//i.test(value) ? value : `https://${value}`);
  } catch {
    return { ok: false, message: 'That is not an address.' };
  }
  const loopback = isLoopbackHost(url.hostname);
  if (url.protocol !== 'https:' && !(loopback && url.protocol === 'http:')) {
    return { ok: false, message: 'Instances must use https://' };
  }
  if (!loopback && !url.hostname.includes('.')) return { ok: false, message: 'That is not a full domain name.' };
  return { ok: true, origin: url.origin };
}

// @ts-check
import { loadComposeSettings } from './compose-settings.js';

/**
 * The user's own recent posts, for the compose check's "you posted this before" rule.
 * Opt-in; kept only in chrome.storage.local; a bounded list; read only to go inside a
 * compose check request to the user's own backend. Switching the opt-in off forgets them
 * (the options page clears the list, and every read here clears it again when off).
 *
 * @typedef {{ platform: string, text: string, postedAt: number }} RecentPost
 */

export const RECENT_POSTS_KEY = 'composeRecentPosts';
/** Kept overall, newest first. */
export const MAX_STORED_POSTS = 50;
/** Sent with one check (the backend accepts up to 50). */
export const MAX_POSTS_PER_CHECK = 20;
export const MAX_POST_CHARS = 10_000;

/** @param {any} value @returns {RecentPost[]} */
function asPosts(value) {
  if (!Array.isArray(value)) return [];
  return value.filter((p) => p && typeof p.platform === 'string' && typeof p.text === 'string' && Number.isFinite(p.postedAt));
}

/** @param {typeof chrome.storage.local} storage */
export async function forgetRecentPosts(storage) {
  await storage.remove(RECENT_POSTS_KEY);
}

/**
 * @param {typeof chrome.storage.local} storage
 * @returns {Promise<RecentPost[]>} empty (and nothing kept) unless the user opted in
 */
export async function loadRecentPosts(storage) {
  const { recentPostsOptIn } = await loadComposeSettings(storage);
  if (!recentPostsOptIn) {
    await forgetRecentPosts(storage);
    return [];
  }
  const stored = await storage.get(RECENT_POSTS_KEY);
  return asPosts(stored[RECENT_POSTS_KEY]);
}

/**
 * The texts to send with a check on this platform, newest first. Cross-posting the same text to two sites is normal, so only posts made
 * on the same platform are compared.
 * @param {RecentPost[]} posts @param {string} platform
 */
export function postsForCheck(posts, platform) {
  return posts.filter((p) => p.platform === platform).slice(0, MAX_POSTS_PER_CHECK).map((p) => p.text);
}

/**
 * Remembers a post the user sent, when they opted in. An identical earlier post moves to
 * the front instead of being kept twice.
 * @param {typeof chrome.storage.local} storage
 * @param {{ platform: string, text: string }} post
 * @param {number} now
 * @returns {Promise<boolean>} whether it was stored
 */
export async function recordPost(storage, { platform, text }, now) {
  const trimmed = text.trim();
  if (!trimmed) return false;
  const { recentPostsOptIn } = await loadComposeSettings(storage);
  if (!recentPostsOptIn) return false;
  const posts = asPosts((await storage.get(RECENT_POSTS_KEY))[RECENT_POSTS_KEY]);
  const value = trimmed.slice(0, MAX_POST_CHARS);
  const kept = posts.filter((p) => !(p.platform === platform && p.text === value));
  const next = [{ platform, text: value, postedAt: now }, ...kept].slice(0, MAX_STORED_POSTS);
  await storage.set({ [RECENT_POSTS_KEY]: next });
  return true;
}

// @ts-check
/**
 * The audited account's own recent posts with their like, reply and repost counts, for the
 * audit's engagement check (engagement per post against the follower count). Read from the same
 * public APIs as the followers: Mastodon's /api/v1/accounts/:id/statuses and Bluesky's
 * app.bsky.feed.getAuthorFeed. Reposts of other people's posts are left out: their counts
 * belong to someone else's audience. When an API refuses, the audit goes on without posts.
 */
import { BLUESKY_APPVIEW } from './public-profiles.js';
import { htmlToText } from './follower-mapping.js';
import { PublicApiError } from './follower-paging.js';

export const MASTODON_STATUSES = 40;
export const BLUESKY_FEED = 50;

/** @param {unknown} value */
const count = (value) => (Number.isInteger(value) && /** @type {number} */ (value) >= 0 ? /** @type {number} */ (value) : undefined);

/** @param {unknown} value */
function iso(value) {
  const time = typeof value === 'string' ? Date.parse(value) : NaN;
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/** @param {Record<string, unknown>} post */
function compact(post) {
  return Object.fromEntries(Object.entries(post).filter(([, v]) => v !== undefined));
}

/**
 * A Mastodon Status as a Post, or null for a boost.
 * @param {any} status
 */
export function postFromMastodonStatus(status) {
  if (!status || status.reblog) return null;
  return compact({
    text: htmlToText(status.content).slice(0, 20000),
    created_at: iso(status.created_at),
    is_repost: false,
    is_reply: Boolean(status.in_reply_to_id),
    likes: count(status.favourites_count),
    reposts: count(status.reblogs_count),
    replies: count(status.replies_count),
  });
}

/**
 * A Bluesky feed item (app.bsky.feed.defs#feedViewPost) as a Post, or null for a repost.
 * @param {any} item
 */
export function postFromBlueskyFeedItem(item) {
  const post = item && item.post;
  if (!post || (item.reason && /reasonRepost$/.test(String(item.reason.$type || '')))) return null;
  const record = post.record || {};
  return compact({
    text: typeof record.text === 'string' ? record.text.slice(0, 20000) : '',
    created_at: iso(record.createdAt),
    is_repost: false,
    is_reply: Boolean(record.reply),
    likes: count(post.likeCount),
    reposts: count(post.repostCount),
    replies: count(post.replyCount),
  });
}

/**
 * @param {import('./follower-paging.js').FollowerPager} pager
 * @param {{ platform: string, origin?: string, accountId?: string, actor?: string, signal: AbortSignal }} request
 * @returns {Promise<Record<string, unknown>[]>} newest first; empty when the API would not say
 */
export async function recentPosts(pager, { platform, origin, accountId, actor, signal }) {
  try {
    if (platform === 'mastodon' && origin && accountId) {
      const { data } = await pager.getJson(
        `${origin}/api/v1/accounts/${encodeURIComponent(accountId)}/statuses?limit=${MASTODON_STATUSES}&exclude_reblogs=true`, signal);
      return (Array.isArray(data) ? data : []).map(postFromMastodonStatus).filter(isPost);
    }
    if (platform === 'bluesky' && actor) {
      const { data } = await pager.getJson(`${BLUESKY_APPVIEW}/xrpc/app.bsky.feed.getAuthorFeed?actor=${
        encodeURIComponent(actor)}&limit=${BLUESKY_FEED}&filter=posts_no_replies`, signal);
      return (data && Array.isArray(data.feed) ? data.feed : []).map(postFromBlueskyFeedItem).filter(isPost);
    }
  } catch (error) {
    if (!(error instanceof PublicApiError)) throw error;
  }
  return [];
}

/** @param {Record<string, unknown> | null} post @returns {post is Record<string, unknown>} */
function isPost(post) {
  return Boolean(post && typeof post.text === 'string');
}

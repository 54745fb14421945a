// @ts-check
/**
 * Follower accounts from the public APIs (Mastodon's Account entity, Bluesky's profileView)
 * mapped onto the Profile schema. A service worker has no DOMParser, so Mastodon's HTML notes
 * are turned into text here with a small tag stripper and entity decoder: the result is only
 * ever used as text (JSON to the backend, textContent and CSV cells in the report).
 */
import { profileFromBluesky, profileFromMastodon } from './public-profiles.js';

/** Elements whose content is never visible text. */
const HIDDEN_CONTENT = new Set(['script', 'style', 'template', 'noscript', 'iframe', 'object', 'svg', 'math']);
/** Elements that break a line in Mastodon notes. */
const LINE_BREAKS = new Set(['br', 'p', 'div', 'li', 'blockquote', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

const NAMED_ENTITIES = /** @type {Record<string, string>} */ ({
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', hellip: '…', mdash: '—', ndash: '–',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', copy: '©', reg: '®', trade: '™',
});

/** @param {number} code */
function safeCodePoint(code) {
  const valid = Number.isInteger(code) && code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
  return valid ? String.fromCodePoint(code) : '\ufffd';
}

/**
 * Decodes character references (named ones from a short list; every numeric one).
 * @param {string} text
 */
export function decodeEntities(text) {
  return text.replace(/&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z][a-zA-Z0-9]{1,31});/g, (whole, ref) => {
    if (ref[0] === '#') {
      const hex = ref[1] === 'x' || ref[1] === 'X';
      return safeCodePoint(parseInt(ref.slice(hex ? 2 : 1), hex ? 16 : 10));
    }
    const named = NAMED_ENTITIES[ref.toLowerCase()];
    return named === undefined ? whole : named;
  });
}

/**
 * Finds the '>' that closes a tag opened at `start`, skipping quoted attribute values
 * (an attribute may contain '>').
 * @param {string} html @param {number} start index of '<'
 */
function tagEnd(html, start) {
  let quote = '';
  for (let i = start + 1; i < html.length; i += 1) {
    const c = html[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '>') {
      return i;
    }
  }
  return -1;
}

/**
 * HTML to plain text: tags are dropped, line-breaking tags become newlines, the content of
 * script/style-like elements is dropped, comments are dropped, entities are decoded once
 * (after tag removal, so "&lt;b&gt;" stays the text "<b>" and is never re-read as a tag).
 * @param {unknown} html
 * @returns {string}
 */
export function htmlToText(html) {
  if (typeof html !== 'string' || !html) return '';
  /** @type {string[]} */
  const out = [];
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt === -1) {
      out.push(html.slice(i));
      break;
    }
    out.push(html.slice(i, lt));
    if (html.startsWith('<!--', lt)) {
      const close = html.indexOf('-->', lt + 4);
      i = close === -1 ? html.length : close + 3;
      continue;
    }
    const name = /^<\/?([a-zA-Z][a-zA-Z0-9-]*)/.exec(html.slice(lt, lt + 40));
    if (!name && !/^<[!?]/.test(html.slice(lt, lt + 2))) {
      out.push('<'); // a lone '<' is text, as the HTML tokenizer treats it
      i = lt + 1;
      continue;
    }
    const end = tagEnd(html, lt);
    if (end === -1) break; // an unterminated tag: the rest is inside it, never text
    const tag = name ? name[1].toLowerCase() : '';
    const closing = html[lt + 1] === '/';
    if (!closing && HIDDEN_CONTENT.has(tag)) {
      const closeAt = html.toLowerCase().indexOf(`</${tag}`, end + 1);
      const closeEnd = closeAt === -1 ? -1 : tagEnd(html, closeAt);
      i = closeEnd === -1 ? html.length : closeEnd + 1;
      continue;
    }
    if (LINE_BREAKS.has(tag)) out.push('\n');
    i = end + 1;
  }
  return decodeEntities(out.join(''))
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{2,}/g, '\n')
    .trim();
}

/** @param {unknown} value */
function isoOrNull(value) {
  if (typeof value !== 'string' || !value) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

/**
 * A Mastodon Account entity (from /api/v1/accounts/:id/followers) as a Profile. `last_post_at`
 * is Mastodon's last_status_at (a day), for the inactivity check; the backend ignores it
 * unless its Profile schema knows the field.
 * @param {any} account @param {string} instanceHost the instance that answered (for local accts)
 * @param {string} observedAt ISO time of the request
 */
export function mastodonFollowerProfile(account, instanceHost, observedAt) {
  const profile = /** @type {Record<string, unknown>} */ (profileFromMastodon(account, instanceHost));
  const bio = htmlToText(account && account.note);
  if (bio) profile.bio = bio.slice(0, 5000);
  const lastPost = isoOrNull(account && account.last_status_at);
  if (lastPost) profile.last_post_at = lastPost;
  profile.observed_at = observedAt;
  return profile;
}

/**
 * A Bluesky profileView (getFollowers) or profileViewDetailed (getProfiles) as a Profile.
 * The plain profileView carries no counts and no banner, so has_banner is left unknown there.
 * @param {any} view @param {string} observedAt
 */
export function blueskyFollowerProfile(view, observedAt) {
  const profile = /** @type {Record<string, unknown>} */ (profileFromBluesky(view));
  const detailed = Number.isInteger(view && view.followersCount) || Number.isInteger(view && view.postsCount);
  if (!detailed) delete profile.has_banner;
  profile.observed_at = observedAt;
  return profile;
}

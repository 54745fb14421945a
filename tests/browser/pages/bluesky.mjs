// bsky.app markup: React Native Web turns social-app's testID props into data-testid attributes.
import { esc, postsOf } from './shell.mjs';

/** @typedef {import('./people.mjs').Person} Person */

/** @param {Person} p */
export function blueskyProfile(p) {
  return `<div id="root-app"><main>
  ${p.banner ? '<img data-testid="userBannerImage" alt="" src="https://cdn.bsky.app/img/banner/plain/x.jpg">' : ''}
  <img data-testid="userAvatarImage" alt="" src="https://cdn.bsky.app/img/avatar/plain/x.jpg">
  <div><div data-testid="profileHeaderDisplayName" dir="auto">${esc(p.name)}</div></div>
  <div><div data-testid="profileHeaderHandle" dir="auto">\u2066@${esc(p.handle)}\u2069</div></div>
  <div><a data-testid="profileHeaderFollowersButton" href="/profile/${esc(p.handle)}/followers"><span>${compact(p.followers)}</span> followers</a>
    <a data-testid="profileHeaderFollowsButton" href="/profile/${esc(p.handle)}/follows"><span>${compact(p.following)}</span> following</a>
    <div dir="auto"><span>${compact(p.posts)}</span> posts</div></div>
  <div data-testid="profileHeaderDescription" dir="auto">${esc(p.bio)}</div>
  <div data-testid="postsFeed">${postsOf(p).map(({ author, text }) => blueskyFeedItem(author, text)).join('\n')}</div>
</main></div>`;
}

/** @param {Person} author @param {string} text */
export function blueskyFeedItem(author, text) {
  return `<div data-testid="feedItem-by-${esc(author.handle)}" role="link" tabindex="0"><div>
  <div><a href="/profile/${esc(author.handle)}" aria-label="${esc(author.name)}"><span>${esc(author.name)}</span></a>
    <a href="/profile/${esc(author.handle)}"><span>@${esc(author.handle)}</span></a></div>
  <div data-testid="postText" dir="auto">${esc(text)}</div></div></div>`;
}

/** Bluesky's compact number ("1.2K"). @param {number} n */
function compact(n) {
  return new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 }).format(n);
}

// Mastodon web UI markup (class names from mastodon/mastodon's app/javascript/mastodon components).
import { esc, postsOf } from './shell.mjs';

/** @typedef {import('./people.mjs').Person} Person */

const HOST = 'mastodon.social';

/** @param {Person} p */
export function mastodonProfile(p) {
  const media = 'https://files.mastodon.social/accounts';
  const avatar = p.defaultAvatar ? '/avatars/original/missing.png' : `${media}/avatars/1/original/${esc(p.handle)}.png`;
  const header = p.banner ? `${media}/headers/1/original/${esc(p.handle)}.jpg` : '/headers/original/missing.png';
  return `<div class="app-holder" id="mastodon"><div class="columns-area"><div class="account-timeline__header">
<div class="account__header">
  <div class="account__header__image"><img src="${header}" alt=""></div>
  <div class="account__header__bar">
    <div class="account__header__tabs"><a class="avatar" href="${avatar}"><div class="account__avatar"><img src="${avatar}" alt=""></div></a></div>
    <div class="account__header__tabs__name"><h1><span class="display-name__html">${esc(p.name)}</span>
      <small><span>@${esc(p.handle)}@${HOST}</span></small></h1></div>
    ${p.bot ? '<div class="account__header__badges"><div class="account-role bot">Automated</div></div>' : ''}
    <div class="account__header__extra">
      <div class="account__header__bio">
        <div class="account__header__content translate"><p>${esc(p.bio)}</p></div>
        <div class="account__header__fields"><dl><dt>Joined</dt><dd>${esc(p.joinedShort)}</dd></dl></div>
      </div>
      <div class="account__header__extra__links">
        <a href="/@${esc(p.handle)}" title="${p.posts.toLocaleString('en-US')}"><strong>${short(p.posts)}</strong> Posts</a>
        <a href="/@${esc(p.handle)}/following" title="${p.following.toLocaleString('en-US')}"><strong>${short(p.following)}</strong> Following</a>
        <a href="/@${esc(p.handle)}/followers" title="${p.followers.toLocaleString('en-US')}"><strong>${short(p.followers)}</strong> Followers</a>
      </div>
    </div>
  </div>
</div></div>
<div class="item-list">${postsOf(p).map(({ author, text }) => mastodonStatus(author, text)).join('\n')}</div>
</div></div>`;
}

/** @param {Person} author @param {string} text */
export function mastodonStatus(author, text) {
  return `<article><div class="status" tabindex="-1"><div class="status__info">
  <a href="/@${esc(author.handle)}" class="status__display-name"><div class="status__avatar"><div class="account__avatar"></div></div>
    <span class="display-name"><bdi><strong class="display-name__html">${esc(author.name)}</strong></bdi>
    <span class="display-name__account">@${esc(author.handle)}@${HOST}</span></span></a></div>
  <div class="status__content"><div class="status__content__text translate"><p>${esc(text)}</p></div></div>
</div></article>`;
}

/** Mastodon's shortened display count, as its web UI renders it. @param {number} n */
function short(n) {
  if (n >= 1e6) return `${(n / 1e6).toFixed(1).replace(/\.0$/, '')}M`;
  if (n >= 1e3) return `${(n / 1e3).toFixed(1).replace(/\.0$/, '')}K`;
  return String(n);
}

// x.com markup: the data-testid hooks of X's React UI (the same ones the adapter fixtures reproduce).
import { esc, postsOf } from './shell.mjs';

/** @typedef {import('./people.mjs').Person} Person */

/** @param {Person} p */
export function xProfile(p) {
  const avatar = p.defaultAvatar ? 'https://abs.twimg.com/sticky/default_profile_images/default_profile_400x400.png'
    : `https://pbs.twimg.com/profile_images/1/${esc(p.handle)}_400x400.jpg`;
  return `<main role="main"><div data-testid="primaryColumn">
  <div><h2 dir="ltr"><span>${esc(p.name)}</span></h2><div dir="ltr">${p.posts.toLocaleString('en-US')} posts</div></div>
  ${p.banner ? `<a href="/${esc(p.handle)}/header_photo" role="link"><img alt="" src="https://pbs.twimg.com/profile_banners/1/1500x500"></a>` : ''}
  <div data-testid="UserAvatar-Container-${esc(p.handle)}"><img alt="" src="${avatar}"></div>
  <div data-testid="UserName"><div><div dir="ltr"><span>${esc(p.name)}</span></div></div>
    <div><div dir="ltr"><span>@${esc(p.handle)}</span></div></div></div>
  <div data-testid="UserDescription" dir="auto"><span>${esc(p.bio)}</span></div>
  <div data-testid="UserProfileHeader_Items">
    ${p.location ? `<span data-testid="UserLocation"><span>${esc(p.location)}</span></span>` : ''}
    <span data-testid="UserJoinDate"><span>Joined ${esc(p.joinedMonthYear)}</span></span></div>
  <div><a href="/${esc(p.handle)}/following" role="link"><span>${p.following.toLocaleString('en-US')}</span> <span>Following</span></a>
    <a href="/${esc(p.handle)}/verified_followers" role="link"><span>${p.followers.toLocaleString('en-US')}</span> <span>Followers</span></a></div>
  <section role="region" id="timeline">${postsOf(p).map(({ author, text }) => xPost(author, text)).join('\n')}</section>
</div></main>`;
}

/** One timeline post by an author. @param {Person} author @param {string} text */
export function xPost(author, text) {
  return `<article data-testid="tweet" role="article" tabindex="0"><div data-testid="User-Name">
  <div><a href="/${esc(author.handle)}" role="link"><div dir="ltr"><span>${esc(author.name)}</span></div></a></div>
  <div><a href="/${esc(author.handle)}" role="link" tabindex="-1"><div dir="ltr"><span>@${esc(author.handle)}</span></div></a></div>
</div><div data-testid="tweetText" dir="auto" lang="en"><span>${esc(text)}</span></div></article>`;
}

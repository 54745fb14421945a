// www.instagram.com profile markup: header > section with the username, the three counts and the bio.
import { esc, postsOf } from './shell.mjs';

/** @typedef {import('./people.mjs').Person} Person */

/** @param {Person} p */
export function instagramProfile(p) {
  const followers = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 }).format(p.followers);
  return `<div id="mount_0_0"><main role="main"><div><header>
  <div><img alt="${esc(p.handle)}'s profile picture" src="https://scontent.cdninstagram.com/v/p.jpg"></div>
  <section><div><h2 dir="auto">${esc(p.handle)}</h2></div>
    <ul><li><span><span>${p.posts.toLocaleString('en-US')}</span> posts</span></li>
      <li><a href="/${esc(p.handle)}/followers/" role="link"><span title="${p.followers.toLocaleString('en-US')}"><span>${followers}</span></span> followers</a></li>
      <li><a href="/${esc(p.handle)}/following/" role="link"><span><span>${p.following.toLocaleString('en-US')}</span></span> following</a></li></ul>
    <div><span dir="auto">${esc(p.name)}</span><h1 dir="auto">${esc(p.bio)}</h1></div>
  </section></header>
  <div>${postsOf(p).map(({ author, text }) => instagramPost(author, text)).join('\n')}</div>
</div></main></div>`;
}

/** @param {Person} author @param {string} text */
export function instagramPost(author, text) {
  return `<article><div><header><div><span><a href="/${esc(author.handle)}/" role="link">${esc(author.handle)}</a></span></div></header>
  <div><span dir="auto">${esc(text)}</span></div></div></article>`;
}

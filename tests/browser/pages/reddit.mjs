// www.reddit.com ("shreddit") markup: custom elements with data in attributes, exact numbers in faceplate-number.
import { esc, postsOf } from './shell.mjs';

/** @typedef {import('./people.mjs').Person} Person */

/** @param {string} label @param {number} n */
function stat(label, n) {
  return `<div class="flex flex-col"><span class="font-semibold"><faceplate-number number="${n}" pretty="">${
    n.toLocaleString('en-US')}</faceplate-number></span><p class="text-12">${esc(label)}</p></div>`;
}

/** @param {Person} p */
export function redditProfile(p) {
  return `<shreddit-app><div class="main-container"><main id="main-content">
  <div><h1 class="font-bold">${esc(p.name)}</h1><p>u/${esc(p.handle)}</p></div>
  <div class="grid">${stat('Followers', p.followers)}${stat('Post karma', p.posts * 3)}${stat('Comment karma', p.posts * 5)}
    <div class="flex flex-col"><span><time datetime="${esc(p.createdAt)}">${esc(p.joinedShort)}</time></span><p>Cake day</p></div></div>
  <p data-testid="profile-description">${esc(p.bio)}</p>
  <div id="posts">${postsOf(p).map(({ author, text }, i) => redditPost(author, text, i)).join('\n')}</div>
</main></div></shreddit-app>`;
}

/** @param {Person} author @param {string} text @param {number} index */
export function redditPost(author, text, index) {
  return `<shreddit-post author="${esc(author.handle)}" post-title="${esc(text)}" id="t3_${index}">
  <div slot="credit-bar"><span><a href="/user/${esc(encodeURIComponent(author.handle))}/">u/${esc(author.handle)}</a></span></div>
  <a slot="title" href="/r/test/comments/${index}/">${esc(text)}</a></shreddit-post>`;
}

// www.youtube.com channel page markup: the newer yt-page-header-renderer built from view-model elements.
import { esc, postsOf } from './shell.mjs';

/** @typedef {import('./people.mjs').Person} Person */

/** @param {Person} p */
export function youtubeChannel(p) {
  const subscribers = new Intl.NumberFormat('en-US', { notation: 'compact', maximumSignificantDigits: 3 }).format(p.followers);
  return `<ytd-app><div id="content"><ytd-browse><yt-page-header-renderer><yt-page-header-view-model>
  ${p.banner ? '<yt-image-banner-view-model><img alt="" src="https://yt3.googleusercontent.com/banner=w1060"></yt-image-banner-view-model>' : ''}
  <yt-dynamic-text-view-model><h1><span>${esc(p.name)}</span></h1></yt-dynamic-text-view-model>
  <yt-content-metadata-view-model><div><span>@${esc(p.handle)}</span></div>
    <div><span>${subscribers} subscribers</span><span>${p.posts.toLocaleString('en-US')} videos</span></div></yt-content-metadata-view-model>
  <yt-description-preview-view-model>${esc(p.bio)}</yt-description-preview-view-model>
</yt-page-header-view-model></yt-page-header-renderer>
<div id="comments">${postsOf(p).map(({ author, text }) => youtubeComment(author, text)).join('\n')}</div>
</ytd-browse></div></ytd-app>`;
}

/** @param {Person} author @param {string} text */
export function youtubeComment(author, text) {
  return `<ytd-comment-view-model><div id="header-author"><h3><a id="author-text" href="/@${esc(author.handle)}"><span>@${
    esc(author.handle)}</span></a></h3></div><yt-attributed-string id="content-text"><span>${esc(text)}</span></yt-attributed-string></ytd-comment-view-model>`;
}

// The six fake sites, routed by host name for the one TLS server. Each test builds a World (who exists where)
// and gets the route table for it.
import { readFileSync } from 'node:fs';
import { html, json } from '../harness/site-server.mjs';
import { spaShell, RENDER_LATE_JS } from './shell.mjs';
import { xProfile, xPost } from './x.mjs';
import { mastodonProfile, mastodonStatus } from './mastodon.mjs';
import { blueskyProfile, blueskyFeedItem } from './bluesky.mjs';
import { redditProfile, redditPost } from './reddit.mjs';
import { youtubeChannel, youtubeComment } from './youtube.mjs';
import { instagramProfile, instagramPost } from './instagram.mjs';
import { mastodonApi, blueskyApi } from './apis.mjs';
import { mastodonComposePage, xComposePage } from './compose.mjs';

/** @typedef {import('./people.mjs').Person} Person */
/** @typedef {'x'|'mastodon'|'bluesky'|'reddit'|'youtube'|'instagram'} Platform */

/** A 1x1 PNG for every avatar, banner and thumbnail the pages show. */
const PIXEL_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYPj/HwADAgH/eL9qWQAAAABJRU5ErkJggg==', 'base64');
const image = () => ({ type: 'image/png', body: PIXEL_PNG });
/** The sites' image hosts, answered here too so no page load ever reaches for the network. */
const IMAGE_HOSTS = ['pbs.twimg.com', 'abs.twimg.com', 'files.mastodon.social', 'cdn.bsky.app',
  'yt3.googleusercontent.com', 'scontent.cdninstagram.com'];

const INFINITE_SCROLL_JS = readFileSync(new URL('./infinite-scroll.js', import.meta.url), 'utf8');

/** Where each platform's profile lives, as the real sites lay out their URLs. */
export const PROFILE_URL = {
  x: (/** @type {string} */ h) => `https://x.com/${h}`,
  mastodon: (/** @type {string} */ h) => `https://mastodon.social/@${h}`,
  bluesky: (/** @type {string} */ h) => `https://bsky.app/profile/${h}`,
  reddit: (/** @type {string} */ h) => `https://www.reddit.com/user/${h}/`,
  youtube: (/** @type {string} */ h) => `https://www.youtube.com/@${h}`,
  instagram: (/** @type {string} */ h) => `https://www.instagram.com/${h}/`,
};

/** The handle the backend will see for a person on a platform (Mastodon adds the instance). */
export function backendHandle(/** @type {Platform} */ platform, /** @type {string} */ handle) {
  return platform === 'mastodon' ? `${handle}@mastodon.social` : handle;
}

const PAGES = {
  x: { profile: xProfile, post: xPost, root: 'react-root' },
  mastodon: { profile: mastodonProfile, post: mastodonStatus, root: 'mastodon-root' },
  bluesky: { profile: blueskyProfile, post: blueskyFeedItem, root: 'root' },
  reddit: { profile: redditProfile, post: redditPost, root: 'reddit-root' },
  youtube: { profile: youtubeChannel, post: youtubeComment, root: 'yt-root' },
  instagram: { profile: instagramProfile, post: instagramPost, root: 'ig-root' },
};

export class World {
  constructor() {
    /** @type {Record<Platform, Person[]>} */
    this.people = { x: [], mastodon: [], bluesky: [], reddit: [], youtube: [], instagram: [] };
    /** @type {Record<string, Person[]>} handle -> followers, for the paging APIs */
    this.followersOf = {};
    /** @type {{platform: Platform, posts: {author: Person, text: string}[], pageSize: number} | null} */
    this.timeline = null;
  }

  /** @param {Platform} platform @param {Person} p */
  add(platform, p) {
    this.people[platform].push(p);
    return p;
  }

  /** @param {Platform} platform @param {string} handle */
  find(platform, handle) {
    return this.people[platform].find((p) => p.handle.toLowerCase() === handle.toLowerCase()) || null;
  }

  /** @param {Platform} platform @param {string} handle */
  profilePage(platform, handle) {
    const p = this.find(platform, handle);
    if (!p) return null;
    const page = PAGES[platform];
    return html(spaShell({ title: `${p.name} (@${p.handle})`, app: page.profile(p), rootId: page.root }));
  }

  /** The home timeline page of the platform that has one; posts arrive as the page scrolls. */
  timelinePage() {
    if (!this.timeline) return null;
    const { platform, pageSize } = this.timeline;
    const first = this.timelineChunk(0, pageSize);
    return html(spaShell({ title: 'Home', rootId: PAGES[platform].root, scripts: ['/__test/infinite-scroll.js'],
      app: `<main role="main"><div data-testid="primaryColumn"><section id="timeline" data-next="${pageSize}" data-total="${
        this.timeline.posts.length}">${first}</section><div id="timeline-end">Loading…</div></div></main>` }));
  }

  /** @param {number} start @param {number} count */
  timelineChunk(start, count) {
    if (!this.timeline) return '';
    const { platform, posts } = this.timeline;
    return posts.slice(start, start + count).map(({ author, text }, i) =>
      platform === 'reddit' ? redditPost(author, text, start + i) : PAGES[platform].post(author, text)).join('\n');
  }

  /** @returns {Record<string, import('../harness/site-server.mjs').Route>} host -> route */
  routes() {
    /** @param {Platform | null} platform @param {(url: URL) => any} pages */
    const site = (platform, pages) => (/** @type {URL} */ url) => {
      if (url.pathname === '/__test/render-late.js') return { type: 'text/javascript', body: RENDER_LATE_JS };
      if (url.pathname === '/__test/infinite-scroll.js') return { type: 'text/javascript', body: INFINITE_SCROLL_JS };
      if (url.pathname === '/__test/timeline' && this.timeline && this.timeline.platform === platform) {
        const start = Number(url.searchParams.get('start')) || 0;
        return json({ html: this.timelineChunk(start, this.timeline.pageSize), next: start + this.timeline.pageSize });
      }
      if (/\.(png|jpe?g)$/.test(url.pathname)) return image();
      if (platform === 'x' && url.pathname === '/compose/post') {
        return html(spaShell({ title: 'Compose new post / X', app: xComposePage(), rootId: PAGES.x.root }));
      }
      if (platform === 'mastodon' && url.pathname === '/publish') {
        return html(spaShell({ title: 'New post - Mastodon', app: mastodonComposePage(), rootId: PAGES.mastodon.root }));
      }
      if (url.pathname === '/home') return this.timeline && this.timeline.platform === platform ? this.timelinePage() : null;
      return pages(url);
    };
    const segment = (/** @type {URL} */ url, /** @type {RegExp} */ re) => {
      const match = re.exec(url.pathname);
      return match ? decodeURIComponent(match[1]) : null;
    };
    const mastodon = mastodonApi({ host: 'mastodon.social', accounts: this.people.mastodon, followersOf: this.followersOf });
    const bluesky = blueskyApi({ accounts: this.people.bluesky, followersOf: this.followersOf });
    const profileOn = (/** @type {Platform} */ platform, /** @type {RegExp} */ re) =>
      site(platform, (url) => { const h = segment(url, re); return h ? this.profilePage(platform, h) : null; });
    /** @type {Record<string, import('../harness/site-server.mjs').Route>} */
    const routes = {
      'x.com': profileOn('x', /^\/([A-Za-z0-9_]{1,15})\/?$/),
      'mastodon.social': site('mastodon', (url) => {
        if (url.pathname.startsWith('/api/')) return mastodon(url);
        const h = segment(url, /^\/@([A-Za-z0-9_]+)\/?$/);
        return h ? this.profilePage('mastodon', h) : null;
      }),
      'bsky.app': profileOn('bluesky', /^\/profile\/([^/]+)\/?$/),
      'public.api.bsky.app': site(null, bluesky),
      'api.bsky.app': site(null, bluesky),
      'www.reddit.com': profileOn('reddit', /^\/(?:user|u)\/([A-Za-z0-9_-]+)\/?$/),
      'www.youtube.com': profileOn('youtube', /^\/@([\w.-]+)\/?$/),
      'www.instagram.com': profileOn('instagram', /^\/([A-Za-z0-9._]+)\/?$/),
    };
    for (const host of IMAGE_HOSTS) routes[host] = image;
    return routes;
  }
}

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
import { FACEPLATE_JS, blueskyComposePage, mastodonComposePage, redditSubmitPage, xComposePage, youtubeWatchPage } from './compose.mjs';

/** @typedef {import('./people.mjs').Person} Person */
/** @typedef {'x'|'mastodon'|'bluesky'|'reddit'|'youtube'|'instagram'} Platform */

/** A 1x1 grey PNG for every avatar, banner and thumbnail the pages show. */
const PIXEL_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGM4f/MeAAUBAod6AoG4AAAAAElFTkSuQmCC', 'base64');
const image = () => ({ type: 'image/png', body: PIXEL_PNG });
/** The sites' image hosts, answered here too so no page load ever reaches for the network. */
const IMAGE_HOSTS = ['pbs.twimg.com', 'abs.twimg.com', 'files.mastodon.social', 'cdn.bsky.app',
  'yt3.googleusercontent.com', 'scontent.cdninstagram.com'];

const asset = (/** @type {string} */ file, /** @type {string} */ type) => ({ type, body: readFileSync(new URL(file, import.meta.url), 'utf8') });
/** Scripts and styles every fake site serves under /__test/. */
const TEST_ASSETS = /** @type {Record<string, import('../harness/site-server.mjs').Reply>} */ ({
  '/__test/render-late.js': { type: 'text/javascript', body: RENDER_LATE_JS },
  '/__test/infinite-scroll.js': asset('./infinite-scroll.js', 'text/javascript'),
  '/__test/spa-router.js': asset('./spa-router.js', 'text/javascript'),
  '/__test/site.css': asset('./site.css', 'text/css'),
  '/__test/faceplate.js': { type: 'text/javascript', body: FACEPLATE_JS },
});

/** A page of a fake app: what the shell renders into its root. @typedef {import('./shell.mjs').AppPage} AppPage */

/** Profile URL paths, as each site lays them out. */
const PROFILE_PATH = {
  x: /^\/([A-Za-z0-9_]{1,15})\/?$/,
  mastodon: /^\/@([A-Za-z0-9_]+)\/?$/,
  bluesky: /^\/profile\/([^/]+)\/?$/,
  reddit: /^\/(?:user|u)\/([A-Za-z0-9_-]+)\/?$/,
  youtube: /^\/@([\w.-]+)\/?$/,
  instagram: /^\/([A-Za-z0-9._]+)\/?$/,
};

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

  /**
   * A profile as the app renders it.
   * @param {Platform} platform @param {string} handle @returns {AppPage | null}
   */
  profileApp(platform, handle) {
    const p = this.find(platform, handle);
    if (!p) return null;
    const page = PAGES[platform];
    return { title: `${p.name} (@${p.handle})`, app: page.profile(p), rootId: page.root };
  }

  /** The home timeline of the platform that has one; posts arrive as the page scrolls. @returns {AppPage | null} */
  timelineApp() {
    if (!this.timeline) return null;
    const { platform, pageSize } = this.timeline;
    const first = this.timelineChunk(0, pageSize);
    return { title: 'Home', rootId: PAGES[platform].root, scripts: ['/__test/infinite-scroll.js'],
      app: `<main role="main"><div data-testid="primaryColumn"><section id="timeline" data-next="${pageSize}" data-total="${
        this.timeline.posts.length}">${first}</section><div id="timeline-end">Loading…</div></div></main>` };
  }

  /** @param {number} start @param {number} count */
  timelineChunk(start, count) {
    if (!this.timeline) return '';
    const { platform, posts } = this.timeline;
    return posts.slice(start, start + count).map(({ author, text }, i) =>
      platform === 'reddit' ? redditPost(author, text, start + i) : PAGES[platform].post(author, text)).join('\n');
  }

  /**
   * The app page at a URL of a platform's site, or null.
   * @param {Platform} platform @param {URL} url @returns {AppPage | null}
   */
  appAt(platform, url) {
    if (url.pathname === '/home') return this.timeline && this.timeline.platform === platform ? this.timelineApp() : null;
    if (platform === 'x' && url.pathname === '/compose/post') {
      return { title: 'Compose new post / X', app: xComposePage(), rootId: PAGES.x.root };
    }
    if (platform === 'mastodon' && url.pathname === '/publish') {
      return { title: 'New post - Mastodon', app: mastodonComposePage(), rootId: PAGES.mastodon.root };
    }
    if (platform === 'bluesky' && url.pathname === '/intent/compose') {
      return { title: 'Bluesky', app: blueskyComposePage(), rootId: PAGES.bluesky.root };
    }
    if (platform === 'reddit' && url.pathname === '/submit') {
      return { title: 'Submit to Reddit', app: redditSubmitPage(), rootId: PAGES.reddit.root, scripts: ['/__test/faceplate.js'] };
    }
    if (platform === 'youtube' && url.pathname === '/watch') {
      return { title: 'YouTube', app: youtubeWatchPage(), rootId: PAGES.youtube.root };
    }
    const match = PROFILE_PATH[platform].exec(url.pathname);
    return match ? this.profileApp(platform, decodeURIComponent(match[1])) : null;
  }

  /** @returns {Record<string, import('../harness/site-server.mjs').Route>} host -> route */
  routes() {
    /** @param {Platform | null} platform @param {((url: URL) => import('../harness/site-server.mjs').Reply | null) | null} api */
    const site = (platform, api = null) => (/** @type {URL} */ url) => {
      const asset = TEST_ASSETS[url.pathname];
      if (asset) return asset;
      if (/\.(png|jpe?g)$/.test(url.pathname)) return image();
      if (api && /^\/(api|xrpc)\//.test(url.pathname)) return api(url);
      if (!platform) return null;
      if (url.pathname === '/__test/timeline' && this.timeline && this.timeline.platform === platform) {
        const start = Number(url.searchParams.get('start')) || 0;
        return json({ html: this.timelineChunk(start, this.timeline.pageSize), next: start + this.timeline.pageSize });
      }
      if (url.pathname === '/__test/app') {
        // The in-app router asks for the next page's markup instead of loading a new document.
        const page = this.appAt(platform, new URL(url.searchParams.get('path') || '/', url));
        return page ? json({ title: page.title, html: page.app, scripts: page.scripts || [] }) : null;
      }
      const page = this.appAt(platform, url);
      return page ? html(spaShell(page)) : null;
    };
    const mastodon = mastodonApi({ host: 'mastodon.social', accounts: this.people.mastodon, followersOf: this.followersOf });
    const bluesky = blueskyApi({ accounts: this.people.bluesky, followersOf: this.followersOf });
    /** @type {Record<string, import('../harness/site-server.mjs').Route>} */
    const routes = {
      'x.com': site('x'),
      'mastodon.social': site('mastodon', mastodon),
      'bsky.app': site('bluesky'),
      'public.api.bsky.app': site(null, bluesky),
      'api.bsky.app': site(null, bluesky),
      'www.reddit.com': site('reddit'),
      'www.youtube.com': site('youtube'),
      'www.instagram.com': site('instagram'),
    };
    for (const host of IMAGE_HOSTS) routes[host] = image;
    return routes;
  }
}

// @ts-check
'use strict';
/**
 * Instagram's web profile header: header > section holds the username, the three counts (the
 * followers figure carries the exact number in span[title], while the text is shortened to
 * "12.3K"), the display name and the bio. Feed posts are <article>s with the author link in
 * their <header>.
 */
(function (BotLens) {
  const { text, setCount, countFrom, compact, blocksIn } = BotLens.dom;
  const { parseCount } = BotLens.counts;

  const selectors = {
    header: 'main header',
    username: 'section h2, section h1',
    counts: 'section ul li',
    followersLink: 'a[href$="/followers/"]',
    followingLink: 'a[href$="/following/"]',
    exactTitle: 'span[title]',
    displayName: 'section > div:last-child > span',
    bio: 'section > div:last-child > h1, section > div:last-child > div > span',
    verified: 'svg[aria-label="Verified"]',
    avatar: 'img[alt$="profile picture"]',
    post: 'article',
    postAuthor: 'header a[href^="/"]',
  };

  const RESERVED = new Set(['explore', 'reels', 'direct', 'accounts', 'stories', 'p', 'reel']);

  /** @param {string | null} value */
  function normaliseHandle(value) {
    const match = value && /^\/?@?([A-Za-z0-9._]{1,30})\/?$/.exec(value.trim());
    return match && !RESERVED.has(match[1].toLowerCase()) ? match[1].toLowerCase() : null;
  }

  /** @param {Document} document @param {Location | URL} location */
  function readProfile(document, location) {
    const header = document.querySelector(selectors.header);
    const fromPath = normaliseHandle(location.pathname.split('/').slice(0, 2).join('/'));
    if (!header || !fromPath) return null;
    const nameEl = header.querySelector(selectors.username);
    const handle = normaliseHandle(text(nameEl)) || fromPath;
    /** @type {import('./registry.js').Profile} */
    const profile = {
      platform: 'instagram',
      handle,
      display_name: text(header.querySelector(selectors.displayName)),
      bio: text(header.querySelector(selectors.bio)),
      verified: Boolean(header.querySelector(selectors.verified)),
    };
    const followers = header.querySelector(selectors.followersLink);
    const exactFollowers = followers && followers.querySelector(selectors.exactTitle);
    setCount(profile, 'followers_count', exactFollowers ? countFrom(exactFollowers, 'title') : parseCount(text(followers)));
    setCount(profile, 'following_count', parseCount(text(header.querySelector(selectors.followingLink))));
    const postsItem = Array.from(header.querySelectorAll(selectors.counts)).find((li) => !li.querySelector('a'));
    setCount(profile, 'posts_count', parseCount(text(postsItem || null)));
    return { kind: /** @type {const} */ ('profile'), anchor: nameEl || header, profile: compact(profile) };
  }

  /**
   * @param {import('./registry.js').ScanRoot | import('./registry.js').ScanRoot[]} root @param {Location | URL} [_location]
   * @param {import('./registry.js').IsHandled} [isHandled]
   */
  function findAuthors(root, _location, isHandled) {
    /** @type {import('./registry.js').Sighting[]} */
    const sightings = [];
    for (const post of blocksIn(root, selectors.post)) {
      const first = isHandled && post.querySelector(selectors.postAuthor);
      if (isHandled && isHandled(post, first ? `${first.getAttribute('href')}` : '')) continue;
      const links = Array.from(post.querySelectorAll(selectors.postAuthor));
      const link = links.find((a) => text(a) && normaliseHandle(a.getAttribute('href')));
      if (!link || !link.parentElement) continue;
      const handle = normaliseHandle(link.getAttribute('href'));
      if (!handle) continue;
      sightings.push({
        kind: 'author',
        anchor: link.parentElement,
        block: post,
        profile: compact({
          platform: 'instagram',
          handle,
          verified: Boolean(post.querySelector(`header ${selectors.verified}`)) || null,
        }),
      });
    }
    return sightings;
  }

  BotLens.adapters.registerAdapter({
    platform: 'instagram', hosts: ['instagram.com'], selectors, profileRoot: selectors.header, readProfile, findAuthors,
  });
})((globalThis.BotLens ??= {}));

// @ts-check
'use strict';
/**
 * Bluesky's web app (bluesky-social/social-app, React Native Web). testID props become
 * data-testid attributes: profileHeaderDisplayName (Header/DisplayName.tsx), the followers and
 * follows buttons (Header/Metrics.tsx), and feed items named "feedItem-by-<handle>". Counts are
 * shortened on screen; the service worker fills exact ones from the public AppView API.
 */
(function (BotLens) {
  const { text, setCount, compact, blocksIn } = BotLens.dom;
  const { parseCount } = BotLens.counts;

  const selectors = {
    profileDisplayName: '[data-testid="profileHeaderDisplayName"]',
    profileHandle: '[data-testid="profileHeaderHandle"]',
    profileBio: '[data-testid="profileHeaderDescription"]',
    followersButton: '[data-testid="profileHeaderFollowersButton"]',
    followsButton: '[data-testid="profileHeaderFollowsButton"]',
    banner: '[data-testid="userBannerImage"]',
    avatar: '[data-testid="userAvatarImage"]',
    feedItem: '[data-testid^="feedItem-by-"], [data-testid^="postThreadItem-by-"]',
    authorLink: 'a[href^="/profile/"]',
  };

  const HANDLE_RE = /^@?([a-z0-9][a-z0-9.-]*\.[a-z]{2,}|did:plc:[a-z0-9]+)$/i;

  /** @param {string | null} value */
  function normaliseHandle(value) {
    if (!value) return null;
    const match = HANDLE_RE.exec(value.replace(/[\u202a-\u202e\u2066-\u2069]/g, '').trim());
    return match ? match[1].toLowerCase() : null;
  }

  /** @param {Location | URL} location */
  function handleFromPath(location) {
    const match = /^\/profile\/([^/]+)/.exec(location.pathname);
    return match ? normaliseHandle(decodeURIComponent(match[1])) : null;
  }

  /** @param {Document} document @param {Location | URL} location */
  function readProfile(document, location) {
    const nameEl = document.querySelector(selectors.profileDisplayName);
    const fromPath = handleFromPath(location);
    if (!nameEl || !fromPath) return null;
    const handle = normaliseHandle(text(document.querySelector(selectors.profileHandle))) || fromPath;
    /** @type {import('./registry.js').Profile} */
    const profile = {
      platform: 'bluesky',
      handle,
      display_name: text(nameEl),
      bio: text(document.querySelector(selectors.profileBio)),
      has_banner: Boolean(document.querySelector(selectors.banner)),
    };
    const followers = document.querySelector(selectors.followersButton);
    setCount(profile, 'followers_count', parseCount(text(followers)));
    setCount(profile, 'following_count', parseCount(text(document.querySelector(selectors.followsButton))));
    // The posts figure is the untagged text after the two buttons in the same metrics row.
    const metricsRow = followers && followers.parentElement;
    const postsText = metricsRow && text(metricsRow.lastElementChild);
    if (postsText && metricsRow && metricsRow.lastElementChild !== followers) {
      setCount(profile, 'posts_count', parseCount(postsText));
    }
    return { kind: /** @type {const} */ ('profile'), anchor: nameEl.parentElement || nameEl, profile: compact(profile) };
  }

  /**
   * @param {import('./registry.js').ScanRoot | import('./registry.js').ScanRoot[]} root @param {Location | URL} [_location]
   * @param {import('./registry.js').IsHandled} [isHandled]
   */
  function findAuthors(root, _location, isHandled) {
    /** @type {import('./registry.js').Sighting[]} */
    const sightings = [];
    for (const item of blocksIn(root, selectors.feedItem)) {
      const testId = item.getAttribute('data-testid') || '';
      if (isHandled && isHandled(item, testId)) continue;
      const handle = normaliseHandle(testId.replace(/^(feedItem|postThreadItem)-by-/, ''));
      if (!handle) continue;
      // Only links to this author's own profile: a "Reposted by" link names someone else.
      const ownLinks = Array.from(item.querySelectorAll(selectors.authorLink)).filter((a) => {
        const target = /^\/profile\/([^/?#]+)\/?$/.exec(a.getAttribute('href') || '');
        return target && normaliseHandle(decodeURIComponent(target[1])) === handle;
      });
      const nameLink = ownLinks.find((a) => text(a) && !(text(a) || '').startsWith('@')) || null;
      const anchor = (nameLink && nameLink.parentElement) || item;
      sightings.push({
        kind: 'author',
        anchor,
        block: item,
        profile: compact({ platform: 'bluesky', handle, display_name: text(nameLink) }),
      });
    }
    return sightings;
  }

  BotLens.adapters.registerAdapter({
    platform: 'bluesky', hosts: ['bsky.app'], selectors, profileRoot: selectors.profileDisplayName, readProfile, findAuthors,
  });
})((globalThis.BotLens ??= {}));

// @ts-check
'use strict';
/**
 * X (Twitter). Its React UI marks everything we need with data-testid attributes, the most
 * stable hooks the site offers (the class names are generated). The same test ids are what
 * scrapers and extensions such as Control Panel for Twitter key on; see
 * tests/fixtures/sites/README.md for sources.
 */
(function (BotLens) {
  const { text, squash, setCount, firstPathSegment, compact, blocksIn } = BotLens.dom;
  const { parseCount } = BotLens.counts;

  const selectors = {
    profileName: '[data-testid="UserName"]',
    profileBio: '[data-testid="UserDescription"]',
    profileLocation: '[data-testid="UserLocation"]',
    profileUrl: '[data-testid="UserUrl"]',
    profileJoined: '[data-testid="UserJoinDate"]',
    verifiedIcon: '[data-testid="icon-verified"]',
    lockedIcon: '[data-testid="icon-lock"]',
    accountIcon: '[data-testid="icon-verified"], [data-testid="icon-lock"]',
    followersLink: 'a[href$="/verified_followers"], a[href$="/followers"]',
    followingLink: 'a[href$="/following"]',
    bannerLink: 'a[href$="/header_photo"]',
    avatarImage: '[data-testid^="UserAvatar-Container-"] img',
    postsCountHeading: '[data-testid="primaryColumn"] h2 + div',
    tweet: 'article[data-testid="tweet"]',
    tweetAuthor: '[data-testid="User-Name"]',
    userCell: '[data-testid="UserCell"]',
    userLink: 'a[role="link"][href^="/"], a[href^="/"]',
  };

  /** What X allows in a user name (the part after @). */
  const HANDLE = /^[A-Za-z0-9_]{1,15}$/;

  /** Paths under x.com that are app pages, not user names. */
  const RESERVED = new Set(['i', 'home', 'explore', 'notifications', 'messages', 'search', 'settings', 'compose', 'hashtag']);

  /** @param {Element} container @returns {string | null} the "@handle" text inside */
  function handleText(container) {
    for (const span of container.querySelectorAll('span')) {
      const value = (span.textContent || '').trim();
      if (value.startsWith('@') && HANDLE.test(value.slice(1))) return value.slice(1);
    }
    return null;
  }

  /** @param {Document} document @param {Location | URL} location */
  function readProfile(document, location) {
    const nameBlock = document.querySelector(selectors.profileName);
    if (!nameBlock) return null;
    const handle = handleText(nameBlock) || location.pathname.split('/')[1] || null;
    if (!handle || RESERVED.has(handle.toLowerCase())) return null;
    const nameRow = nameBlock.firstElementChild || nameBlock;
    const displayName = text(nameRow.querySelector('span')) || text(nameRow);

    /** @type {import('./registry.js').Profile} */
    const profile = {
      platform: 'x',
      handle,
      display_name: displayName,
      bio: text(document.querySelector(selectors.profileBio)),
      location: text(document.querySelector(selectors.profileLocation)),
      url: text(document.querySelector(selectors.profileUrl)),
      created_at: BotLens.dates.parseJoinDate(text(document.querySelector(selectors.profileJoined))),
      verified: Boolean(nameBlock.querySelector(selectors.verifiedIcon)),
      protected: Boolean(nameBlock.querySelector(selectors.lockedIcon)),
      has_banner: Boolean(document.querySelector(selectors.bannerLink)),
    };
    const avatar = document.querySelector(selectors.avatarImage);
    if (avatar) profile.default_avatar = /default_profile_images/.test(avatar.getAttribute('src') || '');
    setCount(profile, 'followers_count', parseCount(text(document.querySelector(selectors.followersLink))));
    setCount(profile, 'following_count', parseCount(text(document.querySelector(selectors.followingLink))));
    setCount(profile, 'posts_count', parseCount(text(document.querySelector(selectors.postsCountHeading))));
    return { kind: /** @type {const} */ ('profile'), anchor: nameRow, profile: compact(profile) };
  }

  /** What follows the name row in a post's author block: "@handle", then "·" and the time. */
  const HANDLE_AFTER_NAME = /^@([A-Za-z0-9_]{1,15})(?![A-Za-z0-9_])/;

  /**
   * The author as a post's block shows it, from two strings: the block's text is the name row's
   * text, then "@handle·time". Null when the block is laid out otherwise (a user cell starts with
   * the avatar), and the links are read instead. A display name is the account's to choose, but it
   * stays inside the name row, so it cannot pose as what follows.
   * @param {string} blockText @param {string} nameText
   * @returns {{ handle: string, displayName: string | null } | null}
   */
  function authorFromText(blockText, nameText) {
    const at = blockText.indexOf(nameText);
    if (at < 0 || blockText.slice(0, at).trim()) return null;
    const match = HANDLE_AFTER_NAME.exec(blockText.slice(at + nameText.length).trimStart());
    return match ? { handle: match[1], displayName: squash(nameText) } : null;
  }

  /**
   * The author from the block's links: the display name is the first link whose text is not the
   * @handle, and the handle the text of the link that shows it ("@ada"); link texts are read until
   * both are found. A live list of the block's links is several times cheaper to walk than
   * querySelectorAll's.
   * @param {Element} block @param {Location | URL} location
   * @returns {{ handle: string | null, displayName: string | null }}
   */
  function authorFromLinks(block, location) {
    let link = null;
    let displayName = null;
    let named = false;
    let shownHandle = null;
    const anchors = block.getElementsByTagName('a');
    for (let i = 0; i < anchors.length && !(named && shownHandle !== null); i += 1) {
      const part = anchors[i];
      if (!part.matches(selectors.userLink)) continue;
      const value = text(part);
      if (value && value.startsWith('@')) {
        if (shownHandle === null && HANDLE.test(value.slice(1))) shownHandle = value.slice(1);
      } else if (value && !named) {
        named = true;
        link = part;
        displayName = value;
      }
      if (!link) {
        link = part;
        displayName = value;
      }
    }
    return { handle: shownHandle || handleText(block) || firstPathSegment(link, location), displayName };
  }

  /**
   * @param {import('./registry.js').ScanRoot | import('./registry.js').ScanRoot[]} root @param {Location | URL} location
   * @param {import('./registry.js').IsHandled} [isHandled]
   */
  function findAuthors(root, location, isHandled) {
    /** @type {import('./registry.js').Sighting[]} */
    const sightings = [];
    const blocks = blocksIn(root, `${selectors.tweet} ${selectors.tweetAuthor}, ${selectors.userCell}`);
    for (const block of blocks) {
      // Every post passes here, so it is read with as few calls into the page as it allows: the
      // block's text (also its fingerprint), the name row's, and one query for both icons.
      const blockText = block.textContent || '';
      if (isHandled && isHandled(block, blockText)) continue;
      const nameRow = block.firstElementChild;
      const author = (nameRow && authorFromText(blockText, nameRow.textContent || '')) || authorFromLinks(block, location);
      const { handle, displayName } = author;
      if (!handle || RESERVED.has(handle.toLowerCase())) continue;
      const icon = block.querySelector(selectors.accountIcon);
      /** @type {import('./registry.js').Profile} */
      const profile = { platform: 'x', handle };
      if (displayName) profile.display_name = displayName;
      profile.verified = icon !== null && block.querySelector(selectors.verifiedIcon) !== null;
      if (icon !== null && block.querySelector(selectors.lockedIcon) !== null) profile.protected = true;
      sightings.push({ kind: 'author', anchor: nameRow || block, block, profile });
    }
    return sightings;
  }

  BotLens.adapters.registerAdapter({
    platform: 'x',
    hosts: ['x.com', 'twitter.com'],
    selectors,
    profileRoot: selectors.profileName,
    readProfile,
    findAuthors,
  });
})((globalThis.BotLens ??= {}));

// @ts-check
'use strict';
/**
 * Reddit's current web UI ("shreddit"): posts and comments are custom elements that carry their
 * data as attributes (shreddit-post[author], shreddit-comment[author]), and counts are
 * faceplate-number elements whose number attribute holds the exact value.
 */
(function (BotLens) {
  const { text, setCount, compact, blocksIn } = BotLens.dom;

  const selectors = {
    post: 'shreddit-post[author]',
    comment: 'shreddit-comment[author]',
    authorLink: 'a[href*="/user/"]',
    profileTitle: 'h1',
    exactNumber: 'faceplate-number[number]',
    cakeDay: 'time[datetime], faceplate-date[ts], faceplate-timeago[ts]',
  };

  const DELETED = new Set(['[deleted]', 'automoderator']);

  /** @param {Location | URL} location */
  function handleFromPath(location) {
    const match = /^\/(?:user|u)\/([A-Za-z0-9_-]{3,20})\/?/.exec(location.pathname);
    return match ? match[1] : null;
  }

  /**
   * Reads a labelled exact number ("Post karma", "Followers") by the text around it.
   * @param {ParentNode} root @param {RegExp} label
   */
  function labelledNumber(root, label) {
    for (const number of root.querySelectorAll(selectors.exactNumber)) {
      const box = number.parentElement && number.parentElement.parentElement;
      if (box && label.test(box.textContent || '')) {
        const value = Number(number.getAttribute('number'));
        if (Number.isFinite(value)) return { value, approximate: false };
      }
    }
    return null;
  }

  /** @param {Document} document @param {Location | URL} location */
  function readProfile(document, location) {
    const handle = handleFromPath(location);
    const title = document.querySelector(selectors.profileTitle);
    if (!handle || !title) return null;
    /** @type {import('./registry.js').Profile} */
    const profile = { platform: 'reddit', handle, display_name: text(title) };
    setCount(profile, 'followers_count', labelledNumber(document, /followers/i));
    // Karma (upvotes received) is not sent as likes_count: the models learned likes_count as likes
    // given, and a well-liked account would read as one that likes a lot.
    for (const el of document.querySelectorAll(selectors.cakeDay)) {
      const box = el.parentElement && el.parentElement.parentElement;
      if (box && /cake day/i.test(box.textContent || '')) {
        profile.created_at = BotLens.dates.parseJoinDate(el.getAttribute('datetime') || el.getAttribute('ts'));
        break;
      }
    }
    return { kind: /** @type {const} */ ('profile'), anchor: title, profile: compact(profile) };
  }

  /**
   * @param {import('./registry.js').ScanRoot | import('./registry.js').ScanRoot[]} root @param {Location | URL} [_location]
   * @param {import('./registry.js').IsHandled} [isHandled]
   */
  function findAuthors(root, _location, isHandled) {
    /** @type {import('./registry.js').Sighting[]} */
    const sightings = [];
    for (const item of blocksIn(root, `${selectors.post}, ${selectors.comment}`)) {
      const handle = item.getAttribute('author');
      if (isHandled && isHandled(item, handle || '')) continue;
      if (!handle || DELETED.has(handle.toLowerCase())) continue;
      const link = Array.from(item.querySelectorAll(selectors.authorLink))
        .find((a) => (a.closest(`${selectors.post}, ${selectors.comment}`) === item));
      if (!link || !link.parentElement) continue;
      sightings.push({ kind: 'author', anchor: link.parentElement, block: item, profile: compact({ platform: 'reddit', handle }) });
    }
    return sightings;
  }

  BotLens.adapters.registerAdapter({
    platform: 'reddit', hosts: ['reddit.com'], selectors, profileRoot: selectors.profileTitle, readProfile, findAuthors,
  });
})((globalThis.BotLens ??= {}));

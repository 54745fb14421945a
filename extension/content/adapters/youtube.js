// @ts-check
'use strict';
/**
 * YouTube (Polymer/Lit custom elements). Channel headers come in two generations: the older
 * ytd-c4-tabbed-header-renderer with #channel-handle / #subscriber-count ids, and the newer
 * yt-page-header-renderer built from view-model elements whose metadata rows hold "@handle",
 * "1.23M subscribers" and "345 videos". The About dialog (yt-about-channel-renderer) lists the
 * join date. Comments: ytd-comment-renderer (old) or ytd-comment-view-model (new), both with
 * an #author-text link to "/@handle".
 */
(function (BotLens) {
  const { text, setCount, compact, blocksIn } = BotLens.dom;
  const { parseCount } = BotLens.counts;

  const selectors = {
    oldHeader: 'ytd-c4-tabbed-header-renderer',
    oldName: '#channel-name #text, #channel-name',
    oldHandle: '#channel-handle',
    oldSubscribers: '#subscriber-count',
    oldVideos: '#videos-count',
    newHeader: 'yt-page-header-renderer',
    newName: 'yt-dynamic-text-view-model h1, h1',
    newMetadataParts: 'yt-content-metadata-view-model span',
    newBio: 'yt-description-preview-view-model',
    banner: 'yt-image-banner-view-model img, #banner img, .banner-visible-area img',
    verified: '.badge-style-type-verified, [aria-label="Verified"]',
    aboutRows: 'yt-about-channel-renderer #additional-info-container tr, yt-about-channel-renderer tr',
    comment: 'ytd-comment-renderer, ytd-comment-view-model',
    commentAuthor: '#author-text',
    commentHeader: '#header-author',
  };

  const SUBSCRIBERS = /subscri|abonn|suscrip|inscrit|iscritt|подпис|登録者|구독자/i;
  const VIDEOS = /video|vídeo|видео|動画|동영상/i;

  /** @param {string | null} value */
  function normaliseHandle(value) {
    const match = value && /@([\w.\-\u00b7]{3,30})/u.exec(value);
    return match ? match[1] : null;
  }

  /** @param {import('./registry.js').Profile} profile @param {Element} root */
  function readAbout(profile, root) {
    for (const row of root.querySelectorAll(selectors.aboutRows)) {
      const value = text(row);
      if (!value) continue;
      if (/\b(19|20)\d{2}\b/.test(value) && !VIDEOS.test(value) && !/view/i.test(value)) {
        profile.created_at = profile.created_at || BotLens.dates.parseJoinDate(value);
      } else if (SUBSCRIBERS.test(value)) {
        setCount(profile, 'followers_count', parseCount(value));
      } else if (VIDEOS.test(value)) {
        setCount(profile, 'posts_count', parseCount(value));
      }
    }
  }

  /** @param {Document} document */
  function readProfile(document) {
    const oldHeader = document.querySelector(selectors.oldHeader);
    const newHeader = document.querySelector(selectors.newHeader);
    const header = newHeader || oldHeader;
    if (!header) return null;
    /** @type {import('./registry.js').Profile} */
    const profile = { platform: 'youtube', handle: '' };
    /** @type {Element | null} */
    let nameEl;
    if (newHeader) {
      nameEl = newHeader.querySelector(selectors.newName);
      for (const part of newHeader.querySelectorAll(selectors.newMetadataParts)) {
        const value = text(part);
        if (!value || part.querySelector('span')) continue;
        if (value.startsWith('@')) profile.handle = normaliseHandle(value) || '';
        else if (SUBSCRIBERS.test(value)) setCount(profile, 'followers_count', parseCount(value));
        else if (VIDEOS.test(value)) setCount(profile, 'posts_count', parseCount(value));
      }
      profile.bio = text(newHeader.querySelector(selectors.newBio));
    } else {
      const oldRoot = /** @type {Element} */ (oldHeader);
      nameEl = oldRoot.querySelector(selectors.oldName);
      profile.handle = normaliseHandle(text(oldRoot.querySelector(selectors.oldHandle))) || '';
      setCount(profile, 'followers_count', parseCount(text(oldRoot.querySelector(selectors.oldSubscribers))));
      setCount(profile, 'posts_count', parseCount(text(oldRoot.querySelector(selectors.oldVideos))));
    }
    if (!profile.handle || !nameEl) return null;
    profile.display_name = text(nameEl);
    profile.verified = Boolean(header.querySelector(selectors.verified));
    profile.has_banner = Boolean(document.querySelector(selectors.banner));
    readAbout(profile, document.documentElement);
    return { kind: /** @type {const} */ ('profile'), anchor: nameEl, profile: compact(profile) };
  }

  /**
   * @param {import('./registry.js').ScanRoot | import('./registry.js').ScanRoot[]} root @param {Location | URL} [_location]
   * @param {import('./registry.js').IsHandled} [isHandled]
   */
  function findAuthors(root, _location, isHandled) {
    /** @type {import('./registry.js').Sighting[]} */
    const sightings = [];
    for (const comment of blocksIn(root, selectors.comment)) {
      // The first author link in document order is the comment's own (its replies follow it).
      const first = isHandled && comment.querySelector(selectors.commentAuthor);
      if (isHandled && isHandled(comment, first ? `${first.getAttribute('href')} ${first.textContent}` : '')) continue;
      // A comment renderer nests its replies' renderers; take only this comment's own author.
      const link = Array.from(comment.querySelectorAll(selectors.commentAuthor))
        .find((a) => a.closest(selectors.comment) === comment);
      if (!link || !link.parentElement) continue;
      const handle = normaliseHandle(link.getAttribute('href')) || normaliseHandle(text(link));
      if (!handle) continue;
      sightings.push({
        kind: 'author',
        anchor: link.parentElement,
        block: comment,
        profile: compact({
          platform: 'youtube',
          handle,
          verified: Boolean((link.closest(selectors.commentHeader) || link.parentElement).querySelector(selectors.verified)) || null,
        }),
      });
    }
    return sightings;
  }

  BotLens.adapters.registerAdapter({
    platform: 'youtube', hosts: ['youtube.com'], selectors, profileRoot: `${selectors.oldHeader}, ${selectors.newHeader}`, readProfile, findAuthors,
  });
})((globalThis.BotLens ??= {}));

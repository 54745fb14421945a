// @ts-check
'use strict';
/**
 * Follower lists as X and Instagram render them, read without a network request: which page
 * is a followers list of whom, the follower cards on it (X's UserCells through the X adapter;
 * the rows of Instagram's followers dialog), a de-duplicating collection, and the bookkeeping
 * that tells "scroll for me" when the list has ended.
 */
(function (BotLens) {
  /** Path of a followers list, per platform: /USER/followers (X also /USER/verified_followers), Instagram /USER/followers/. */
  const LIST_PATHS = {
    x: /^\/([A-Za-z0-9_]{1,15})\/(?:verified_followers|followers)\/?$/,
    instagram: /^\/([A-Za-z0-9._]{1,30})\/followers\/?$/,
  };

  const SELECTORS = {
    xList: '[data-testid="primaryColumn"]',
    instagramDialog: 'div[role="dialog"]',
    instagramRowLink: 'a[href^="/"]',
    instagramVerified: 'svg[aria-label="Verified"]',
    followersLink: {
      x: 'a[href$="/followers"], a[href$="/verified_followers"]',
      instagram: 'a[href$="/followers/"]',
    },
  };

  const INSTAGRAM_RESERVED = new Set(['explore', 'reels', 'direct', 'accounts', 'stories', 'p', 'reel']);

  /**
   * The account whose followers list this page is, or null.
   * @param {string} platform @param {Location | URL} location
   */
  function listOwner(platform, location) {
    const re = LIST_PATHS[/** @type {'x'|'instagram'} */ (platform)];
    const match = re && re.exec(location.pathname);
    return match ? match[1].toLowerCase() : null;
  }

  /** @param {string | null} href */
  function instagramHandle(href) {
    const match = href && /^\/([A-Za-z0-9._]{1,30})\/?$/.exec(href);
    return match && !INSTAGRAM_RESERVED.has(match[1].toLowerCase()) ? match[1].toLowerCase() : null;
  }

  /**
   * Instagram's dialog rows: a link to /handle/ (avatar and name both link there), the display
   * name in a span of the same row.
   * @param {ParentNode} dialog
   */
  function instagramCards(dialog) {
    /** @type {Map<string, Record<string, unknown>>} */
    const found = new Map();
    for (const link of dialog.querySelectorAll(SELECTORS.instagramRowLink)) {
      const handle = instagramHandle(link.getAttribute('href'));
      if (!handle || found.has(handle)) continue;
      const row = link.closest('li') || link.parentElement?.parentElement?.parentElement || link;
      const texts = Array.from(row.querySelectorAll('span'))
        .map((s) => BotLens.dom.text(s))
        .filter((t) => t && t.toLowerCase() !== handle && !/^(follow|following|remove|·)$/i.test(t));
      found.set(handle, BotLens.dom.compact({
        platform: 'instagram',
        handle,
        display_name: texts[0] || null,
        verified: Boolean(row.querySelector(SELECTORS.instagramVerified)) || null,
      }));
    }
    return Array.from(found.values());
  }

  /**
   * The follower profiles the page shows right now.
   * @param {import('../adapters/registry.js').SiteAdapter} adapter
   * @param {Document} document @param {Location | URL} location
   * @returns {Record<string, unknown>[]}
   */
  function readFollowerCards(adapter, document, location) {
    if (adapter.platform === 'x') {
      const list = document.querySelector(SELECTORS.xList) || document;
      return adapter.findAuthors(list, location)
        .filter((s) => s.anchor.closest(adapter.selectors.userCell))
        .map((s) => s.profile);
    }
    if (adapter.platform === 'instagram') {
      const dialog = document.querySelector(SELECTORS.instagramDialog);
      return dialog ? instagramCards(dialog) : [];
    }
    return [];
  }

  /** Followers in first-seen order, one per handle, never the audited account itself. */
  class FollowerCollection {
    /** @param {{ owner: string, limit: number }} options */
    constructor({ owner, limit }) {
      this.owner = owner.toLowerCase();
      this.limit = limit;
      /** @type {Map<string, Record<string, unknown>>} */
      this.byHandle = new Map();
    }

    get size() { return this.byHandle.size; }

    get full() { return this.byHandle.size >= this.limit; }

    /**
     * @param {Record<string, unknown>[]} profiles
     * @returns {number} how many were new
     */
    add(profiles) {
      let added = 0;
      for (const profile of profiles) {
        if (this.full) break;
        const handle = typeof profile.handle === 'string' ? profile.handle.toLowerCase() : '';
        if (!handle || handle === this.owner || this.byHandle.has(handle)) continue;
        this.byHandle.set(handle, { ...profile, handle: profile.handle });
        added += 1;
      }
      return added;
    }

    list() { return Array.from(this.byHandle.values()); }
  }

  /**
   * Decides when auto-scrolling is over: the limit is reached, or several steps in a row brought
   * neither new followers nor any movement (the end of the list, or the site stopped loading).
   */
  class ScrollEnd {
    /** @param {{ idleSteps?: number }} [options] */
    constructor({ idleSteps = 8 } = {}) {
      this.idleSteps = idleSteps;
      this.idle = 0;
    }

    /**
     * @param {{ added: number, moved: boolean, full: boolean }} step
     * @returns {'continue'|'limit'|'end'}
     */
    record({ added, moved, full }) {
      if (full) return 'limit';
      this.idle = added > 0 || moved ? 0 : this.idle + 1;
      return this.idle >= this.idleSteps ? 'end' : 'continue';
    }
  }

  /**
   * The element that scrolls the list: Instagram's dialog has its own scrolling box; X scrolls the window.
   * @param {string} platform @param {Document} document
   * @returns {Element | null} null for the window
   */
  function scrollBox(platform, document) {
    if (platform !== 'instagram') return null;
    const dialog = document.querySelector(SELECTORS.instagramDialog);
    if (!dialog) return null;
    const view = document.defaultView;
    for (const el of [dialog, ...dialog.querySelectorAll('div')]) {
      if (el.scrollHeight <= el.clientHeight + 4) continue;
      const overflow = view ? view.getComputedStyle(el).overflowY : 'auto';
      if (overflow === 'auto' || overflow === 'scroll') return el;
    }
    return null;
  }

  BotLens.followerCards = {
    LIST_PATHS, SELECTORS, listOwner, readFollowerCards, instagramCards, scrollBox, FollowerCollection, ScrollEnd,
  };
})((globalThis.BotLens ??= {}));

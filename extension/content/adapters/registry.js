// @ts-check
'use strict';
/**
 * Shared vocabulary for site adapters. Each adapter file registers one object:
 *
 *   { platform, hosts, selectors, profileRoot, readProfile(document, location), findAuthors(root, location) }
 *
 * readProfile returns the profile header on a profile page (or null); findAuthors returns every
 * post/comment/user-cell author under root. Both return Sightings: the element to put a badge
 * in and the Profile (exact API field names) read from the page. An author Sighting also names
 * its block, the element the adapter read it from. findAuthors takes an optional isHandled(block,
 * fingerprint), asked about each block before it is parsed, with a cheap string that changes when
 * the block's handle-bearing content does: a block it answers true for is skipped, so rescans of a
 * long timeline cost only what is new (see BadgeLayer.isHandled). root is the document, or for a
 * rescan the parts of the page that changed (elements, text nodes); the block holding a part counts
 * as under it. profileRoot is the selector of the element a profile header cannot be without: a
 * rescan reads the header again only when what changed holds one or lies inside one, instead of
 * searching the whole (ever longer) page each time.
 *
 * @typedef {{
 *   platform: 'x'|'mastodon'|'bluesky'|'reddit'|'youtube'|'instagram'|'other',
 *   handle: string, display_name?: string|null, bio?: string|null,
 *   followers_count?: number|null, following_count?: number|null, posts_count?: number|null,
 *   likes_count?: number|null, listed_count?: number|null, created_at?: string|null,
 *   observed_at?: string|null, verified?: boolean|null, default_avatar?: boolean|null,
 *   has_banner?: boolean|null, location?: string|null, url?: string|null, protected?: boolean|null,
 *   self_declared_bot?: boolean|null, counts_approximate?: boolean|null
 * }} Profile
 * @typedef {{ kind: 'profile'|'author', anchor: Element, profile: Profile, block?: Element }} Sighting
 * @typedef {(block: Element, fingerprint: string) => boolean} IsHandled
 * @typedef {ParentNode | CharacterData} ScanRoot the document, or a part of the page that changed
 * @typedef {{
 *   platform: Profile['platform'], hosts: string[] | null, selectors: Record<string, string>,
 *   profileRoot: string,
 *   readProfile: (document: Document, location: Location | URL) => Sighting | null,
 *   findAuthors: (root: ScanRoot | ScanRoot[], location: Location | URL, isHandled?: IsHandled) => Sighting[]
 * }} SiteAdapter
 */
(function (BotLens) {
  /** @type {SiteAdapter[]} */
  const adapters = [];

  /** @param {SiteAdapter} adapter */
  function registerAdapter(adapter) {
    adapters.push(adapter);
  }

  /**
   * The adapter for a host. Adapters with hosts === null (Mastodon) serve any host the
   * extension was registered on at runtime, so they are the fallback.
   * @param {string} hostname
   * @returns {SiteAdapter | null}
   */
  function adapterForHost(hostname) {
    const host = hostname.toLowerCase();
    const exact = adapters.find((a) => a.hosts && a.hosts.some((h) => host === h || host.endsWith(`.${h}`)));
    return exact || adapters.find((a) => a.hosts === null) || null;
  }

  /** A page text with its runs of white space made one space, or null when nothing is left. @param {string} value */
  function squash(value) {
    return value.replace(/\s+/g, ' ').trim() || null;
  }

  /** @param {Element | null | undefined} el */
  function text(el) {
    return el ? squash(el.textContent || '') : null;
  }

  /** Which count fields of a profile were read rounded, so a later exact reading can clear the flag. */
  const roundedFields = new WeakMap();

  /**
   * Records a count on a profile and keeps counts_approximate true exactly when some count
   * on it was read rounded ("12.3K").
   * @param {Profile} profile
   * @param {'followers_count'|'following_count'|'posts_count'|'likes_count'|'listed_count'} field
   * @param {{ value: number, approximate: boolean } | null} parsed
   */
  function setCount(profile, field, parsed) {
    if (!parsed) return;
    const rounded = roundedFields.get(profile) || new Set();
    roundedFields.set(profile, rounded);
    profile[field] = parsed.value;
    if (parsed.approximate) rounded.add(field);
    else rounded.delete(field);
    profile.counts_approximate = rounded.size > 0;
  }

  /**
   * Reads an exact count from an attribute when present, else parses the visible text.
   * @param {Element | null} el
   * @param {string} attribute
   */
  function countFrom(el, attribute) {
    if (!el) return null;
    const exact = BotLens.counts.parseExactCount(el.getAttribute(attribute));
    if (exact !== null) return { value: exact, approximate: false };
    return BotLens.counts.parseCount(el.textContent);
  }

  /**
   * First path segment of a link ("/jack/status/1" -> "jack").
   * @param {Element | null} link
   * @param {Location | URL} location
   */
  function firstPathSegment(link, location) {
    const href = link && link.getAttribute('href');
    if (!href) return null;
    try {
      const segment = new URL(href, location.href).pathname.split('/')[1];
      return segment ? decodeURIComponent(segment) : null;
    } catch {
      return null;
    }
  }

  /**
   * The author blocks a scan reads, each once: under the document, or for a rescan, in and around
   * the parts of the page that changed (elements and text nodes): the blocks inside each, after the
   * block that holds it, where a recycled row's handle text was replaced.
   * @param {ScanRoot | ScanRoot[]} root @param {string} blockSelector
   * @returns {Element[]}
   */
  function blocksIn(root, blockSelector) {
    if (!Array.isArray(root)) {
      if (/** @type {Node} */ (root).nodeType === 9) return Array.from(/** @type {Document} */ (root).querySelectorAll(blockSelector));
      root = [root];
    }
    /** @type {Set<Element>} */
    const blocks = new Set();
    // Posts inserted together share a parent: what holds it is looked up once.
    /** @type {Map<Element, Element | null>} */
    const holderOf = new Map();
    const holder = (/** @type {Element | null} */ element) => {
      if (!element) return null;
      let found = holderOf.get(element);
      if (found === undefined) {
        found = element.closest(blockSelector);
        holderOf.set(element, found);
      }
      return found;
    };
    for (const part of root) {
      const node = /** @type {Node} */ (part);
      const around = node.nodeType === 1 && /** @type {Element} */ (node).matches(blockSelector)
        ? /** @type {Element} */ (node) : holder(node.parentElement);
      if (around) blocks.add(around);
      if (node.nodeType === 1 || node.nodeType === 9 || node.nodeType === 11) {
        for (const block of /** @type {ParentNode} */ (part).querySelectorAll(blockSelector)) blocks.add(block);
      }
    }
    return [...blocks];
  }

  /**
   * Whether a rescan of these changed parts could find a profile header (its root element) in or
   * around them.
   * @param {Node[]} changed @param {string} profileRoot
   */
  function mayHoldProfile(changed, profileRoot) {
    for (const node of changed) {
      const element = node.nodeType === 1 ? /** @type {Element} */ (node) : node.parentElement;
      if (!element) continue;
      if (element.closest(profileRoot)) return true;
      if (element === node && element.querySelector(profileRoot)) return true;
    }
    return false;
  }

  /**
   * Drops empty fields so the backend sees "unknown" rather than false/empty.
   * @param {Profile} profile
   * @returns {Profile}
   */
  function compact(profile) {
    /** @type {any} */
    const out = {};
    for (const [key, value] of Object.entries(profile)) {
      if (value !== null && value !== undefined && value !== '') out[key] = value;
    }
    return out;
  }

  BotLens.adapters = { list: adapters, registerAdapter, adapterForHost };
  BotLens.dom = { text, squash, setCount, countFrom, firstPathSegment, compact, blocksIn, mayHoldProfile };
})((globalThis.BotLens ??= {}));

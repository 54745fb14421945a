// @ts-check
'use strict';
/**
 * Remembers which page elements carry a badge and for whom. A node seen again is skipped;
 * a node that a virtualised list reused for another account gets a new badge; a badge whose
 * lookup failed is retried after a pause, so badges recover when the backend comes back.
 * It also remembers which author blocks it badged, so a rescan skips them unparsed.
 */
(function (BotLens) {
  const RETRY_AFTER_MS = 10_000;

  /**
   * @typedef {{ key: string, handle: string, platform: string,
   *   badge: { host: HTMLElement, update: (view: any) => void }, view: any,
   *   state: 'pending'|'done'|'error', at: number }} Entry
   */

  class BadgeLayer {
    /**
     * @param {{ document: Document, floating: any,
     *   onFeedback: (platform: string, handle: string, label: string) => Promise<any>,
     *   now?: () => number }} deps
     */
    constructor({ document, floating, onFeedback, now = Date.now }) {
      this.document = document;
      this.floating = floating;
      this.onFeedback = onFeedback;
      this.now = now;
      /** @type {WeakMap<Element, Entry>} */
      this.entries = new WeakMap();
      /** @type {Set<Element>} anchors whose lookup failed, for the retry timer */
      this.failed = new Set();
      /** @type {WeakMap<Element, { fingerprint: string, anchor: Element | null }>} author block -> what it was read as */
      this.blocks = new WeakMap();
    }

    /**
     * Whether an author block needs no parsing on this scan: it was read with the same fingerprint
     * and its badge is still in place with nothing to retry, so claim would change nothing. A
     * recycled row (new handle, so a new fingerprint), a badge the site wiped, a replaced anchor or
     * a failed lookup that is due again all answer false, and the block is parsed as before.
     * @param {Element} block @param {string} fingerprint
     */
    isHandled(block, fingerprint) {
      const seen = this.blocks.get(block);
      if (seen && seen.fingerprint === fingerprint && seen.anchor && this.isSettled(seen.anchor)) return true;
      // No anchor until claim: a block that yields no sighting (not fully rendered yet) is read again.
      this.blocks.set(block, { fingerprint, anchor: null });
      return false;
    }

    /** @param {Element} anchor @returns {boolean} whether claim would leave this anchor's badge as it is */
    isSettled(anchor) {
      const entry = this.entries.get(anchor);
      if (!entry || !anchor.isConnected || !entry.badge.host.isConnected) return false;
      return !(entry.state === 'error' && this.now() - entry.at >= RETRY_AFTER_MS);
    }

    /**
     * Attaches (or keeps) a badge for a sighting. With the account's outcome already known, a new
     * badge shows it from the start instead of "checking" first.
     * @param {import('../adapters/registry.js').Sighting} sighting
     * @param {any} [known] the ScoreOutcome already at hand for this account
     * @returns {boolean} true when the account should be (re)scored
     */
    claim({ anchor, profile, block }, known = null) {
      const read = block && this.blocks.get(block);
      if (read) read.anchor = anchor;
      const key = `${profile.platform}:${profile.handle.toLowerCase()}`;
      const existing = this.entries.get(anchor);
      if (existing && existing.key === key) {
        if (!existing.badge.host.isConnected) anchor.append(existing.badge.host);
        if (existing.state === 'error' && this.now() - existing.at >= RETRY_AFTER_MS) {
          existing.state = 'pending';
          return true;
        }
        return false;
      }
      if (existing) existing.badge.host.remove();
      const view = BotLens.verdict.describeOutcome(known, profile.handle);
      /** @type {Entry} */
      const entry = {
        key, handle: profile.handle, platform: profile.platform, view, at: this.now(),
        state: known ? (known.ok ? 'done' : 'error') : 'pending',
        badge: BotLens.createBadge(this.document, {
          onPreview: (button) => this.floating.showPreview(button, entry.view),
          onEndPreview: () => this.floating.endPreview(),
          onOpen: (button) => this.floating.showCard(button, entry.view, {
            handle: entry.handle,
            onFeedback: (label) => this.onFeedback(entry.platform, entry.handle, label),
          }),
        }, view),
      };
      anchor.append(entry.badge.host);
      this.entries.set(anchor, entry);
      if (entry.state === 'error') this.failed.add(anchor);
      return !known;
    }

    /**
     * @param {Element} anchor
     * @param {any} outcome the ScoreOutcome for the account claimed at this anchor
     */
    show(anchor, outcome) {
      const entry = this.entries.get(anchor);
      if (!entry) return;
      entry.view = BotLens.verdict.describeOutcome(outcome, entry.handle);
      entry.state = outcome && outcome.ok ? 'done' : 'error';
      entry.at = this.now();
      entry.badge.update(entry.view);
      if (entry.state === 'error') this.failed.add(anchor);
      else this.failed.delete(anchor);
    }

    /** Forgets an anchor whose lookup was abandoned (the user navigated away mid-way). */
    release(/** @type {Element} */ anchor) {
      const entry = this.entries.get(anchor);
      if (entry) entry.badge.host.remove();
      this.entries.delete(anchor);
      this.failed.delete(anchor);
    }

    /** @returns {boolean} whether any badge on the page is waiting for a retry */
    hasFailures() {
      for (const anchor of this.failed) if (!anchor.isConnected) this.failed.delete(anchor);
      return this.failed.size > 0;
    }
  }

  BotLens.BadgeLayer = BadgeLayer;
  BotLens.BadgeLayer.RETRY_AFTER_MS = RETRY_AFTER_MS;
})((globalThis.BotLens ??= {}));

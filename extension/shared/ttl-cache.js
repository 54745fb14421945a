// @ts-check
'use strict';
/**
 * What the content scripts and the service worker both keep: a bounded cache whose entries
 * expire, and the measure of how much a sighting tells about an account. A classic script, so
 * that it can be listed among the content scripts; the service worker imports it for its effect
 * through background/ttl-cache.js. Both read it from globalThis.BotLens.
 */
(function (BotLens) {
  /**
   * Map keeps insertion order, so re-inserting on read makes the first key the least recently
   * used one, which is what gets evicted.
   * @template V
   */
  class TtlCache {
    /**
     * @param {{ ttlMs: number, maxEntries: number, now?: () => number }} options
     */
    constructor({ ttlMs, maxEntries, now = () => Date.now() }) {
      this.ttlMs = ttlMs;
      this.maxEntries = maxEntries;
      this.now = now;
      /** @type {Map<string, { value: V, expiresAt: number }>} */
      this.entries = new Map();
    }

    /** @param {string} key @returns {V | undefined} */
    get(key) {
      const entry = this.entries.get(key);
      if (!entry) return undefined;
      if (entry.expiresAt <= this.now()) {
        this.entries.delete(key);
        return undefined;
      }
      this.entries.delete(key);
      this.entries.set(key, entry);
      return entry.value;
    }

    /** @param {string} key @param {V} value */
    set(key, value) {
      this.entries.delete(key);
      this.entries.set(key, { value, expiresAt: this.now() + this.ttlMs });
      while (this.entries.size > this.maxEntries) {
        const oldest = this.entries.keys().next().value;
        if (oldest === undefined) break;
        this.entries.delete(oldest);
      }
    }

    clear() {
      this.entries.clear();
    }

    get size() {
      return this.entries.size;
    }
  }

  /**
   * How much the page told us about an account (fields given, the time of reading aside): a
   * richer sighting than the one answered deserves a fresh score.
   * @param {Record<string, unknown>} profile @returns {number}
   */
  function profileDetail(profile) {
    let detail = 0;
    for (const key in profile) if (key !== 'observed_at' && profile[key] != null) detail += 1;
    return detail;
  }

  BotLens.TtlCache = TtlCache;
  BotLens.profileDetail = profileDetail;
})((globalThis.BotLens ??= {}));

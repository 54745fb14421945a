// @ts-check
/**
 * A bounded cache whose entries expire. Map keeps insertion order, so re-inserting on read
 * makes the first key the least recently used one, which is what gets evicted.
 * @template V
 */
export class TtlCache {
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

// @ts-check
'use strict';
/**
 * Gathers the accounts a page scan found and asks the service worker about all of them in one
 * accounts.score message when the scan ends (sendQueued), so a page of 100 posts costs one
 * message (and the worker batches again across tabs); a request outside a scan (a profile
 * header after its enrichment) waits a few milliseconds for company instead.
 *
 * It also keeps the answers it got for a few minutes (at most RECENT_MAX accounts): a feed
 * shows the same authors again and again, and an account already answered then costs no
 * message at all. A richer sighting than the one answered (a profile header after a post) is
 * asked about again, as the service worker's own cache does; failures are never kept, and
 * forget() drops everything when the backend or token changes.
 */
(function (BotLens) {
  const MAX_PER_MESSAGE = 1000;
  const RECENT_MS = 5 * 60_000;
  const RECENT_MAX = 1000;

  /** @param {any} profile @returns {string} */
  function accountKey(profile) {
    return `${profile.platform}:${String(profile.handle).toLowerCase()}`;
  }

  class AuthorBatcher {
    /**
     * @param {{ send: (message: any) => Promise<any>, windowMs?: number,
     *           setTimer?: (fn: () => void, ms: number) => any, clearTimer?: (id: any) => void, now?: () => number,
     *           recentMs?: number, recentMax?: number }} deps
     */
    constructor({ send, windowMs = 50, setTimer = (fn, ms) => setTimeout(fn, ms), clearTimer = (id) => clearTimeout(id),
      now = Date.now, recentMs = RECENT_MS, recentMax = RECENT_MAX }) {
      this.send = send;
      this.windowMs = windowMs;
      this.setTimer = setTimer;
      this.clearTimer = clearTimer;
      /** @type {Map<string, { profile: any, waiters: Array<(outcome: any) => void> }>} */
      this.queued = new Map();
      /** @type {{ get: (key: string) => { outcome: any, detail: number } | undefined, set: Function, clear: Function }} */
      this.recent = new BotLens.TtlCache({ ttlMs: recentMs, maxEntries: recentMax, now });
      this.timer = null;
    }

    /**
     * @param {import('../adapters/registry.js').Profile} profile
     * @param {any} [known] what known(profile) gave, for a caller that has just asked it
     * @returns {Promise<any>} the ScoreOutcome for this profile
     */
    request(profile, known = this.known(profile)) {
      return known ? Promise.resolve(known) : new Promise((resolve) => this.ask(profile, resolve));
    }

    /**
     * Queues the profile for the next message; `answer` gets its outcome as soon as the reply is
     * read. A page of authors asks this way rather than by request: a hundred callbacks cost less
     * than a hundred promises and their reactions.
     * @param {import('../adapters/registry.js').Profile} profile @param {(outcome: any) => void} answer
     */
    ask(profile, answer) {
      const key = accountKey(profile);
      const entry = this.queued.get(key);
      if (entry) {
        entry.profile = { ...entry.profile, ...profile };
        entry.waiters.push(answer);
      } else {
        this.queued.set(key, { profile, waiters: [answer] });
      }
      if (this.timer === null) {
        this.timer = this.setTimer(() => {
          this.timer = null;
          this.flush();
        }, this.windowMs);
      }
    }

    /**
     * The answer kept for this account, if it is recent and was given for at least this much detail.
     * @param {import('../adapters/registry.js').Profile} profile @returns {any} a ScoreOutcome or null
     */
    known(profile) {
      const key = accountKey(profile);
      const kept = this.recent.get(key);
      if (!kept) return null;
      return kept.detail >= BotLens.profileDetail(profile) ? kept.outcome : null;
    }

    /** Drops every kept answer (the user changed the backend or the token). */
    forget() {
      this.recent.clear();
    }

    /**
     * Sends what is queued without waiting out the window: a scan that has read its part of the
     * page knows nothing more of it is coming, and its badges come sooner for it.
     */
    sendQueued() {
      if (this.timer !== null) this.clearTimer(this.timer);
      this.timer = null;
      if (this.queued.size) this.flush();
    }

    async flush() {
      const entries = [...this.queued.entries()];
      this.queued.clear();
      for (let start = 0; start < entries.length; start += MAX_PER_MESSAGE) {
        const chunk = entries.slice(start, start + MAX_PER_MESSAGE);
        const reply = await this.send({ type: 'accounts.score', profiles: chunk.map(([, e]) => e.profile) });
        chunk.forEach(([key, entry], index) => {
          const outcome = reply && reply.ok ? reply.outcomes[index] : { ok: false, error: reply && reply.error };
          if (outcome && outcome.ok) this.keep(key, outcome, BotLens.profileDetail(entry.profile));
          for (const answer of entry.waiters) answer(outcome);
        });
      }
    }

    /** @param {string} key @param {any} outcome @param {number} detail */
    keep(key, outcome, detail) {
      this.recent.set(key, { outcome, detail });
    }
  }

  BotLens.AuthorBatcher = AuthorBatcher;
})((globalThis.BotLens ??= {}));

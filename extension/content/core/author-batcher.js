// @ts-check
'use strict';
/**
 * Gathers the accounts a page scan found for a few milliseconds and asks the service worker
 * about all of them in one accounts.score message, so a page of 100 posts costs one message
 * (and the worker batches again across tabs).
 */
(function (BotLens) {
  const MAX_PER_MESSAGE = 1000;

  class AuthorBatcher {
    /**
     * @param {{ send: (message: any) => Promise<any>, windowMs?: number,
     *           setTimer?: (fn: () => void, ms: number) => any }} deps
     */
    constructor({ send, windowMs = 50, setTimer = (fn, ms) => setTimeout(fn, ms) }) {
      this.send = send;
      this.windowMs = windowMs;
      this.setTimer = setTimer;
      /** @type {Map<string, { profile: any, waiters: Array<(outcome: any) => void> }>} */
      this.queued = new Map();
      this.timer = null;
    }

    /**
     * @param {import('../adapters/registry.js').Profile} profile
     * @returns {Promise<any>} the ScoreOutcome for this profile
     */
    request(profile) {
      const key = `${profile.platform}:${profile.handle.toLowerCase()}`;
      return new Promise((resolve) => {
        const entry = this.queued.get(key);
        if (entry) {
          entry.profile = { ...entry.profile, ...profile };
          entry.waiters.push(resolve);
        } else {
          this.queued.set(key, { profile, waiters: [resolve] });
        }
        if (this.timer === null) {
          this.timer = this.setTimer(() => {
            this.timer = null;
            this.flush();
          }, this.windowMs);
        }
      });
    }

    async flush() {
      const entries = [...this.queued.values()];
      this.queued.clear();
      for (let start = 0; start < entries.length; start += MAX_PER_MESSAGE) {
        const chunk = entries.slice(start, start + MAX_PER_MESSAGE);
        const reply = await this.send({ type: 'accounts.score', profiles: chunk.map((e) => e.profile) });
        chunk.forEach((entry, index) => {
          const outcome = reply && reply.ok ? reply.outcomes[index] : { ok: false, error: reply && reply.error };
          entry.waiters.forEach((resolve) => resolve(outcome));
        });
      }
    }
  }

  BotLens.AuthorBatcher = AuthorBatcher;
})((globalThis.BotLens ??= {}));

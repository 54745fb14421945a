// @ts-check
'use strict';
/**
 * Remembers which page elements carry a badge and for whom. A node seen again is skipped;
 * a node that a virtualised list reused for another account gets a new badge; a badge whose
 * lookup failed is retried after a pause, so badges recover when the backend comes back.
 * It also remembers which author blocks it badged, so a rescan skips them unparsed.
 *
 * A badge goes in once, showing its answer: an account not yet answered gets no badge until
 * the answer comes, and a "checking" one only if the answer is slow (WAITING_SHOWN_AFTER_MS).
 * Answers usually come within a tenth of a second, and a badge that appeared as "checking"
 * would be written twice and change width under the reader's eyes.
 *
 * Timers run only while there is something to do: the "checking" timer stops once every answer
 * is in, and the retry timer runs only while some lookup has failed, so an idle tab never wakes.
 */
(function (BotLens) {
  const RETRY_AFTER_MS = 10_000;
  const WAITING_SHOWN_AFTER_MS = 400;

  /**
   * @typedef {{ key: string, handle: string, platform: string,
   *   badge: { host: HTMLElement, update: (view: any) => void } | null, view: any,
   *   state: 'pending'|'done'|'error', at: number }} Entry
   */

  class BadgeLayer {
    /**
     * @param {{ document: Document, floating: any,
     *   onFeedback: (platform: string, handle: string, label: string) => Promise<any>,
     *   now?: () => number, setTimer?: (fn: () => void, ms: number) => any, clearTimer?: (id: any) => void,
     *   unobserved?: (change: () => void) => void, onRetryDue?: () => void }} deps
     *   unobserved: runs our own DOM changes unseen by the page watcher; onRetryDue: failed lookups
     *   are due again (the caller rescans, and claim asks again)
     */
    constructor({ document, floating, onFeedback, now = Date.now, setTimer = (fn, ms) => setTimeout(fn, ms),
      clearTimer = (id) => clearTimeout(id), unobserved = (change) => change(), onRetryDue = () => {} }) {
      this.document = document;
      this.floating = floating;
      this.onFeedback = onFeedback;
      this.now = now;
      this.setTimer = setTimer;
      this.clearTimer = clearTimer;
      this.unobserved = unobserved;
      this.onRetryDue = onRetryDue;
      this.retryTimer = null;
      /** @type {Array<[Element, any]>} answers that arrived in this turn, shown together by showArrived */
      this.arrived = [];
      /** @type {Set<Element>} anchors claimed without a badge, their answer still to come */
      this.waiting = new Set();
      this.waitingTimer = null;
      /** @type {WeakMap<Element, Entry>} */
      this.entries = new WeakMap();
      /** @type {Set<Element>} anchors whose lookup failed, for the retry timer */
      this.failed = new Set();
      /** @type {WeakMap<Element, { fingerprint: string, anchor: Element | null }>} author block -> what it was read as */
      this.blocks = new WeakMap();
      /** @type {WeakMap<object, { handle: string, view: any }>} outcome -> its view: a kept answer is shown by many badges */
      this.views = new WeakMap();
      /** One set of handlers for every badge; each call names the badge's entry. */
      this.badgeHandlers = {
        onPreview: (/** @type {HTMLElement} */ button, /** @type {Entry} */ entry) => this.floating.showPreview(button, entry.view),
        onEndPreview: () => this.floating.endPreview(),
        onOpen: (/** @type {HTMLElement} */ button, /** @type {Entry} */ entry) => this.floating.showCard(button, entry.view, {
          handle: entry.handle,
          onFeedback: (/** @type {string} */ label) => this.onFeedback(entry.platform, entry.handle, label),
        }),
      };
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
      if (!entry || !anchor.isConnected) return false;
      // No badge yet: its answer is on the way and brings it.
      if (!entry.badge) return entry.state === 'pending';
      if (!entry.badge.host.isConnected) return false;
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
        if (!existing.badge) {
          if (existing.state !== 'pending') this.attach(anchor, existing, existing.view);
        } else if (!existing.badge.host.isConnected) {
          anchor.append(existing.badge.host);
        }
        if (existing.state === 'error' && this.now() - existing.at >= RETRY_AFTER_MS) {
          existing.state = 'pending';
          return true;
        }
        return false;
      }
      if (existing && existing.badge) existing.badge.host.remove();
      /** @type {Entry} */
      const entry = {
        key, handle: profile.handle, platform: profile.platform, view: null, badge: null, at: this.now(),
        state: known ? (known.ok ? 'done' : 'error') : 'pending',
      };
      this.entries.set(anchor, entry);
      if (known) {
        this.attach(anchor, entry, this.viewOf(known, profile.handle));
        if (entry.state === 'error') this.noteFailure(anchor);
      } else {
        this.waiting.add(anchor);
        this.showWaitingLater();
      }
      return !known;
    }

    /** Puts a badge showing `view` at the anchor. @param {Element} anchor @param {Entry} entry @param {any} view */
    attach(anchor, entry, view) {
      entry.view = view;
      entry.badge = BotLens.createBadge(this.document, this.badgeHandlers, entry, view);
      anchor.append(entry.badge.host);
    }

    showWaitingLater() {
      if (this.waitingTimer !== null) return;
      this.waitingTimer = this.setTimer(() => {
        this.waitingTimer = null;
        this.unobserved(() => this.showWaiting());
      }, WAITING_SHOWN_AFTER_MS);
    }

    /** Gives a "checking" badge to each account that has waited long enough for its answer. */
    showWaiting() {
      const now = this.now();
      for (const anchor of this.waiting) {
        const entry = this.entries.get(anchor);
        if (!entry || entry.badge || !anchor.isConnected) {
          this.waiting.delete(anchor);
        } else if (now - entry.at >= WAITING_SHOWN_AFTER_MS) {
          this.waiting.delete(anchor);
          this.attach(anchor, entry, this.viewOf(null, entry.handle));
        }
      }
      if (this.waiting.size) this.showWaitingLater();
    }

    /**
     * @param {Element} anchor
     * @param {any} outcome the ScoreOutcome for the account claimed at this anchor
     */
    show(anchor, outcome) {
      const entry = this.entries.get(anchor);
      if (!entry) return;
      const view = this.viewOf(outcome, entry.handle);
      entry.state = outcome && outcome.ok ? 'done' : 'error';
      entry.at = this.now();
      this.waiting.delete(anchor);
      if (!this.waiting.size && this.waitingTimer !== null) {
        this.clearTimer(this.waitingTimer);
        this.waitingTimer = null;
      }
      if (entry.badge) {
        entry.view = view;
        entry.badge.update(view);
      } else if (anchor.isConnected) {
        this.attach(anchor, entry, view);
      } else {
        entry.view = view; // a badge goes in if the site puts the anchor back
      }
      if (entry.state === 'error') this.noteFailure(anchor);
      else this.failed.delete(anchor);
    }

    /** Keeps a failed anchor for a retry, and wakes up once the first retry is due. @param {Element} anchor */
    noteFailure(anchor) {
      this.failed.add(anchor);
      this.armRetry();
    }

    armRetry() {
      if (this.retryTimer !== null) return;
      this.retryTimer = this.setTimer(() => {
        this.retryTimer = null;
        if (!this.hasFailures()) return;
        this.onRetryDue();
        // Failures younger than the first were not due yet, and a retried lookup may fail again.
        if (this.hasFailures()) this.armRetry();
      }, RETRY_AFTER_MS);
    }

    /**
     * Shows an answer with the others that arrive in the same turn: one message answers a whole
     * page of authors, and its badges go in together, unobserved, at the end of the turn.
     * @param {Element} anchor @param {any} outcome
     */
    showSoon(anchor, outcome) {
      this.arrived.push([anchor, outcome]);
      if (this.arrived.length === 1) queueMicrotask(() => this.showArrived());
    }

    showArrived() {
      const arrived = this.arrived;
      this.arrived = [];
      if (arrived.length) this.unobserved(() => { for (const [anchor, outcome] of arrived) this.show(anchor, outcome); });
    }

    /** The badge view of an outcome for this handle, described once per outcome. @param {any} outcome @param {string} handle */
    viewOf(outcome, handle) {
      if (!outcome || typeof outcome !== 'object') return BotLens.verdict.describeOutcome(outcome, handle);
      const kept = this.views.get(outcome);
      if (kept && kept.handle === handle) return kept.view;
      const view = BotLens.verdict.describeOutcome(outcome, handle);
      this.views.set(outcome, { handle, view });
      return view;
    }

    /** Forgets an anchor whose lookup was abandoned (the user navigated away mid-way). */
    release(/** @type {Element} */ anchor) {
      const entry = this.entries.get(anchor);
      if (entry && entry.badge) entry.badge.host.remove();
      this.entries.delete(anchor);
      this.failed.delete(anchor);
      this.waiting.delete(anchor);
    }

    /** Takes every badge off the page (the user switched BotLens off for this site). */
    removeAll() {
      this.floating.clear();
      this.arrived = [];
      for (const host of this.document.querySelectorAll('[data-botlens="badge"]')) host.remove();
      this.waiting.clear();
      this.failed.clear();
      for (const timer of [this.waitingTimer, this.retryTimer]) if (timer !== null) this.clearTimer(timer);
      this.waitingTimer = null;
      this.retryTimer = null;
    }

    /** @returns {boolean} whether any badge on the page is waiting for a retry */
    hasFailures() {
      for (const anchor of this.failed) if (!anchor.isConnected) this.failed.delete(anchor);
      return this.failed.size > 0;
    }
  }

  BotLens.BadgeLayer = BadgeLayer;
  BotLens.BadgeLayer.RETRY_AFTER_MS = RETRY_AFTER_MS;
  BotLens.BadgeLayer.WAITING_SHOWN_AFTER_MS = WAITING_SHOWN_AFTER_MS;
})((globalThis.BotLens ??= {}));

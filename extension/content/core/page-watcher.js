// @ts-check
'use strict';
/**
 * Watches a single-page app: rescans (throttled) whenever the DOM changes, which covers
 * infinite scroll, and notices in-app navigation by the URL changing. Each page view gets its
 * own AbortSignal, aborted on navigation, so answers that arrive after the user moved on are
 * dropped instead of badging the wrong profile.
 */
(function (BotLens) {
  class PageWatcher {
    /**
     * @param {{
     *   document: Document, window: Window & typeof globalThis,
     *   onScan: (signal: AbortSignal) => void, onNavigate: (url: string) => void,
     *   throttleMs?: number,
     * }} options
     */
    constructor({ document, window, onScan, onNavigate, throttleMs = 150 }) {
      this.document = document;
      this.window = window;
      this.onScan = onScan;
      this.onNavigate = onNavigate;
      this.throttleMs = throttleMs;
      this.url = window.location.href;
      this.controller = new AbortController();
      this.timer = null;
      this.observer = null;
      this.checkUrl = () => this.noticeNavigation();
    }

    get signal() {
      return this.controller.signal;
    }

    start() {
      this.observer = new this.window.MutationObserver((records) => {
        if (records.every(isOwnChange)) return;
        this.noticeNavigation();
        this.schedule();
      });
      this.observer.observe(this.document.documentElement, { childList: true, subtree: true, characterData: true });
      this.window.addEventListener('popstate', this.checkUrl);
      this.window.addEventListener('hashchange', this.checkUrl);
      this.scanNow();
    }

    stop() {
      if (this.observer) this.observer.disconnect();
      this.window.removeEventListener('popstate', this.checkUrl);
      this.window.removeEventListener('hashchange', this.checkUrl);
      if (this.timer !== null) clearTimeout(this.timer);
      this.timer = null;
      this.controller.abort();
    }

    noticeNavigation() {
      const url = this.window.location.href;
      if (url === this.url) return;
      this.url = url;
      this.controller.abort();
      this.controller = new AbortController();
      this.onNavigate(url);
      this.schedule();
    }

    schedule() {
      if (this.timer !== null) return;
      this.timer = setTimeout(() => {
        this.timer = null;
        this.scanNow();
      }, this.throttleMs);
    }

    scanNow() {
      try {
        this.onScan(this.signal);
      } catch (error) {
        // A site redesign can break one selector; keep watching rather than die on the page.
        console.debug('BotLens scan failed', error);
      }
    }
  }

  /** @param {Node} node */
  function isOurs(node) {
    const el = node.nodeType === 1 ? /** @type {Element} */ (node) : node.parentElement;
    return Boolean(el && el.closest && el.closest('[data-botlens]'));
  }

  /** Inserting our own badges must not trigger another scan (that would loop). */
  function isOwnChange(/** @type {MutationRecord} */ record) {
    if (isOurs(record.target)) return true;
    const nodes = [...record.addedNodes, ...record.removedNodes];
    return nodes.length > 0 && nodes.every(isOurs);
  }

  BotLens.PageWatcher = PageWatcher;
})((globalThis.BotLens ??= {}));

// @ts-check
'use strict';
/**
 * Watches a single-page app: rescans whenever the DOM changes (soon after a quiet spell, then at
 * most once per throttle), which covers infinite scroll, and notices in-app navigation by the URL
 * changing. Each page view gets its own AbortSignal, aborted on navigation, so answers that arrive
 * after the user moved on are dropped instead of badging the wrong profile.
 *
 * A rescan is told which parts of the page changed (the subtrees the MutationObserver reported
 * as added, the text nodes added or edited, and elements made editable), so a long timeline costs only what is new; the
 * first scan, the one after each navigation and scanNow() look at the whole document.
 */
(function (BotLens) {
  /**
   * A change after a quiet spell is read this soon: long enough for the site to finish the task
   * that made it, short enough that new posts do not sit without badges; changes that keep coming
   * are read at most once per throttle.
   */
  const SOON_MS = 30;
  /** Past this many changed subtrees between two scans, one pass over the document is cheaper. */
  const MAX_CHANGED_ROOTS = 2000;
  // contenteditable: a box the site makes editable in place becomes a compose box without any
  // element being added.
  const OBSERVED = { childList: true, subtree: true, characterData: true, attributeFilter: ['contenteditable'] };

  /**
   * One MutationObserver per document, shared by its watchers (badges, compose meter). A scan runs
   * unobserved: it changes only our own elements, so what it inserts costs no mutation records,
   * neither for the watcher that scans nor for the others.
   */
  class DocumentChanges {
    /** @param {Document} document @param {Window & typeof globalThis} window */
    constructor(document, window) {
      this.document = document;
      /** @type {Set<PageWatcher>} */
      this.watchers = new Set();
      this.observer = new window.MutationObserver((records) => this.deliver(records));
      this.observing = false;
    }

    /** @param {PageWatcher} watcher */
    add(watcher) {
      this.watchers.add(watcher);
      this.resume();
    }

    /** @param {PageWatcher} watcher */
    remove(watcher) {
      this.watchers.delete(watcher);
      if (!this.watchers.size) this.pause();
    }

    /** @param {MutationRecord[]} records */
    deliver(records) {
      /** @type {Node[]} */
      const changed = [];
      let relevant = false;
      for (const record of records) if (collectChanged(record, changed)) relevant = true;
      if (relevant) for (const watcher of this.watchers) watcher.noticeChanges(changed);
    }

    /** Hands the records not yet delivered to every watcher now. */
    flush() {
      if (this.observing) this.deliver(this.observer.takeRecords());
    }

    /** @param {() => void} change a change to our own elements only */
    unobserved(change) {
      this.flush();
      this.pause();
      try {
        change();
      } finally {
        if (this.watchers.size) this.resume();
      }
    }

    pause() {
      if (!this.observing) return;
      this.observer.disconnect();
      this.observing = false;
    }

    resume() {
      if (this.observing) return;
      this.observer.observe(this.document.documentElement, OBSERVED);
      this.observing = true;
    }
  }

  /** @type {WeakMap<Document, DocumentChanges>} */
  const changesOf = new WeakMap();

  /** @param {Document} document @param {Window & typeof globalThis} window */
  function documentChanges(document, window) {
    let changes = changesOf.get(document);
    if (!changes) {
      changes = new DocumentChanges(document, window);
      changesOf.set(document, changes);
    }
    return changes;
  }

  class PageWatcher {
    /**
     * @param {{
     *   document: Document, window: Window & typeof globalThis,
     *   onScan: (signal: AbortSignal, changed: Node[] | null) => void, onNavigate: (url: string) => void,
     *   throttleMs?: number,
     *   soonMs?: number, now?: () => number,
     * }} options onScan gets the changed subtrees, or null when the whole document is to be scanned;
     *   scans start at least throttleMs apart, and soonMs after the change that calls for them
     */
    constructor({ document, window, onScan, onNavigate, throttleMs = 150, soonMs = SOON_MS, now = Date.now }) {
      this.document = document;
      this.window = window;
      this.onScan = onScan;
      this.onNavigate = onNavigate;
      this.throttleMs = throttleMs;
      this.soonMs = soonMs;
      this.now = now;
      this.lastScanAt = -Infinity;
      this.url = window.location.href;
      this.controller = new AbortController();
      this.timer = null;
      /** @type {DocumentChanges | null} */
      this.changes = null;
      /** @type {Set<Node>} subtrees and text nodes changed since the last scan */
      this.changed = new Set();
      this.wholePageDue = true;
      this.stopped = false;
      this.checkUrl = () => this.noticeNavigation();
    }

    get signal() {
      return this.controller.signal;
    }

    start() {
      this.stopped = false;
      this.changes = documentChanges(this.document, this.window);
      this.changes.add(this);
      this.window.addEventListener('popstate', this.checkUrl);
      this.window.addEventListener('hashchange', this.checkUrl);
      this.scanNow();
    }

    stop() {
      this.stopped = true;
      if (this.changes) this.changes.remove(this);
      this.window.removeEventListener('popstate', this.checkUrl);
      this.window.removeEventListener('hashchange', this.checkUrl);
      if (this.timer !== null) clearTimeout(this.timer);
      this.timer = null;
      this.changed.clear();
      this.controller.abort();
    }

    /** @param {Node[]} changed what page changes added or edited (none when the page only removed nodes) */
    noticeChanges(changed) {
      if (this.stopped) return;
      if (!this.wholePageDue) for (const node of changed) this.changed.add(node);
      if (this.changed.size > MAX_CHANGED_ROOTS) {
        this.wholePageDue = true;
        this.changed.clear();
      }
      this.noticeNavigation();
      this.schedule();
    }

    noticeNavigation() {
      const url = this.window.location.href;
      if (url === this.url) return;
      this.url = url;
      this.controller.abort();
      this.controller = new AbortController();
      this.wholePageDue = true;
      this.onNavigate(url);
      this.schedule();
    }

    schedule() {
      // A watcher stopped from its own onNavigate must not scan once more for its former owner.
      if (this.timer !== null || this.stopped) return;
      const wait = Math.max(this.soonMs, this.lastScanAt + this.throttleMs - this.now());
      this.timer = setTimeout(() => {
        this.timer = null;
        this.scanChanged();
      }, wait);
    }

    /** Scans the whole document now (start, retries), whatever changed. */
    scanNow() {
      this.wholePageDue = true;
      this.scanChanged();
    }

    /**
     * Runs a change to our own elements only (badges going in) without the mutation records it
     * would otherwise cost: each inserted badge would be one more record for every watcher to
     * read and drop.
     * @param {() => void} change
     */
    unobserved(change) {
      if (this.changes && !this.stopped) this.changes.unobserved(change);
      else change();
    }

    scanChanged() {
      // Take in what the page changed up to now; this scan covers it, so no other is due for it.
      if (this.changes) this.changes.flush();
      if (this.timer !== null) clearTimeout(this.timer);
      this.timer = null;
      let changed = null;
      if (!this.wholePageDue) {
        changed = [];
        for (const node of this.changed) if (node.isConnected) changed.push(node);
        if (!changed.length) {
          this.changed.clear();
          return;
        }
      }
      this.changed.clear();
      this.wholePageDue = false;
      this.lastScanAt = this.now();
      const scan = () => {
        try {
          this.onScan(this.signal, /** @type {Node[] | null} */ (changed));
        } catch (error) {
          // A site redesign can break one selector; keep watching rather than die on the page.
          console.debug('BotLens scan failed', error);
        }
      };
      this.unobserved(scan);
    }
  }

  /**
   * One of our own hosts (badges, cards, the compose meter): every one carries data-botlens, and
   * what is inside it (a shadow root, or a badge's button) is ours too.
   * @param {Node} node
   */
  function isOwnHost(node) {
    return node.nodeType === 1 && /** @type {Element} */ (node).hasAttribute('data-botlens');
  }

  /** @param {Node} node */
  function isOurs(node) {
    const el = node.nodeType === 1 ? /** @type {Element} */ (node) : node.parentElement;
    return Boolean(el && el.closest && el.closest('[data-botlens]'));
  }

  /** @param {NodeList} nodes */
  function removedBadge(nodes) {
    for (let i = 0; i < nodes.length; i += 1) if (/** @type {Element} */ (nodes[i]).getAttribute('data-botlens') === 'badge') return true;
    return false;
  }

  /** @param {NodeList} nodes */
  function allOwnHosts(nodes) {
    for (let i = 0; i < nodes.length; i += 1) if (!isOwnHost(nodes[i])) return false;
    return true;
  }

  /**
   * Adds what a mutation changed on the page to `changed` and says whether it calls for a scan.
   * Inserting or removing our own badges must not trigger another scan (that would loop); the
   * common case, one badge host added, is answered without walking up the tree.
   * @param {MutationRecord} record @param {Node[]} changed
   */
  function collectChanged(record, changed) {
    const { addedNodes, removedNodes, target } = record;
    if (addedNodes.length + removedNodes.length > 0 && allOwnHosts(addedNodes) && allOwnHosts(removedNodes)) {
      // The site took a badge away (a re-render): its anchor is read again so the badge comes back.
      if (removedBadge(removedNodes) && target.nodeType === 1 && !isOurs(target)) changed.push(target);
      return removedNodes.length > 0;
    }
    if (isOurs(target)) return false;
    if (record.type === 'characterData') {
      if (target.nodeType === 3) changed.push(target);
      return true;
    }
    if (record.type === 'attributes') {
      changed.push(target);
      return true;
    }
    // The target is the page's, so a node added or removed under it is ours only if it is one of our hosts.
    let relevant = false;
    for (let i = 0; i < addedNodes.length; i += 1) {
      const node = addedNodes[i];
      if (isOwnHost(node)) continue;
      relevant = true;
      // Whitespace between elements (markup inserted as HTML) carries no names: only its neighbours matter.
      if (node.nodeType === 1 || (node.nodeType === 3 && /\S/.test(/** @type {Text} */ (node).data))) changed.push(node);
    }
    // Removed page content needs no badges, but the change may come with an in-app navigation.
    for (let i = 0; i < removedNodes.length; i += 1) if (!isOwnHost(removedNodes[i])) relevant = true;
    return relevant;
  }

  BotLens.PageWatcher = PageWatcher;
})((globalThis.BotLens ??= {}));

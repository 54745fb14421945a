// @ts-check
'use strict';
/**
 * Gives a compose box its ComposeSession when the user focuses it, as writing assistants do:
 * a box nobody writes in costs nothing, and a timeline that inserts hundreds of posts is never
 * searched for boxes. While a meter is up, the page's changes are followed (the core
 * PageWatcher) so a box that goes away takes its meter along, and every session ends on in-app
 * navigation so no answer lands on a page the user left. When the user opted in, a post they
 * send is passed to the service worker to be remembered for the repetition check.
 */
(function (BotLens) {
  const { editorAt, editorForSubmit } = BotLens.compose.editors;
  const { readEditor } = BotLens.compose.text;

  /** The focused element, inside open shadow roots too. @param {Document} document */
  function deepActiveElement(document) {
    let active = document.activeElement || null;
    while (active && active.shadowRoot && active.shadowRoot.activeElement) active = active.shadowRoot.activeElement;
    return active;
  }

  class ComposeWatcher {
    /**
     * @param {{
     *   document: Document, window: Window & typeof globalThis, platform: import('./editors.js').ComposePlatform,
     *   send: (message: any) => Promise<any>, remember: boolean, debounceMs?: number,
     *   timers?: { setTimeout: (fn: () => void, ms: number) => any, clearTimeout: (id: any) => void },
     * }} options
     */
    constructor({ document, window, platform, send, remember, debounceMs = 300, timers }) {
      this.document = document;
      this.window = window;
      this.platform = platform;
      this.send = send;
      this.remember = remember;
      this.debounceMs = debounceMs;
      this.timers = timers || { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (id) => clearTimeout(id) };
      /** @type {Map<Element, InstanceType<typeof BotLens.compose.ComposeSession>>} */
      this.sessions = new Map();
      /** @type {InstanceType<typeof BotLens.PageWatcher> | null} follows the page while a session is open */
      this.pageWatcher = null;
      this.frame = null;
      this.onFocusIn = (/** @type {Event} */ event) => {
        // Focus inside a shadow root reaches the document retargeted to its host; the path still names it.
        const path = typeof event.composedPath === 'function' ? event.composedPath() : [];
        this.adopt(/** @type {Element | null} */ (path[0] || event.target));
      };
      this.onClick = (/** @type {Event} */ event) => this.noticeSubmit(/** @type {Element} */ (event.target), null);
      this.onKeyDown = (/** @type {KeyboardEvent} */ event) => {
        // Ctrl/Cmd+Enter sends the post on X, Mastodon and Bluesky.
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) this.noticeSubmit(null, /** @type {Element} */ (event.target));
      };
      this.onMove = () => this.requestFollow();
      this.following = false;
    }

    start() {
      this.document.addEventListener('focusin', this.onFocusIn, true);
      this.document.addEventListener('click', this.onClick, true);
      this.document.addEventListener('keydown', this.onKeyDown, true);
      // The user may be in a box already: the page focused it on load, or the check was just switched on.
      this.adopt(deepActiveElement(this.document));
    }

    stop() {
      this.document.removeEventListener('focusin', this.onFocusIn, true);
      this.document.removeEventListener('click', this.onClick, true);
      this.document.removeEventListener('keydown', this.onKeyDown, true);
      this.endSessions();
    }

    /** Starts a session for the compose box `element` is in, if it has none yet. @param {Element | null} element */
    adopt(element) {
      if (!element || element.nodeType !== 1) return;
      const editor = editorAt(element, this.platform);
      if (!editor || this.sessions.has(editor)) return;
      // The page is followed from the first session on; each such stretch is a page view (signal) of its own.
      const watcher = this.pageWatcher || new BotLens.PageWatcher({
        document: this.document,
        window: this.window,
        onScan: () => this.noticePageChanged(),
        onNavigate: () => {
          this.endSessions();
          // The box the user is still in starts over in the new page view.
          this.adopt(deepActiveElement(this.document));
        },
      });
      const session = new BotLens.compose.ComposeSession({
        editor, platform: this.platform, document: this.document, window: this.window,
        send: this.send, signal: watcher.signal, debounceMs: this.debounceMs, timers: this.timers,
      });
      this.sessions.set(editor, session);
      if (!this.pageWatcher) {
        this.pageWatcher = watcher;
        watcher.start();
      }
      session.start();
      this.followWhileMeters();
    }

    /**
     * Listens to scrolling and resizing only while a meter is on the page: a capturing scroll
     * listener is called for every scroll of every element, and most pages have no compose box.
     */
    followWhileMeters() {
      const wanted = this.sessions.size > 0;
      if (wanted === this.following) return;
      this.following = wanted;
      if (wanted) {
        this.window.addEventListener('scroll', this.onMove, { capture: true, passive: true });
        this.window.addEventListener('resize', this.onMove, { passive: true });
      } else {
        this.window.removeEventListener('scroll', this.onMove, true);
        this.window.removeEventListener('resize', this.onMove);
      }
    }

    /** The page changed while meters are up: boxes that went away take their meters along, the others follow. */
    noticePageChanged() {
      for (const [editor, session] of this.sessions) {
        if (!editor.isConnected) {
          session.destroy();
          this.sessions.delete(editor);
        }
      }
      if (!this.sessions.size) return this.endSessions();
      // The page moved things: the meters follow in the next frame, where the page is laid out
      // anyway, instead of forcing a layout now.
      this.requestFollow();
    }

    endSessions() {
      for (const session of this.sessions.values()) session.destroy();
      this.sessions.clear();
      if (this.pageWatcher) this.pageWatcher.stop();
      this.pageWatcher = null;
      this.followWhileMeters();
    }

    /**
     * @param {Element | null} clicked a click target that may be a submit button
     * @param {Element | null} typedIn a keydown target that may be inside an editor
     */
    noticeSubmit(clicked, typedIn) {
      if (!this.remember || !this.sessions.size) return;
      const editors = [...this.sessions.keys()];
      const editor = clicked && clicked.closest
        ? editorForSubmit(clicked, editors, this.platform)
        : editors.find((e) => typedIn && (e === typedIn || e.contains(typedIn))) || null;
      if (!editor) return;
      const { text } = readEditor(editor);
      if (text.trim()) this.send({ type: 'compose.posted', text, platform: this.platform });
    }

    requestFollow() {
      if (this.frame !== null || !this.sessions.size) return;
      const raf = this.window.requestAnimationFrame
        ? (/** @type {FrameRequestCallback} */ fn) => this.window.requestAnimationFrame(fn)
        : (/** @type {() => void} */ fn) => this.timers.setTimeout(fn, 16);
      this.frame = raf(() => {
        this.frame = null;
        for (const session of this.sessions.values()) session.follow();
      });
    }
  }

  BotLens.compose = Object.assign(BotLens.compose || {}, { ComposeWatcher });
})((globalThis.BotLens ??= {}));

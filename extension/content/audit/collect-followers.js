// @ts-check
'use strict';
/**
 * "Audit followers" on the page. Mastodon and Bluesky have public follower APIs, so this only
 * hands the account to the service worker. X and Instagram have none without login: a small
 * panel counts the follower cards the list shows while the user scrolls it (or scrolls it for
 * them, step by step, until the limit or the end), then sends them for the audit.
 *
 * Entry points: the popup's message { type: 'audit.begin' } and BotLens.audit.begin() (badge card).
 */
(function (BotLens) {
  const SCAN_EVERY_MS = 400;
  const SCROLL_EVERY_MS = 700;
  const PAGED = new Set(['mastodon', 'bluesky']);
  const COLLECTED = new Set(['x', 'instagram']);

  const PANEL_CSS = `
:host { all: initial; }
.panel { position: fixed; z-index: 2147483647; right: 16px; bottom: 16px; width: 300px; box-sizing: border-box;
  font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #111827; background: #fff;
  border: 1px solid #d1d5db; border-radius: 8px; box-shadow: 0 6px 24px rgba(0,0,0,.18); padding: 10px 12px; }
h2 { font-size: 14px; margin: 0 0 6px; }
p { margin: 4px 0; }
.count { font-size: 18px; font-weight: 600; }
.actions { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 8px; }
button { font: inherit; padding: 4px 10px; border-radius: 6px; border: 1px solid #9ca3af; background: #fff; color: #111827; cursor: pointer; }
button:focus-visible { outline: 2px solid #1a56db; outline-offset: 2px; }
button[disabled] { opacity: .5; cursor: default; }
`;

  /** @type {Collector | null} */
  let active = null;

  class Collector {
    /**
     * @param {{ adapter: import('../adapters/registry.js').SiteAdapter, owner: string,
     *   account: Record<string, unknown> | null, posts?: Record<string, unknown>[], limit: number,
     *   send: (m: any) => Promise<any> }} options
     */
    constructor({ adapter, owner, account, posts = [], limit, send }) {
      this.adapter = adapter;
      this.owner = owner;
      this.account = account;
      this.posts = posts;
      this.send = send;
      this.collection = new BotLens.followerCards.FollowerCollection({ owner, limit });
      this.scrollEnd = new BotLens.followerCards.ScrollEnd();
      this.scanTimer = /** @type {any} */ (null);
      this.scrollTimer = /** @type {any} */ (null);
      this.ui = this.buildPanel();
      this.scanTimer = setInterval(() => this.scan(), SCAN_EVERY_MS);
      this.scan();
    }

    buildPanel() {
      const host = document.createElement('div');
      host.setAttribute('data-botlens', 'audit-collector');
      const root = host.attachShadow({ mode: 'open' });
      BotLens.styles.applyStyles(root, PANEL_CSS, document);
      const el = (/** @type {string} */ tag, /** @type {string} */ action = '', /** @type {string} */ text = '') => {
        const node = document.createElement(tag);
        if (action) node.setAttribute('data-action', action);
        if (text) node.textContent = text;
        return node;
      };
      const panel = el('div');
      panel.className = 'panel';
      panel.setAttribute('role', 'dialog');
      panel.setAttribute('aria-label', 'BotLens follower audit');
      const title = el('h2', '', `Audit followers of ${this.owner}`);
      const count = el('p');
      count.className = 'count';
      count.setAttribute('role', 'status');
      const hint = el('p');
      const open = el('button', 'open-list', 'Open the followers list');
      const scroll = el('button', 'scroll', 'Scroll for me');
      const submit = el('button', 'submit', 'Audit these followers');
      const cancel = el('button', 'cancel', 'Cancel');
      open.addEventListener('click', () => this.openList());
      scroll.addEventListener('click', () => (this.scrollTimer ? this.stopScrolling() : this.startScrolling()));
      submit.addEventListener('click', () => this.submit());
      cancel.addEventListener('click', () => this.close());
      const actions = el('div');
      actions.className = 'actions';
      actions.append(open, scroll, submit, cancel);
      panel.append(title, count, hint, actions);
      root.append(panel);
      document.documentElement.append(host);
      return { host, count, hint, open, scroll, submit };
    }

    onList() {
      return BotLens.followerCards.listOwner(this.adapter.platform, location) === this.owner;
    }

    openList() {
      const selector = BotLens.followerCards.SELECTORS.followersLink[/** @type {'x'|'instagram'} */ (this.adapter.platform)];
      const owned = (/** @type {Element} */ a) => (a.getAttribute('href') || '').toLowerCase().startsWith(`/${this.owner}/`);
      const links = Array.from(document.querySelectorAll(selector)).filter(owned);
      // X shows "/verified_followers" on the profile; prefer the full list when it is there.
      const link = links.find((a) => !/verified_followers/.test(a.getAttribute('href') || '')) || links[0];
      if (link) /** @type {HTMLElement} */ (link).click();
      else location.assign(`/${this.owner}/followers${this.adapter.platform === 'instagram' ? '/' : ''}`);
    }

    scan() {
      const added = this.onList()
        ? this.collection.add(BotLens.followerCards.readFollowerCards(this.adapter, document, location)) : 0;
      this.render();
      return added;
    }

    render() {
      const { size, limit } = this.collection;
      const onList = this.onList();
      this.ui.host.setAttribute('data-seen', String(size));
      this.ui.host.setAttribute('data-scrolling', String(Boolean(this.scrollTimer)));
      this.ui.count.textContent = `${size.toLocaleString('en-US')} followers seen (limit ${limit.toLocaleString('en-US')})`;
      this.ui.hint.textContent = !onList
        ? 'Open the followers list; BotLens counts the followers it shows as you scroll.'
        : this.collection.full ? 'Limit reached.' : 'Scroll the list, or let BotLens scroll it for you.';
      this.ui.open.hidden = onList;
      /** @type {HTMLButtonElement} */ (this.ui.scroll).disabled = !onList || this.collection.full;
      this.ui.scroll.textContent = this.scrollTimer ? 'Stop scrolling' : 'Scroll for me';
      /** @type {HTMLButtonElement} */ (this.ui.submit).disabled = size === 0;
      this.ui.submit.textContent = `Audit ${size.toLocaleString('en-US')} followers`;
    }

    startScrolling() {
      this.scrollEnd = new BotLens.followerCards.ScrollEnd();
      this.scrollTimer = setInterval(() => this.scrollStep(), SCROLL_EVERY_MS);
      this.render();
    }

    stopScrolling() {
      clearInterval(this.scrollTimer);
      this.scrollTimer = null;
      this.render();
    }

    scrollStep() {
      const box = BotLens.followerCards.scrollBox(this.adapter.platform, document);
      const before = box ? box.scrollTop : window.scrollY;
      if (box) box.scrollTop += Math.max(200, box.clientHeight * 0.85);
      else window.scrollBy(0, Math.max(300, window.innerHeight * 0.85));
      const moved = (box ? box.scrollTop : window.scrollY) !== before;
      const added = this.scan();
      const decision = this.scrollEnd.record({ added, moved, full: this.collection.full });
      if (decision !== 'continue') {
        this.stopScrolling();
        this.ui.hint.textContent = decision === 'limit' ? 'Limit reached.' : 'The list ended (or stopped loading).';
      }
    }

    async submit() {
      const followers = this.collection.list();
      if (followers.length === 0) return;
      this.stopScrolling();
      this.ui.hint.textContent = 'Sending to your BotLens backend…';
      const account = this.account || { platform: this.adapter.platform, handle: this.owner };
      const total = typeof account.followers_count === 'number' ? account.followers_count : undefined;
      const reply = await this.send({
        type: 'audit.submit', platform: this.adapter.platform, handle: this.owner, account, followers,
        followers_total: total, posts: this.posts,
      });
      if (reply.ok) this.close();
      else this.ui.hint.textContent = `Not sent: ${reply.error ? reply.error.message : 'unknown error'}`;
    }

    close() {
      clearInterval(this.scanTimer);
      clearInterval(this.scrollTimer);
      this.scrollTimer = null;
      this.ui.host.remove();
      if (active === this) active = null;
    }
  }

  /**
   * Whose followers an audit started here would cover: the given handle, else the profile on
   * screen, else the owner of the followers list on screen.
   * @param {string} [handle]
   */
  function auditTarget(handle) {
    const adapter = BotLens.adapters.adapterForHost(location.hostname);
    if (!adapter || !(PAGED.has(adapter.platform) || COLLECTED.has(adapter.platform))) {
      return { ok: /** @type {const} */ (false), error: { kind: 'unsupported', message: 'Follower audits work on X, Instagram, Mastodon and Bluesky.' } };
    }
    const header = adapter.readProfile(document, location);
    const pageProfile = header ? header.profile : null;
    const owner = handle || (pageProfile && pageProfile.handle) || BotLens.followerCards.listOwner(adapter.platform, location);
    if (!owner) return { ok: /** @type {const} */ (false), error: { kind: 'no_profile', message: 'Open a profile page first.' } };
    const account = pageProfile && pageProfile.handle.toLowerCase() === owner.toLowerCase() ? pageProfile : null;
    return { ok: /** @type {const} */ (true), adapter, handle: owner, account, paged: PAGED.has(adapter.platform) };
  }

  /**
   * Starts an audit of an account's followers from this page.
   * @param {{ platform?: string, handle?: string }} [target] the badge card's account; default the page's profile
   * @returns {Promise<{ ok: boolean, mode?: 'paged'|'collecting', auditId?: string, error?: any }>}
   */
  async function begin(target = {}) {
    const found = auditTarget(target.handle);
    if (!found.ok) return found;
    const { adapter, handle, account } = found;
    const { send } = BotLens.messaging;
    if (PAGED.has(adapter.platform)) {
      const reply = await send({ type: 'audit.start', platform: adapter.platform, handle, instanceOrigin: location.origin, account });
      return reply.ok ? { ok: true, mode: 'paged', auditId: reply.auditId } : reply;
    }
    const limitReply = await send({ type: 'audit.limit' });
    // The profile's own posts (with their like counts) are on screen now, before the list opens.
    const posts = account ? BotLens.postingPatterns.readVisiblePosts(adapter, document, location, handle).filter((p) => !p.is_repost) : [];
    if (active) active.close();
    active = new Collector({ adapter, owner: handle.toLowerCase(), account, posts, limit: limitReply.ok ? limitReply.limit : 2000, send });
    if (!active.onList()) active.openList();
    return { ok: true, mode: 'collecting' };
  }

  /**
   * The badge card's "Audit followers" row for an account (empty where audits do not work).
   * @param {Document} doc @param {string} handle
   * @returns {Node}
   */
  function cardButton(doc, handle) {
    const adapter = BotLens.adapters.adapterForHost(location.hostname);
    if (!adapter || !(PAGED.has(adapter.platform) || COLLECTED.has(adapter.platform))) return doc.createDocumentFragment();
    const row = doc.createElement('div');
    row.className = 'actions';
    const button = doc.createElement('button');
    button.type = 'button';
    button.setAttribute('data-action', 'audit-followers');
    button.textContent = 'Audit followers';
    const status = doc.createElement('p');
    status.className = 'status';
    status.setAttribute('role', 'status');
    button.addEventListener('click', async () => {
      button.disabled = true;
      const reply = await begin({ handle });
      status.textContent = !reply.ok ? (reply.error && reply.error.message) || 'Could not start the audit.'
        : reply.mode === 'collecting' ? 'Scroll the followers list; BotLens counts what it shows.' : 'The report opens in a new tab.';
    });
    row.append(button);
    const wrapper = doc.createDocumentFragment();
    wrapper.append(row, status);
    return wrapper;
  }

  chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
    if (sender.id !== chrome.runtime.id || !message) return false;
    if (message.type === 'audit.target') {
      const found = auditTarget();
      sendResponse(found.ok ? { ok: true, platform: found.adapter.platform, handle: found.handle, paged: found.paged } : found);
      return false;
    }
    if (message.type !== 'audit.begin') return false;
    begin({ handle: typeof message.handle === 'string' ? message.handle : undefined }).then(sendResponse);
    return true;
  });

  BotLens.audit = { begin, cardButton, Collector, current: () => active };
})((globalThis.BotLens ??= {}));

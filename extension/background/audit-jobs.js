// @ts-check
/**
 * Follower audits as jobs: collect (page the public API, or take what a content script
 * collected), send to POST /api/v1/followers/audit, keep the state where the report page reads
 * it (chrome.storage.session, key "audit:<id>"; the followers under "audit:<id>:followers").
 * The service worker only runs while something happens; every page of followers writes the
 * progress, which also keeps it alive.
 */
import { BackendClient } from './backend-client.js';
import { BackendError } from './backend-errors.js';
import { FollowerPager, PublicApiError, clampLimit } from './follower-paging.js';
import { recentPosts } from './account-posts.js';

/** The audit endpoint takes up to this many of the account's posts for its engagement check. */
export const MAX_AUDIT_POSTS = 1000;

/** Scoring tens of thousands of followers with bootstrap intervals takes longer than one profile. */
export const AUDIT_TIMEOUT_MS = 180_000;
/** Followers kept for the CSV export; beyond this only the report is kept (session storage is 10 MB). */
export const MAX_STORED_FOLLOWERS = 10_000;
/** Audits kept for their report pages, the one starting included. */
export const KEPT_AUDITS = 5;

/**
 * @typedef {'collecting'|'scoring'|'done'|'cancelled'|'error'} AuditStatus
 * @typedef {{
 *   id: string, platform: string, handle: string, sampling: 'random'|'recent'|'visible', limit: number,
 *   status: AuditStatus, phase: 'listing'|'details'|null, seen: number, total: number | null,
 *   startedAt: string, finishedAt: string | null, error: string | null, report: any,
 *   account: Record<string, unknown> | null, clientNotes: string[], followersStored: boolean,
 * }} AuditState
 */

export const auditKey = (/** @type {string} */ id) => `audit:${id}`;
export const followersKey = (/** @type {string} */ id) => `audit:${id}:followers`;

/** How the followers were collected, beside the backend's own note on what the sampling implies. */
const RECENT_NOTE = {
  mastodon: 'Collected through the instance’s public followers API, which lists the newest followers first.',
  bluesky: 'Collected through Bluesky’s public followers API (getFollowers), which lists the newest followers first.',
};
const VISIBLE_NOTE = 'Collected from the followers list the page showed while it was scrolled (newest first on X and Instagram).';

/**
 * The origins to ask for a Mastodon account, best first: the instance the page is on when it is
 * the account's home, else the home instance, then the page's instance (which knows only the
 * followers it has seen).
 * @param {string} handle "user@domain" @param {string | undefined} pageOrigin
 */
export function mastodonOrigins(handle, pageOrigin) {
  const domain = handle.includes('@') ? handle.split('@').pop() : undefined;
  /** @type {string[]} */
  const origins = [];
  let pageHost = null;
  try {
    pageHost = pageOrigin ? new URL(pageOrigin).hostname : null;
  } catch {
    pageOrigin = undefined;
  }
  if (pageOrigin && pageHost === domain) origins.push(pageOrigin);
  if (domain && /^[a-z0-9.-]+\.[a-z]{2,}$/i.test(domain)) origins.push(`https://${domain.toLowerCase()}`);
  if (pageOrigin) origins.push(pageOrigin);
  return [...new Set(origins)];
}

export class AuditJobs {
  /**
   * @param {{
   *   client: BackendClient, fetch: typeof fetch, session: chrome.storage.StorageArea,
   *   openReport: (id: string) => Promise<unknown> | unknown, newId?: () => string, now?: () => number,
   *   pagerOptions?: Omit<import('./follower-paging.js').PagingDeps, 'fetch'>,
   * }} deps
   */
  constructor({ client, fetch, session, openReport, newId = () => crypto.randomUUID(), now = Date.now, pagerOptions = {} }) {
    // Same backend and token as every other request, with a timeout long enough for an audit.
    this.client = new BackendClient({
      getConnection: client.getConnection,
      now,
      fetch: (input, init = {}) => client.fetch(input, { ...init, signal: AbortSignal.timeout(AUDIT_TIMEOUT_MS) }),
    });
    this.fetch = fetch;
    this.session = session;
    this.openReport = openReport;
    this.newId = newId;
    this.now = now;
    this.pagerOptions = pagerOptions;
    /** @type {Map<string, { state: AuditState, cancel: AbortController, stop: AbortController, done: Promise<void> }>} */
    this.running = new Map();
  }

  /**
   * @param {{ platform: string, handle: string, sampling: AuditState['sampling'], limit: number,
   *   account?: Record<string, unknown> | null, total?: number | null }} start
   * @returns {AuditState}
   */
  newState({ platform, handle, sampling, limit, account = null, total = null }) {
    const note = sampling === 'visible' ? VISIBLE_NOTE : RECENT_NOTE[/** @type {'mastodon'} */ (platform)];
    return {
      id: this.newId(), platform, handle, sampling, limit, status: 'collecting', phase: null, seen: 0, total,
      startedAt: new Date(this.now()).toISOString(), finishedAt: null, error: null, report: null, account,
      clientNotes: note ? [note] : [], followersStored: false,
    };
  }

  /**
   * Forgets all but the newest audits (session storage holds 10 MB; one audit's followers take ~0.5 KB each).
   * Audits still running are kept.
   */
  async prune() {
    const all = await this.session.get(null);
    const audits = Object.entries(all)
      .filter(([key, value]) => /^audit:[^:]+$/.test(key) && value && typeof value.startedAt === 'string')
      .map(([, value]) => /** @type {AuditState} */ (value))
      .filter((state) => !this.running.has(state.id))
      .sort((a, b) => b.startedAt.localeCompare(a.startedAt));
    const stale = audits.slice(KEPT_AUDITS - 1).flatMap((state) => [auditKey(state.id), followersKey(state.id)]);
    if (stale.length) await this.session.remove(stale);
  }

  /** @param {AuditState} state @param {Partial<AuditState>} changes */
  async update(state, changes) {
    Object.assign(state, changes);
    await this.session.set({ [auditKey(state.id)]: state });
  }

  /**
   * Pages the followers of a Mastodon or Bluesky account, then scores them. Returns once the
   * report page is open; the job goes on in the background.
   * @param {{ platform: 'mastodon'|'bluesky', handle: string, instanceOrigin?: string, limit?: unknown,
   *   account?: Record<string, unknown> | null }} request
   */
  async startPaging({ platform, handle, instanceOrigin, limit, account = null }) {
    await this.prune();
    const state = this.newState({ platform, handle, sampling: 'recent', limit: clampLimit(limit), account });
    await this.update(state, {});
    const cancel = new AbortController();
    const stop = new AbortController();
    const done = this.runPaging(state, { instanceOrigin, cancel: cancel.signal, stop: stop.signal })
      .finally(() => this.running.delete(state.id));
    this.running.set(state.id, { state, cancel, stop, done });
    await this.openReport(state.id);
    return state.id;
  }

  /**
   * @param {AuditState} state
   * @param {{ instanceOrigin?: string, cancel: AbortSignal, stop: AbortSignal }} options
   */
  async runPaging(state, { instanceOrigin, cancel, stop }) {
    const pager = new FollowerPager({ fetch: this.fetch, now: this.now, ...this.pagerOptions });
    const onProgress = (/** @type {import('./follower-paging.js').Progress} */ p) => {
      this.update(state, { phase: p.phase, seen: p.seen, total: p.total }).catch(() => {});
    };
    let page;
    let posts;
    try {
      if (state.platform === 'bluesky') {
        page = await pager.bluesky({ actor: state.handle, limit: state.limit, signal: cancel, until: stop, onProgress });
      } else {
        page = await this.pageMastodon(pager, state, { instanceOrigin, cancel, stop, onProgress });
      }
      posts = await recentPosts(pager, { platform: state.platform, ...page.source, signal: cancel });
    } catch (error) {
      if (cancel.aborted) return this.update(state, { status: 'cancelled', finishedAt: this.iso() });
      return this.fail(state, error);
    }
    const clientNotes = [...state.clientNotes, ...page.notes];
    if (!page.complete) {
      clientNotes.push(`Stopped after ${page.followers.length.toLocaleString('en-US')} followers (the limit or a stop), out of ${
        page.account && page.account.followers_count != null ? Number(page.account.followers_count).toLocaleString('en-US') : 'an unknown number'}.`);
    }
    await this.update(state, { account: { ...(state.account || {}), ...page.account }, clientNotes, seen: page.followers.length });
    await this.score(state, page.followers, cancel, posts);
  }

  /**
   * @param {FollowerPager} pager @param {AuditState} state
   * @param {{ instanceOrigin?: string, cancel: AbortSignal, stop: AbortSignal,
   *   onProgress: (p: import('./follower-paging.js').Progress) => void }} options
   */
  async pageMastodon(pager, state, { instanceOrigin, cancel, stop, onProgress }) {
    const origins = mastodonOrigins(state.handle, instanceOrigin);
    if (origins.length === 0) throw new PublicApiError('No Mastodon instance to ask for this account.', 0);
    let lastError = null;
    for (const origin of origins) {
      try {
        return await pager.mastodon({ origin, acct: state.handle, limit: state.limit, signal: cancel, until: stop, onProgress });
      } catch (error) {
        if (cancel.aborted || !(error instanceof PublicApiError)) throw error;
        lastError = error;
      }
    }
    throw lastError;
  }

  /**
   * Followers a content script collected from the page (X, Instagram): score them now.
   * @param {{ platform: string, handle: string, followers: Record<string, unknown>[],
   *   account?: Record<string, unknown> | null, followersTotal?: number | null, posts?: Record<string, unknown>[] }} request
   */
  async submitCollected({ platform, handle, followers, account = null, followersTotal = null, posts = [] }) {
    await this.prune();
    const state = this.newState({ platform, handle, sampling: 'visible', limit: followers.length, account, total: followersTotal });
    state.seen = followers.length;
    await this.update(state, {});
    const cancel = new AbortController();
    const done = this.score(state, followers, cancel.signal, posts).finally(() => this.running.delete(state.id));
    this.running.set(state.id, { state, cancel, stop: new AbortController(), done });
    await this.openReport(state.id);
    return state.id;
  }

  /**
   * @param {AuditState} state @param {Record<string, unknown>[]} followers @param {AbortSignal} cancel
   * @param {Record<string, unknown>[]} [posts] the account's recent posts, for the engagement check
   */
  async score(state, followers, cancel, posts = []) {
    if (followers.length === 0) return this.fail(state, new Error('No followers were collected, so there is nothing to audit.'));
    let followersStored = followers.length <= MAX_STORED_FOLLOWERS;
    if (followersStored) {
      // Only for the export: when session storage is full the audit still runs, without that export.
      followersStored = await this.session.set({ [followersKey(state.id)]: followers }).then(() => true, () => false);
    }
    await this.update(state, { status: 'scoring', followersStored });
    const total = state.total ?? (state.account && Number.isInteger(state.account.followers_count)
      ? /** @type {number} */ (state.account.followers_count) : null);
    /** @type {Record<string, unknown>} */
    const body = { followers, sampling: state.sampling };
    if (state.account && typeof state.account.handle === 'string') body.account = state.account;
    if (total !== null) body.followers_total = total;
    if (posts.length) body.posts = posts.slice(0, MAX_AUDIT_POSTS);
    try {
      const report = await this.client.call('POST', '/api/v1/followers/audit', body);
      if (cancel.aborted) return this.update(state, { status: 'cancelled', finishedAt: this.iso() });
      await this.update(state, { status: 'done', report, total, finishedAt: this.iso() });
    } catch (error) {
      if (cancel.aborted) return this.update(state, { status: 'cancelled', finishedAt: this.iso() });
      await this.fail(state, error);
    }
  }

  /** @param {AuditState} state @param {unknown} error */
  fail(state, error) {
    const message = error instanceof BackendError || error instanceof PublicApiError || error instanceof Error
      ? error.message : String(error);
    return this.update(state, { status: 'error', error: message, finishedAt: this.iso() });
  }

  /** Stops collecting and scores what was seen so far. @param {string} id */
  stop(id) {
    const job = this.running.get(id);
    if (job) job.stop.abort('stop');
    return Boolean(job);
  }

  /** Abandons the audit; the report page shows it at once, whatever request is still out. @param {string} id */
  async cancel(id) {
    const job = this.running.get(id);
    if (!job) return false;
    job.cancel.abort('cancel');
    await this.update(job.state, { status: 'cancelled', finishedAt: this.iso() });
    return true;
  }

  iso() {
    return new Date(this.now()).toISOString();
  }
}

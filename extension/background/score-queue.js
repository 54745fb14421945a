// @ts-check
import { BackendError } from './backend-errors.js';
import { profileDetail } from './ttl-cache.js';

/**
 * Collects account lookups from every tab for a short window and sends them as one
 * accounts/score request (at most maxBatch accounts each). Results are cached per account with
 * a TTL; a lookup for an account already queued or in flight joins that lookup instead of
 * sending another; while the backend is down, lookups fail fast until the backoff expires.
 *
 * @typedef {import('./backend-client.js').ScoreResult} ScoreResult
 * @typedef {{ ok: true, result: ScoreResult, modelVersion: string, cached: boolean }
 *         | { ok: false, error: { kind: string, message: string, status: number } }} ScoreOutcome
 * @typedef {{ platform: string, handle: string, [field: string]: unknown }} Profile
 * @typedef {{ result: ScoreResult, modelVersion: string, detail: number }} CacheEntry
 * @typedef {{ profile: Profile, detail: number, waiters: Array<(o: ScoreOutcome) => void>, retried: boolean }} Pending
 */

/**
 * How long lookups wait for company. A content script already sends all the authors of a scan in
 * one message, so the window only gathers tabs that scan at the same moment; every millisecond of
 * it is a millisecond before a new author's badge appears.
 */
export const GATHER_WINDOW_MS = 20;

/** How long a wrong token blocks lookups before trying again (settings changes reset it). */
export const UNAUTHORIZED_PAUSE_MS = 30_000;

/** @param {Profile} profile */
export function accountKey(profile) {
  return `${profile.platform}:${String(profile.handle).toLowerCase()}`;
}

/** @param {any} problem @returns {number[]} indices of accounts a 400 blamed */
function blamedIndices(problem) {
  const found = new Set();
  const textOf = JSON.stringify(problem || {});
  for (const match of textOf.matchAll(/accounts(?:\.|\[|\/|",\s*)(\d+)/g)) found.add(Number(match[1]));
  return [...found];
}

export class ScoreQueue {
  /**
   * @param {{
   *   client: { scoreAccounts: (profiles: Profile[]) => Promise<import('./backend-client.js').ScoreResponse> },
   *   cache: import('./ttl-cache.js').TtlCache<CacheEntry>,
   *   backoff: import('./backoff.js').Backoff,
   *   windowMs?: number, maxBatch?: number,
   *   setTimer?: (fn: () => void, ms: number) => any, clearTimer?: (id: any) => void,
   * }} deps
   */
  constructor({
    client, cache, backoff, windowMs = GATHER_WINDOW_MS, maxBatch = 1000,
    setTimer = (fn, ms) => setTimeout(fn, ms), clearTimer = (id) => clearTimeout(id),
  }) {
    this.client = client;
    this.cache = cache;
    this.backoff = backoff;
    this.windowMs = windowMs;
    this.maxBatch = maxBatch;
    this.setTimer = setTimer;
    this.clearTimer = clearTimer;
    /** @type {Map<string, Pending>} */
    this.pending = new Map();
    /** @type {Map<string, { detail: number, promise: Promise<ScoreOutcome> }>} */
    this.inFlight = new Map();
    this.timer = null;
    /** @type {{ kind: string, message: string, status: number } | null} */
    this.lastError = null;
  }

  /**
   * @param {Profile[]} profiles
   * @returns {Promise<ScoreOutcome[]>} one outcome per profile, in order; never rejects
   */
  score(profiles) {
    return Promise.all(profiles.map((profile) => this.scoreOne(profile)));
  }

  /** @param {Profile} profile @returns {Promise<ScoreOutcome>} */
  scoreOne(profile) {
    const key = accountKey(profile);
    const detail = profileDetail(profile);
    const cached = this.cache.get(key);
    if (cached && cached.detail >= detail) {
      return Promise.resolve({ ok: true, result: cached.result, modelVersion: cached.modelVersion, cached: true });
    }
    const flying = this.inFlight.get(key);
    if (flying && flying.detail >= detail) return flying.promise;
    if (this.backoff.isBlocked() && this.lastError) {
      return Promise.resolve({ ok: false, error: this.lastError });
    }
    return new Promise((resolve) => {
      const queued = this.pending.get(key);
      if (queued) {
        if (detail > queued.detail) Object.assign(queued, { profile: { ...queued.profile, ...profile }, detail });
        queued.waiters.push(resolve);
      } else {
        this.pending.set(key, { profile, detail, waiters: [resolve], retried: false });
      }
      this.schedule(this.pending.size >= this.maxBatch ? 0 : this.windowMs);
    });
  }

  /** Forget cached scores and the backoff (the user changed the backend or token). */
  reset() {
    this.cache.clear();
    this.backoff.recordSuccess();
    this.lastError = null;
  }

  /** @param {number} delay */
  schedule(delay) {
    if (this.timer !== null && delay > 0) return;
    if (this.timer !== null) this.clearTimer(this.timer);
    this.timer = this.setTimer(() => {
      this.timer = null;
      this.flush();
    }, delay);
  }

  /** Sends up to maxBatch queued accounts as one request. */
  flush() {
    const batch = [...this.pending.entries()].slice(0, this.maxBatch);
    for (const [key] of batch) this.pending.delete(key);
    if (this.pending.size > 0) this.schedule(0);
    if (batch.length === 0) return Promise.resolve();
    const request = this.client.scoreAccounts(batch.map(([, item]) => item.profile));
    const settled = request.then(
      (response) => this.deliver(batch, response),
      (error) => this.fail(batch, error),
    );
    for (const [key, item] of batch) {
      const promise = new Promise((resolve) => item.waiters.push(resolve));
      this.inFlight.set(key, { detail: item.detail, promise: /** @type {Promise<ScoreOutcome>} */ (promise) });
    }
    return settled.finally(() => {
      for (const [key, item] of batch) {
        if (this.inFlight.get(key)?.detail === item.detail) this.inFlight.delete(key);
      }
    });
  }

  /**
   * @param {Array<[string, Pending]>} batch
   * @param {import('./backend-client.js').ScoreResponse} response
   */
  deliver(batch, response) {
    this.backoff.recordSuccess();
    this.lastError = null;
    const results = Array.isArray(response?.results) ? response.results : [];
    batch.forEach(([key, item], index) => {
      const result = results[index];
      if (!result) {
        this.resolveAll(item, { ok: false, error: { kind: 'bad_request', message: 'The backend returned no result for this account.', status: 200 } });
        return;
      }
      this.cache.set(key, { result, modelVersion: response.model_version, detail: item.detail });
      this.resolveAll(item, { ok: true, result, modelVersion: response.model_version, cached: false });
    });
  }

  /** @param {Array<[string, Pending]>} batch @param {unknown} error */
  fail(batch, error) {
    const backendError = error instanceof BackendError ? error : new BackendError('offline', String(error));
    if (backendError.kind === 'bad_request' && batch.length > 1) {
      const blamed = new Set(blamedIndices(backendError.problem));
      if (blamed.size > 0 && blamed.size < batch.length) {
        batch.forEach(([key, item], index) => {
          if (blamed.has(index) || item.retried) {
            this.resolveAll(item, { ok: false, error: backendError.toJSON() });
          } else {
            this.requeue(key, item);
          }
        });
        return;
      }
    }
    if (backendError.isTransient) this.backoff.recordFailure(backendError.retryAfterMs);
    if (backendError.kind === 'unauthorized') this.backoff.recordFailure(UNAUTHORIZED_PAUSE_MS);
    if (backendError.isTransient || backendError.kind === 'unauthorized') this.lastError = backendError.toJSON();
    for (const [, item] of batch) this.resolveAll(item, { ok: false, error: backendError.toJSON() });
  }

  /** A batch rejected for another account's fault: send this one again, once. */
  requeue(key, item) {
    const waiters = item.waiters;
    const again = { ...item, retried: true, waiters: [] };
    this.pending.set(key, again);
    again.waiters.push((outcome) => waiters.forEach((resolve) => resolve(outcome)));
    this.schedule(0);
  }

  /** @param {Pending} item @param {ScoreOutcome} outcome */
  resolveAll(item, outcome) {
    for (const resolve of item.waiters) resolve(outcome);
    item.waiters = [];
  }
}

// @ts-check
/**
 * Exponential backoff for an unreachable backend: after each failure the next attempt waits
 * twice as long (up to a ceiling), unless the server said how long with Retry-After.
 */
export class Backoff {
  /** @param {{ initialMs?: number, maxMs?: number, now?: () => number }} [options] */
  constructor({ initialMs = 2_000, maxMs = 5 * 60_000, now = () => Date.now() } = {}) {
    this.initialMs = initialMs;
    this.maxMs = maxMs;
    this.now = now;
    this.failures = 0;
    this.blockedUntil = 0;
  }

  /** @returns {boolean} true while callers should not try the backend */
  isBlocked() {
    return this.now() < this.blockedUntil;
  }

  /** @returns {number} milliseconds until the next attempt is allowed */
  remainingMs() {
    return Math.max(0, this.blockedUntil - this.now());
  }

  /** @param {number | null} [retryAfterMs] what the server asked for, if anything */
  recordFailure(retryAfterMs = null) {
    this.failures += 1;
    const exponential = Math.min(this.maxMs, this.initialMs * 2 ** (this.failures - 1));
    const wait = retryAfterMs != null ? Math.min(this.maxMs, Math.max(retryAfterMs, 0)) : exponential;
    this.blockedUntil = this.now() + wait;
  }

  recordSuccess() {
    this.failures = 0;
    this.blockedUntil = 0;
  }
}

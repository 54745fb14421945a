// @ts-check
/**
 * What can go wrong talking to the backend, in the few kinds the UI distinguishes:
 * offline (network error, 5xx, 429: try again later), unauthorized (401: the token is wrong),
 * not_configured (no token yet), bad_request (4xx problem+json: a bug on our side, not retried).
 */
export class BackendError extends Error {
  /**
   * @param {'offline'|'unauthorized'|'not_configured'|'bad_request'|'permission'} kind
   * @param {string} message
   * @param {{ status?: number, retryAfterMs?: number | null, problem?: any }} [details]
   */
  constructor(kind, message, { status = 0, retryAfterMs = null, problem = null } = {}) {
    super(message);
    this.name = 'BackendError';
    this.kind = kind;
    this.status = status;
    this.retryAfterMs = retryAfterMs;
    this.problem = problem;
  }

  /** Whether backing off makes sense: the backend is down or busy, not refusing us. */
  get isTransient() {
    return this.kind === 'offline';
  }

  /** A plain object that survives structured cloning to content scripts and pages. */
  toJSON() {
    return { kind: this.kind, message: this.message, status: this.status };
  }
}

/**
 * @param {string | null} header a Retry-After value: seconds or an HTTP date
 * @param {number} now
 * @returns {number | null}
 */
export function parseRetryAfter(header, now) {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

// @ts-check
import { BackendError, parseRetryAfter } from './backend-errors.js';

/**
 * The only code that speaks HTTP to the BotLens backend (API v1). Errors come back as
 * RFC 9457 problem+json; they are turned into BackendError kinds here so callers never parse
 * HTTP details.
 *
 * @typedef {{ code: string, message: string, impact: number }} Reason
 * @typedef {{
 *   platform: string, handle: string, bot_probability: number, fake_follower_probability: number,
 *   verdict: 'likely_human'|'uncertain'|'likely_bot', reasons: Reason[]
 * }} ScoreResult
 * @typedef {{ model_version: string, results: ScoreResult[] }} ScoreResponse
 * @typedef {{ status: string, version: string, models: Record<string, string> }} Health
 * @typedef {{ backendUrl: string, token: string }} Connection
 */

export const REQUEST_TIMEOUT_MS = 15_000;

export class BackendClient {
  /**
   * @param {{ fetch: typeof fetch, getConnection: () => Promise<Connection>, now?: () => number }} deps
   */
  constructor({ fetch, getConnection, now = () => Date.now() }) {
    this.fetch = fetch;
    this.getConnection = getConnection;
    this.now = now;
  }

  /** @returns {Promise<Health>} */
  health(connection = undefined) {
    return this.request('GET', '/api/v1/health', undefined, { auth: false, connection });
  }

  /**
   * @param {object[]} accounts Profiles, 1 to 1,000
   * @returns {Promise<ScoreResponse>}
   */
  scoreAccounts(accounts, connection = undefined) {
    return this.request('POST', '/api/v1/accounts/score', { accounts }, { auth: true, connection });
  }

  /**
   * @param {{ platform: string, handle: string, label: 'bot'|'human'|'fake_follower', note?: string }} feedback
   */
  sendFeedback(feedback) {
    return this.request('POST', '/api/v1/feedback', feedback, { auth: true });
  }

  /**
   * Any other v1 endpoint (compose/check, followers/audit, posts/score use this).
   * @param {'GET'|'POST'} method @param {string} path starting with /api/v1/
   * @param {unknown} [body]
   */
  call(method, path, body) {
    if (!path.startsWith('/api/v1/')) throw new Error('only /api/v1/ paths');
    return this.request(method, path, body, { auth: true });
  }

  /**
   * @param {'GET'|'POST'} method @param {string} path @param {unknown} body
   * @param {{ auth: boolean, connection?: Connection }} options
   */
  async request(method, path, body, { auth, connection }) {
    const { backendUrl, token } = connection || (await this.getConnection());
    if (auth && !token) {
      throw new BackendError('not_configured', 'No API token set. Open BotLens options and paste the token the backend printed.');
    }
    /** @type {Record<string, string>} */
    const headers = { Accept: 'application/json, application/problem+json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (auth) headers.Authorization = `Bearer ${token}`;
    let response;
    try {
      response = await this.fetch(`${backendUrl.replace(/\/+$/, '')}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'omit',
        cache: 'no-store',
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      const why = error && /** @type {Error} */ (error).name === 'TimeoutError' ? 'did not answer in time' : 'is not reachable';
      throw new BackendError('offline', `The BotLens backend at ${backendUrl} ${why}.`);
    }
    const payload = await readJson(response);
    if (response.ok) return payload;
    throw toBackendError(response, payload, backendUrl, this.now());
  }
}

/** @param {Response} response */
async function readJson(response) {
  try {
    return await response.json();
  } catch {
    return null;
  }
}

/**
 * @param {Response} response @param {any} problem @param {string} backendUrl @param {number} now
 */
function toBackendError(response, problem, backendUrl, now) {
  const status = response.status;
  const detail = problem && typeof problem.detail === 'string' ? problem.detail : '';
  if (status === 401 || status === 403) {
    return new BackendError('unauthorized', 'The backend rejected the API token. Paste the current token in BotLens options.', { status, problem });
  }
  if (status === 429 || status >= 500) {
    const retryAfterMs = parseRetryAfter(response.headers.get('Retry-After'), now);
    const what = status === 429 ? 'is rate-limiting requests' : `answered with an error (${status})`;
    return new BackendError('offline', `The BotLens backend at ${backendUrl} ${what}.`, { status, retryAfterMs, problem });
  }
  const title = problem && typeof problem.title === 'string' ? problem.title : `HTTP ${status}`;
  return new BackendError('bad_request', detail ? `${title}: ${detail}` : title, { status, problem });
}

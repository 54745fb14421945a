// Sits between the extension and the backend and records what the extension sent and what came back, so the
// tests can prove batching and caching. When the backend is down it drops the connection, which is what the
// extension's fetch would meet without the proxy (a network error, not an HTTP status).
import http from 'node:http';
import { freePort } from './backend.mjs';

/**
 * @typedef {{method: string, path: string, status: number | null, request: any, response: any,
 *            authorization: string | undefined}} Exchange
 */

export class RecordingProxy {
  /** @param {() => string} upstream the backend's base URL, read per request so restarts are followed */
  constructor(upstream) {
    this.upstream = upstream;
    /** @type {Exchange[]} */
    this.exchanges = [];
    this.server = http.createServer((req, res) => this.forward(req, res));
    this.port = 0;
  }

  get url() { return `http://127.0.0.1:${this.port}`; }

  async start() {
    this.port ||= await freePort();
    await new Promise((done) => this.server.listen(this.port, '127.0.0.1', done));
  }

  async stop() {
    this.server.closeAllConnections();
    await new Promise((done) => this.server.close(() => done(undefined)));
  }

  /** @param {string} path e.g. '/api/v1/accounts/score' @returns {Exchange[]} */
  sent(path) { return this.exchanges.filter((e) => e.path === path); }

  /** Every account the extension asked the backend to score, in order, as "platform:handle". */
  scoredAccounts() {
    return this.sent('/api/v1/accounts/score').filter((e) => e.status === 200)
      .flatMap((e) => e.request.accounts.map((/** @type {any} */ a) => `${a.platform}:${a.handle}`));
  }

  /** The backend's result for one account, from the last successful exchange that scored it. */
  resultFor(platform, handle) {
    const key = `${platform}:${handle}`.toLowerCase();
    for (const exchange of [...this.sent('/api/v1/accounts/score')].reverse()) {
      if (exchange.status !== 200) continue;
      const result = exchange.response.results.find(
        (/** @type {any} */ r) => `${r.platform}:${r.handle}`.toLowerCase() === key);
      if (result) return result;
    }
    return null;
  }

  /** @param {http.IncomingMessage} req @param {http.ServerResponse} res */
  async forward(req, res) {
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const body = Buffer.concat(chunks);
    const path = (req.url || '/').split('?')[0];
    /** @type {Exchange} */
    const exchange = { method: req.method || 'GET', path, status: null, request: parseJson(body), response: null,
      authorization: req.headers.authorization };
    this.exchanges.push(exchange);
    const headers = { ...req.headers };
    delete headers.host;
    delete headers.connection;
    let upstream;
    try {
      upstream = await fetch(this.upstream() + req.url, { method: req.method, headers: /** @type {any} */ (headers),
        body: ['GET', 'HEAD'].includes(exchange.method) ? undefined : body });
    } catch {
      req.socket.destroy();
      return;
    }
    const answer = Buffer.from(await upstream.arrayBuffer());
    exchange.status = upstream.status;
    exchange.response = parseJson(answer);
    const out = {};
    upstream.headers.forEach((value, name) => {
      if (!['content-encoding', 'content-length', 'transfer-encoding', 'connection'].includes(name)) out[name] = value;
    });
    res.writeHead(upstream.status, out);
    res.end(answer);
  }
}

/** @param {Buffer} body */
function parseJson(body) {
  if (!body.length) return null;
  try { return JSON.parse(body.toString('utf8')); } catch { return body.toString('utf8'); }
}

// One HTTPS server on 127.0.0.1 that plays every social site: Chromium maps the real domains to it with
// --host-resolver-rules, and this server picks the site by the Host header.
import https from 'node:https';
import { selfSignedCertificate } from './tls.mjs';

/**
 * @typedef {{status?: number, type?: string, body: string | Buffer, headers?: Record<string, string>}} Reply
 * @typedef {(url: URL, request: import('node:http').IncomingMessage) => Reply | null | Promise<Reply | null>} Route
 */

export class SiteServer {
  /** @param {Record<string, Route>} sites host name -> route */
  constructor(sites) {
    this.sites = sites;
    /** @type {{host: string, path: string, status: number}[]} */
    this.requests = [];
    this.port = 0;
  }

  get hosts() { return Object.keys(this.sites); }

  /** The --host-resolver-rules value that sends every site's domain here. */
  get resolverRules() {
    return this.hosts.map((host) => `MAP ${host} 127.0.0.1:${this.port}`).join(', ');
  }

  async start() {
    const tls = selfSignedCertificate(this.hosts);
    this.server = https.createServer(tls, (req, res) => this.handle(req, res));
    await new Promise((done) => this.server.listen(0, '127.0.0.1', done));
    this.port = /** @type {import('node:net').AddressInfo} */ (this.server.address()).port;
  }

  async stop() {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise((done) => this.server.close(() => done(undefined)));
  }

  /** Requests that reached one site, e.g. to count follower pages. */
  requestsTo(host, pathPrefix = '/') {
    return this.requests.filter((r) => r.host === host && r.path.startsWith(pathPrefix));
  }

  /** @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res */
  async handle(req, res) {
    const host = (req.headers.host || '').replace(/:\d+$/, '').toLowerCase();
    const url = new URL(req.url || '/', `https://${host}`);
    const route = this.sites[host];
    let reply = null;
    if (url.pathname === '/favicon.ico') reply = { status: 204, body: '' };
    else try {
      reply = route ? await route(url, req) : null;
    } catch (error) {
      reply = { status: 500, type: 'text/plain', body: String(error && error.stack) };
    }
    reply ??= { status: 404, type: 'text/plain', body: 'not found' };
    const status = reply.status ?? 200;
    this.requests.push({ host, path: url.pathname + url.search, status });
    res.writeHead(status, { 'content-type': reply.type ?? 'text/html; charset=utf-8', 'cache-control': 'no-store',
      ...(reply.headers || {}) });
    res.end(req.method === 'HEAD' ? undefined : reply.body);
  }
}

/** @param {unknown} value @returns {Reply} */
export function json(value, headers = {}) {
  return { type: 'application/json; charset=utf-8', body: JSON.stringify(value), headers };
}

/** @param {string} body @returns {Reply} */
export function html(body) {
  return { type: 'text/html; charset=utf-8', body };
}

// The real backend, started the way a user starts it: `botlens serve` on a free port with a fixed test token.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync, closeSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { waitFor } from './wait.mjs';

export const ROOT = resolve(import.meta.dirname, '../../..');

/** @returns {Promise<number>} a port nothing listens on right now */
export function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      server.close(() => done(port));
    });
  });
}

/** `botlens` from PATH (the Makefile puts .venv/bin first), else the project's virtualenv. */
function botlensExecutable() {
  for (const dir of (process.env.PATH || '').split(':')) {
    if (dir && existsSync(join(dir, 'botlens'))) return join(dir, 'botlens');
  }
  return join(ROOT, '.venv/bin/botlens');
}

// The backend's own access log: "INFO botlens.access: POST /api/v1/accounts/score 200 3.1ms".
const SCORE_LINE = /botlens\.access: POST \/api\/v1\/accounts\/score (\d{3}) /g;

export class Backend {
  /**
   * @param {{instance: string, token: string, port?: number}} options
   */
  constructor({ instance, token, port }) {
    this.instance = instance;
    this.token = token;
    this.port = port;
    /** @type {import('node:child_process').ChildProcess | null} */
    this.process = null;
    this.starts = 0;
    this.logs = [];
  }

  get url() { return `http://127.0.0.1:${this.port}`; }

  async start() {
    this.port ??= await freePort();
    mkdirSync(this.instance, { recursive: true });
    this.starts += 1;
    const log = join(this.instance, `serve-${this.starts}.log`);
    this.logs.push(log);
    // Output goes to a file, not a pipe, so a chatty server can never block on a full pipe.
    const fd = openSync(log, 'w');
    // Models load before /health answers (as with --workers), so the first page's lookups do not wait on them.
    const env = { ...process.env, BOTLENS_INSTANCE_PATH: this.instance, BOTLENS_API_TOKEN: this.token,
      BOTLENS_PRELOAD_MODELS: 'true', PYTHONUNBUFFERED: '1' };
    this.process = spawn(botlensExecutable(), ['serve', '--port', String(this.port)],
      { cwd: ROOT, env, stdio: ['ignore', fd, fd] });
    closeSync(fd);
    const child = this.process;
    await waitFor(async () => {
      if (child.exitCode !== null) throw new Error(`botlens serve exited with ${child.exitCode}:\n${this.log()}`);
      try {
        const response = await fetch(`${this.url}/api/v1/health`);
        return response.ok ? await response.json() : null;
      } catch { return null; }
    }, { timeout: 90_000, what: 'botlens serve to answer /api/v1/health' });
  }

  async stop() {
    const child = this.process;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
    this.process = null;
  }

  /** Everything the backend printed, across restarts. */
  log() {
    return this.logs.map((file) => (existsSync(file) ? readFileSync(file, 'utf8') : '')).join('\n');
  }

  /** Status codes of the `POST /api/v1/accounts/score` lines in the backend's own access log. */
  scoreRequestStatuses() {
    return [...this.log().matchAll(SCORE_LINE)].map((match) => Number(match[1]));
  }
}

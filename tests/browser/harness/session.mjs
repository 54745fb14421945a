// Everything one test file needs, started together and torn down together: the fake sites over TLS, the
// real backend behind a recording proxy, and Chromium with the extension configured through its options page.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Backend, ROOT } from './backend.mjs';
import { RecordingProxy } from './recording-proxy.mjs';
import { SiteServer } from './site-server.mjs';
import { launchBrowser } from './browser.mjs';
import { configureBackend } from './options-page.mjs';

export const TEST_TOKEN = 'browser-test-token-5f1d2c9e';
export const ARTIFACTS = join(ROOT, 'test-artifacts');

/**
 * @param {{name: string, world: import('../pages/sites.mjs').World, configure?: boolean, extensionDir?: string}} options
 *   name: what the backend's log is kept as, in test-artifacts/<name>-backend.log; extensionDir: see launchBrowser
 */
export async function startSession({ name, world, configure = true, extensionDir }) {
  const scratch = mkdtempSync(join(tmpdir(), 'botlens-e2e-'));
  const sites = new SiteServer(world.routes());
  const backend = new Backend({ instance: join(scratch, 'instance'), token: TEST_TOKEN });
  const proxy = new RecordingProxy(() => backend.url);
  /** @type {Awaited<ReturnType<typeof launchBrowser>> | null} */
  let browser = null;
  const close = async () => {
    await Promise.allSettled([browser ? browser.close() : null]);
    await Promise.allSettled([sites.stop(), proxy.stop(), backend.stop()]);
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(join(ARTIFACTS, `${name}-backend.log`), backend.log());
    rmSync(scratch, { recursive: true, force: true });
  };
  try {
    await Promise.all([sites.start(), backend.start(), proxy.start()]);
    browser = await launchBrowser({ resolverRules: sites.resolverRules, extensionDir });
    if (configure) await configureBackend(browser.context, browser.extensionId, { url: proxy.url, token: TEST_TOKEN });
  } catch (error) {
    await close();
    throw error;
  }
  return { world, sites, backend, proxy, ...browser, scratch, close };
}

/** @typedef {Awaited<ReturnType<typeof startSession>>} Session */

export const DOCS_IMG = join(ROOT, 'docs/img');

/**
 * Keeps a screenshot as a test artifact. With BOTLENS_UPDATE_DOCS_IMG=1, a screenshot that names a docs image
 * also refreshes that (cropped) image under docs/img for the README.
 * @param {import('playwright-core').Page} page @param {string} name
 * @param {{docs?: string, clip?: {x: number, y: number, width: number, height: number}}} [options]
 */
export async function screenshot(page, name, { docs, clip } = {}) {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  if (docs && process.env.BOTLENS_UPDATE_DOCS_IMG === '1') {
    mkdirSync(DOCS_IMG, { recursive: true });
    await page.screenshot({ path: join(DOCS_IMG, `${docs}.png`), clip });
  }
  return path;
}

/**
 * A crop of the page: the width of `selector`'s box, from its top (or y) down `height` pixels.
 * @param {import('playwright-core').Page} page @param {string} selector @param {number} height
 */
export async function cropTo(page, selector, height, y = undefined) {
  const box = await page.locator(selector).first().boundingBox();
  if (!box) throw new Error(`nothing to crop to: ${selector}`);
  return { x: Math.max(0, box.x), y: y ?? Math.max(0, box.y), width: box.width, height };
}

// Debian's Chromium, headless, with the unpacked extension exactly as shipped (no test-only manifest changes).
import { chromium } from 'playwright-core';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './backend.mjs';

// The shipped extension folder; BOTLENS_EXTENSION_DIR only to try a local copy while debugging.
export const EXTENSION_DIR = process.env.BOTLENS_EXTENSION_DIR || join(ROOT, 'extension');

function chromiumExecutable() {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : '/usr/lib/chromium/chromium';
}

/**
 * @param {{resolverRules: string, extensionDir?: string}} options extensionDir: another unpacked extension
 *   (the benchmark's floor), instead of the shipped one
 * @returns {Promise<{context: import('playwright-core').BrowserContext, extensionId: string,
 *   serviceWorker: import('playwright-core').Worker, close: () => Promise<void>}>}
 */
export async function launchBrowser({ resolverRules, extensionDir = EXTENSION_DIR }) {
  const userDataDir = mkdtempSync(join(tmpdir(), 'botlens-chromium-'));
  const args = [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    // A machine without internet: nothing in the background may try to phone home and stall.
    '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic',
    '--no-first-run', '--no-default-browser-check',
    `--host-resolver-rules=${resolverRules}`,
    '--ignore-certificate-errors',
    // Small shared memory in containers.
    '--disable-dev-shm-usage',
  ];
  if (process.getuid && process.getuid() === 0) args.push('--no-sandbox');
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumExecutable(),
    // Playwright's headless mode for full Chromium is the new headless, which loads extensions.
    headless: true,
    args,
    ignoreHTTPSErrors: true,
    viewport: { width: 1280, height: 900 },
    timeout: 60_000,
  });
  let serviceWorker = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
  serviceWorker ??= await context.waitForEvent('serviceworker', {
    predicate: (w) => w.url().startsWith('chrome-extension://'), timeout: 30_000 });
  const extensionId = new URL(serviceWorker.url()).host;
  return {
    context, extensionId, serviceWorker,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Collects what the page itself would see go wrong: uncaught exceptions and console errors.
 * @param {import('playwright-core').Page} page
 */
export function watchPageErrors(page) {
  /** @type {string[]} */
  const errors = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
  });
  return errors;
}

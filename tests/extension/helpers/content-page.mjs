// A fixture page with the whole content-script bundle running in it (manifest order, main.js
// last), wired to the real service worker module through a chrome.runtime stub. Only the
// backend's HTTP and the social site are stand-ins.
import { chromeStub, sendToWorker } from './chrome-stub.mjs';
import { fakeBackend } from './fake-backend.mjs';
import { fixture, loadContent, manifestScripts } from './content-loader.mjs';
import { readFileSync } from 'node:fs';
import { EXTENSION } from './content-loader.mjs';

const manifest = JSON.parse(readFileSync(`${EXTENSION}/manifest.json`, 'utf8'));

/**
 * Loads the service worker once per test file (it is a module with side effects).
 * @returns {Promise<{ chrome: any, backend: ReturnType<typeof fakeBackend> }>}
 */
export async function startWorker({ token = 'tok-123' } = {}) {
  const backend = fakeBackend({ token });
  const { chrome } = chromeStub({ stored: { backendUrl: 'http://127.0.0.1:8765', token }, manifest });
  globalThis.chrome = chrome;
  globalThis.fetch = backend.fetch;
  await import('../../../extension/background/service-worker.js');
  return { chrome, backend };
}

/**
 * @param {any} workerChrome the service worker's chrome stub
 * @param {string} fixtureName @param {string} url
 */
export function openPage(workerChrome, fixtureName, url) {
  const pageListeners = [];
  const contentChrome = {
    runtime: {
      id: workerChrome.runtime.id,
      sendMessage: (message) => sendToWorker(workerChrome, structuredClone(message), { id: workerChrome.runtime.id, tab: { id: 1 } }),
      onMessage: { addListener: (fn) => pageListeners.push(fn) },
    },
    // Every extension context hears the same storage changes (the options page saving a switch).
    storage: { onChanged: workerChrome.storage.onChanged },
  };
  const loaded = loadContent({
    html: fixture(fixtureName),
    url,
    files: manifestScripts(),
    // The pages are never closed: their timers (retries of failed lookups) must not keep the test process alive.
    globals: { chrome: contentChrome, setTimeout: (fn, ms) => setTimeout(fn, ms).unref() },
    beforeRun: ({ window, location }) => { window.location = location; },
  });
  /** Asks the page what the popup would ask. */
  const askPage = (message) => new Promise((resolve) => {
    for (const listener of pageListeners) listener(message, { id: workerChrome.runtime.id }, resolve);
  });
  return { ...loaded, askPage };
}

/** Badges currently in the page: their tone, word and accessible label. */
export function badges(document) {
  return [...document.querySelectorAll('[data-botlens="badge"]')].map((host) => {
    const button = host.querySelector('button');
    return {
      host,
      button,
      tone: host.getAttribute('data-botlens-tone'),
      word: button.getAttribute('data-word'),
      label: button.getAttribute('aria-label'),
    };
  });
}

/** Waits until check() is true, polling on the event loop (no wall-clock assertions). */
export async function until(check, rounds = 200) {
  for (let i = 0; i < rounds; i++) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('condition not reached');
}

// Loads the extension's content scripts into a fresh V8 context over a linkedom document,
// in the order the manifest lists them, as the browser's isolated world would.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import vm from 'node:vm';
import { parseHTML } from 'linkedom';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const EXTENSION = path.join(ROOT, 'extension');
export const FIXTURES = path.join(ROOT, 'tests/fixtures/sites');
const MANIFEST = JSON.parse(readFileSync(path.join(EXTENSION, 'manifest.json'), 'utf8'));

/** Every content script file, in manifest order. */
export function manifestScripts() {
  return [...MANIFEST.content_scripts[0].js];
}

/** The badge bundle's files (parsing, adapters, core, UI) in manifest order, without any entry point. */
export function coreScripts() {
  return manifestScripts().filter((file) => /^(shared|content\/(parse|adapters|core|ui))\//.test(file));
}

export function fixture(name) {
  return readFileSync(path.join(FIXTURES, name), 'utf8');
}

/**
 * @param {{ html?: string, url?: string, files?: string[], globals?: object }} options
 * @returns {{ BotLens: any, document: Document, window: any, location: URL, context: object }}
 */
export function loadContent({ html = '<!doctype html><html><body></body></html>', url = 'https://example.org/', files = coreScripts(), globals = {}, beforeRun = null } = {}) {
  const { window, document } = parseHTML(html);
  const location = new URL(url);
  if (beforeRun) beforeRun({ window, document, location });
  const context = vm.createContext({
    window, document, location, URL, console, setTimeout, clearTimeout, setInterval, clearInterval, AbortController, Promise, queueMicrotask,
    ...globals,
  });
  for (const file of files) {
    vm.runInContext(readFileSync(path.join(EXTENSION, file), 'utf8'), context, { filename: file });
  }
  return { BotLens: context.BotLens, document, window, location, context };
}

/**
 * Runs one site adapter over a fixture page.
 * @param {string} fixtureName @param {string} url
 */
export function adapterOn(fixtureName, url) {
  const loaded = loadContent({ html: fixture(fixtureName), url });
  const adapter = loaded.BotLens.adapters.adapterForHost(loaded.location.hostname);
  return {
    ...loaded,
    adapter,
    profile: () => adapter.readProfile(loaded.document, loaded.location),
    authors: () => adapter.findAuthors(loaded.document, loaded.location),
  };
}

/** Plain copy, so objects made in the vm context compare with deepStrictEqual. */
export function plain(value) {
  return JSON.parse(JSON.stringify(value));
}

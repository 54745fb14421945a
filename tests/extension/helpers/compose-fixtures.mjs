// Shared by the compose-*.test.mjs files: the compose content scripts (in manifest order) with
// only the core scripts they build on, loaded over an HTML string.
import { loadContent, manifestScripts } from './content-loader.mjs';

const CORE = ['content/ui/styles.js', 'content/core/page-watcher.js'];

/** The compose library, without its self-starting entry point. */
export const COMPOSE_LIBRARY = [
  ...CORE,
  ...manifestScripts().filter((file) => file.startsWith('content/compose/') && file !== 'content/compose/compose-main.js'),
];

/** @param {string} body @param {string} [url] @param {object} [options] extra loadContent options */
export function composePage(body, url = 'https://x.com/home', options = {}) {
  return loadContent({ html: `<!doctype html><html><body>${body}</body></html>`, url, files: COMPOSE_LIBRARY, ...options });
}

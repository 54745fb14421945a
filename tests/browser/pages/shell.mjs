// The page shell every fake site serves. Like the real single-page apps, the HTML the server sends is almost
// empty: a script renders the app's markup a moment after load, so the extension must find content that
// arrives late rather than content present at document_idle.

/** Text as a real site renders it: escaped, so markup in a bio is shown, never parsed. */
export function esc(value) {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;',
    "'": '&#39;' })[c]);
}

/**
 * A profile's visible posts: plain strings are the profile's own posts; {author, text} are someone else's
 * (a reply or a repost shown on the profile).
 * @param {import('./people.mjs').Person} p
 * @returns {{author: import('./people.mjs').Person, text: string}[]}
 */
export function postsOf(p) {
  return (p.recentPosts || []).map((post) => (typeof post === 'string' ? { author: p, text: post } : post));
}

/**
 * @typedef {{title: string, app: string, rootId: string, scripts?: string[]}} AppPage
 *   app: the markup the app renders; scripts: extra same-origin scripts (paths) that run after the render
 */

/** @param {AppPage} page */
export function spaShell({ title, app, rootId, scripts = [] }) {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/__test/site.css">
</head><body><div id="${esc(rootId)}" data-app-root></div>
<template id="botlens-test-app">${app}</template>
<script src="/__test/render-late.js" data-root="${esc(rootId)}"></script>
<script src="/__test/spa-router.js"></script>
${scripts.map((src) => `<script src="${esc(src)}"></script>`).join('\n')}
</body></html>`;
}

/** Renders the template into the root after two frames and a task, as a hydrating app would. */
export const RENDER_LATE_JS = `(() => {
  const script = document.currentScript;
  const root = document.getElementById(script.dataset.root);
  const template = document.getElementById('botlens-test-app');
  requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => {
    root.replaceChildren(template.content.cloneNode(true));
    document.documentElement.dataset.rendered = 'true';
    document.dispatchEvent(new Event('botlens-test:rendered'));
  }, 150)));
})();`;

// @ts-check
import { COMPOSE_SITES, loadComposeSettings, saveComposeSettings } from '../background/compose-settings.js';
import { forgetRecentPosts } from '../background/recent-posts.js';

/**
 * The compose-check part of the options page: a switch per site and the opt-in to remember
 * the user's own posts. It saves on each change (its own storage keys, so it does not wait
 * for the main form's Save), and turning the opt-in off forgets the posts at once.
 */

const SITE_NAMES = { x: 'X (x.com)', mastodon: 'Mastodon', bluesky: 'Bluesky (bsky.app)', reddit: 'Reddit', youtube: 'YouTube' };

/**
 * @param {Document} document @param {string} tag
 * @param {Record<string, string>} [attributes] @param {string} [text]
 */
function el(document, tag, attributes = {}, text = '') {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  if (text) element.textContent = text;
  return element;
}

/**
 * @param {HTMLElement} container
 * @param {{ document: Document, storage: typeof chrome.storage.local }} deps
 * @returns {Promise<void>} resolves once the current settings are shown
 */
export async function mountComposeOptions(container, { document, storage }) {
  const status = el(document, 'p', { id: 'compose-status', class: 'status', role: 'status', 'aria-live': 'polite' });
  const say = (/** @type {string} */ message) => { status.textContent = message; status.setAttribute('data-ok', 'true'); };

  const sites = el(document, 'fieldset', { id: 'compose-sites' });
  sites.append(el(document, 'legend', {}, 'Check my drafts as I write on'));
  /** @type {Record<string, HTMLInputElement>} */
  const boxes = {};
  for (const site of COMPOSE_SITES) {
    const label = el(document, 'label');
    const box = /** @type {HTMLInputElement} */ (el(document, 'input', { type: 'checkbox', id: `compose-site-${site}`, value: site }));
    box.addEventListener('change', async () => {
      await saveComposeSettings(storage, { sites: { [site]: box.checked } });
      say(`Compose check ${box.checked ? 'on' : 'off'} for ${SITE_NAMES[site]}; open tabs follow at once.`);
    });
    boxes[site] = box;
    label.append(box, ` ${SITE_NAMES[site]}`);
    sites.append(label);
  }
  sites.append(el(document, 'p', { class: 'hint' },
    'BotLens shows a small meter beside the compose box: how spam-like the draft reads and what to change. '
    + 'It never edits what you write.'));

  const memory = el(document, 'fieldset', { id: 'compose-memory' });
  memory.append(el(document, 'legend', {}, 'Repeated posts'));
  const rememberLabel = el(document, 'label');
  const remember = /** @type {HTMLInputElement} */ (el(document, 'input', { type: 'checkbox', id: 'compose-remember' }));
  rememberLabel.append(remember, ' Remember my recent posts, so BotLens can warn when a draft repeats one');
  const forget = el(document, 'button', { type: 'button', id: 'compose-forget' }, 'Forget my recent posts');
  memory.append(rememberLabel, el(document, 'p', { class: 'hint' },
    'Off unless you turn it on. Up to 50 of your posts are kept in this browser’s extension storage only, and sent '
    + 'nowhere except inside a draft check to your own backend (up to 20, from the same site). Turning this off forgets them.'), forget);
  remember.addEventListener('change', async () => {
    await saveComposeSettings(storage, { recentPostsOptIn: remember.checked });
    if (!remember.checked) await forgetRecentPosts(storage);
    say(remember.checked ? 'BotLens will remember posts you send from now on.' : 'Turned off; your recent posts are forgotten.');
  });
  forget.addEventListener('click', async () => {
    await forgetRecentPosts(storage);
    say('Your recent posts are forgotten.');
  });

  container.replaceChildren(el(document, 'h2', { id: 'compose-heading' }, 'Compose check'), sites, memory, status);
  container.setAttribute('aria-labelledby', 'compose-heading');

  const settings = await loadComposeSettings(storage);
  for (const site of COMPOSE_SITES) boxes[site].checked = settings.sites[site];
  remember.checked = settings.recentPostsOptIn;
}

const container = globalThis.document && globalThis.document.getElementById('compose-options');
if (container && globalThis.chrome && globalThis.chrome.storage) {
  mountComposeOptions(container, { document: globalThis.document, storage: chrome.storage.local });
}

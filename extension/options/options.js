// @ts-check
import {
  SITES, loadSettings, saveSettings, parseBackendUrl, backendPermissionPattern, parseInstanceOrigin,
} from '../background/settings.js';
import { instanceMatchPattern } from '../background/mastodon-instances.js';

/**
 * The options page: a plain form. Host permissions for a remote backend or a new Mastodon
 * instance are requested from the click that asks for them (browsers require a user gesture).
 */

const storage = chrome.storage.local;
const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));
const form = /** @type {HTMLFormElement} */ ($('settings-form'));
const urlInput = /** @type {HTMLInputElement} */ ($('backend-url'));
const tokenInput = /** @type {HTMLInputElement} */ ($('token'));
/** @type {string[]} */
let instances = [];

/** @param {HTMLElement} el @param {string} message @param {boolean | null} ok */
function say(el, message, ok) {
  el.textContent = message;
  if (ok === null) el.removeAttribute('data-ok');
  else el.setAttribute('data-ok', String(ok));
}

function renderInstances() {
  const list = $('instance-list');
  list.replaceChildren();
  for (const origin of instances) {
    const item = document.createElement('li');
    item.textContent = origin;
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.textContent = 'Remove';
    remove.setAttribute('aria-label', `Remove ${origin}`);
    remove.addEventListener('click', async () => {
      instances = instances.filter((o) => o !== origin);
      await saveSettings(storage, { mastodonInstances: instances });
      renderInstances();
      say($('instance-status'), `Removed ${origin}.`, true);
    });
    item.append(remove);
    list.append(item);
  }
}

async function load() {
  const settings = await loadSettings(storage);
  urlInput.value = settings.backendUrl;
  tokenInput.value = settings.token;
  for (const site of SITES) {
    /** @type {HTMLInputElement} */ ($(`site-${site}`)).checked = settings.sites[site] !== false;
  }
  instances = settings.mastodonInstances;
  renderInstances();
}

/** @param {string} pattern */
async function ensurePermission(pattern) {
  if (await chrome.permissions.contains({ origins: [pattern] })) return true;
  return chrome.permissions.request({ origins: [pattern] });
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const status = $('save-status');
  const parsed = parseBackendUrl(urlInput.value);
  if (!parsed.ok) {
    say(status, parsed.message, false);
    urlInput.focus();
    return;
  }
  const pattern = backendPermissionPattern(parsed.url);
  if (pattern && !(await ensurePermission(pattern))) {
    say(status, `Not saved: BotLens needs permission to reach ${parsed.origin}.`, false);
    return;
  }
  /** @type {Record<string, boolean>} */
  const sites = {};
  for (const site of SITES) sites[site] = /** @type {HTMLInputElement} */ ($(`site-${site}`)).checked;
  await saveSettings(storage, { backendUrl: parsed.url, token: tokenInput.value.trim(), sites: /** @type {any} */ (sites) });
  urlInput.value = parsed.url;
  say(status, 'Saved.', true);
});

$('test-connection').addEventListener('click', async () => {
  const status = $('connection-status');
  say(status, 'Testing…', null);
  const reply = await chrome.runtime.sendMessage({ type: 'backend.test', backendUrl: urlInput.value, token: tokenInput.value });
  say(status, reply && reply.message ? reply.message : 'No answer from the BotLens service worker.', Boolean(reply && reply.ok));
});

$('add-instance').addEventListener('click', async () => {
  const input = /** @type {HTMLInputElement} */ ($('instance-input'));
  const status = $('instance-status');
  const parsed = parseInstanceOrigin(input.value);
  if (!parsed.ok) {
    say(status, parsed.message, false);
    return;
  }
  if (instances.includes(parsed.origin)) {
    say(status, `${parsed.origin} is already in the list.`, null);
    return;
  }
  if (!(await ensurePermission(instanceMatchPattern(parsed.origin)))) {
    say(status, `Not added: BotLens needs permission to run on ${parsed.origin}.`, false);
    return;
  }
  instances = [...instances, parsed.origin];
  await saveSettings(storage, { mastodonInstances: instances });
  input.value = '';
  renderInstances();
  say(status, `Added ${parsed.origin}. Reload its tabs to see badges.`, true);
});

load();

// @ts-check
/**
 * The BotLens service worker: the only extension code that talks to the backend (and to the
 * sites' public profile APIs). Content scripts, the popup and the options page ask it through
 * chrome.runtime.sendMessage; each feature's handlers live in handlers/<feature>.js and are
 * registered below.
 */
import { MessageRouter } from './message-router.js';
import { BackendClient } from './backend-client.js';
import { ScoreQueue } from './score-queue.js';
import { TtlCache } from './ttl-cache.js';
import { Backoff } from './backoff.js';
import { PublicProfiles } from './public-profiles.js';
import { loadSettings } from './settings.js';
import { syncMastodonRegistration } from './mastodon-instances.js';
import { registerAccountHandlers } from './handlers/accounts.js';
import { registerFeedbackHandlers } from './handlers/feedback.js';
import { registerBackendHandlers } from './handlers/backend.js';
import { registerProfileHandlers } from './handlers/profiles.js';
import { registerSettingsHandlers } from './handlers/settings.js';
import { registerComposeHandlers } from './handlers/compose.js';
import { registerAuditHandlers } from './handlers/audit.js';

const SCORE_TTL_MS = 30 * 60_000;
const SCORE_CACHE_ENTRIES = 20_000;
const PUBLIC_PROFILE_TTL_MS = 10 * 60_000;

const storage = chrome.storage.local;
const boundFetch = (/** @type {RequestInfo | URL} */ input, /** @type {RequestInit} */ init) => fetch(input, init);

const client = new BackendClient({
  fetch: boundFetch,
  getConnection: async () => {
    const { backendUrl, token } = await loadSettings(storage);
    return { backendUrl, token };
  },
});
const queue = new ScoreQueue({
  client,
  cache: new TtlCache({ ttlMs: SCORE_TTL_MS, maxEntries: SCORE_CACHE_ENTRIES }),
  backoff: new Backoff(),
});
const publicProfiles = new PublicProfiles({
  fetch: boundFetch,
  cache: new TtlCache({ ttlMs: PUBLIC_PROFILE_TTL_MS, maxEntries: 2_000 }),
});

const router = new MessageRouter();
registerAccountHandlers(router, { queue });
registerFeedbackHandlers(router, { client });
registerBackendHandlers(router, { client });
registerProfileHandlers(router, { publicProfiles });
registerSettingsHandlers(router, { storage });
registerComposeHandlers(router, { client, storage });
registerAuditHandlers(router, { client, fetch: boundFetch });

chrome.runtime.onMessage.addListener(router.listener(chrome.runtime.id));

function contentScriptSetup() {
  const [first] = chrome.runtime.getManifest().content_scripts || [];
  return { contentScriptFiles: first?.js || [], contentStyleFiles: first?.css || [], staticMatches: first?.matches || [] };
}

async function syncInstances() {
  const settings = await loadSettings(storage);
  await syncMastodonRegistration(
    { scripting: chrome.scripting, permissions: chrome.permissions, ...contentScriptSetup() },
    settings.mastodonInstances,
  );
}

function logSyncFailure(/** @type {unknown} */ error) {
  console.warn('BotLens: could not register Mastodon instances:', error);
}

chrome.runtime.onInstalled.addListener(() => { syncInstances().catch(logSyncFailure); });
chrome.runtime.onStartup.addListener(() => { syncInstances().catch(logSyncFailure); });
chrome.permissions.onAdded.addListener(() => { syncInstances().catch(logSyncFailure); });
chrome.permissions.onRemoved.addListener(() => { syncInstances().catch(logSyncFailure); });

chrome.storage.onChanged.addListener((changes, area) => {
  if (area !== 'local') return;
  if (changes.backendUrl || changes.token) queue.reset();
  if (changes.mastodonInstances) syncInstances().catch(logSyncFailure);
});

// The real service worker module, loaded with chrome.* and fetch stubbed at the boundary and
// driven through its onMessage listener, as content scripts and extension pages drive it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { chromeStub, sendToWorker } from './helpers/chrome-stub.mjs';
import { fakeBackend, settle } from './helpers/fake-backend.mjs';
import { EXTENSION } from './helpers/content-loader.mjs';

const manifest = JSON.parse(readFileSync(`${EXTENSION}/manifest.json`, 'utf8'));
const backend = fakeBackend({ token: 'tok-123' });
const bskyRequests = [];
const { chrome, data } = chromeStub({
  stored: { backendUrl: 'http://127.0.0.1:8765', token: 'tok-123', mastodonInstances: ['https://mastodon.social', 'https://fosstodon.org'] },
  granted: ['https://fosstodon.org/*'],
  manifest,
});
globalThis.chrome = chrome;
globalThis.fetch = async (url, init) => {
  if (String(url).startsWith('https://public.api.bsky.app/')) {
    bskyRequests.push(String(url));
    return new Response(JSON.stringify({
      did: 'did:plc:abc', handle: 'alice.example.com', displayName: 'Alice API', description: 'api bio',
      followersCount: 12345, followsCount: 456, postsCount: 1024, createdAt: '2023-04-05T06:07:08.000Z',
      avatar: 'https://cdn.bsky.app/a.jpg', labels: [{ val: 'bot' }],
    }), { status: 200, headers: { 'Content-Type': 'application/json' } });
  }
  return backend.fetch(url, init);
};
await import('../../extension/background/service-worker.js');

test('accounts.score: many content-script messages, one backend request, answers per account', async () => {
  const before = backend.scoreRequests().length;
  const [one, two] = await Promise.all([
    sendToWorker(chrome, { type: 'accounts.score', profiles: [{ platform: 'x', handle: 'alice' }, { platform: 'x', handle: 'promo_bot' }] }),
    sendToWorker(chrome, { type: 'accounts.score', profiles: [{ platform: 'reddit', handle: 'carol' }] }),
  ]);
  assert.equal(one.ok, true);
  assert.deepEqual(one.outcomes.map((o) => o.result.verdict), ['likely_human', 'likely_bot']);
  assert.equal(two.outcomes[0].result.handle, 'carol');
  const sent = backend.scoreRequests().slice(before);
  assert.equal(sent.length, 1);
  assert.equal(sent[0].headers.Authorization, 'Bearer tok-123');
  assert.ok(sent[0].body.accounts.every((p) => typeof p.observed_at === 'string'), 'observed_at is stamped');
});

test('accounts.score rejects malformed messages without calling the backend', async () => {
  const before = backend.state.requests.length;
  const reply = await sendToWorker(chrome, { type: 'accounts.score', profiles: [{ platform: 'x' }] });
  assert.equal(reply.ok, false);
  assert.equal(reply.error.kind, 'bad_request');
  assert.equal(backend.state.requests.length, before);
});

test('messages from other extensions are ignored, unknown types answered with an error', async () => {
  const [listener] = chrome.runtime.onMessage.listeners;
  assert.equal(listener({ type: 'backend.health' }, { id: 'someone-else' }, () => {}), false);
  const reply = await sendToWorker(chrome, { type: 'no.such.thing' });
  assert.equal(reply.error.kind, 'unknown_message');
});

test('feedback.send posts the correction to the backend', async () => {
  const reply = await sendToWorker(chrome, { type: 'feedback.send', platform: 'x', handle: 'promo_bot', label: 'human', note: ' my friend ' });
  assert.equal(reply.ok, true);
  assert.deepEqual(backend.state.feedback.at(-1), { platform: 'x', handle: 'promo_bot', label: 'human', note: 'my friend' });
  const bad = await sendToWorker(chrome, { type: 'feedback.send', platform: 'x', handle: 'a', label: 'alien' });
  assert.equal(bad.ok, false);
});

test('backend.health and backend.test report status, model version and a clear wrong-token message', async () => {
  const health = await sendToWorker(chrome, { type: 'backend.health' });
  assert.deepEqual(health.health.models, { account: 'account-test-1' });

  const good = await sendToWorker(chrome, { type: 'backend.test', backendUrl: 'http://127.0.0.1:8765', token: 'tok-123' });
  assert.equal(good.ok, true);
  assert.match(good.message, /Connected.*account account-test-1/);

  const wrong = await sendToWorker(chrome, { type: 'backend.test', backendUrl: 'http://127.0.0.1:8765', token: 'nope' });
  assert.equal(wrong.ok, false);
  assert.match(wrong.message, /rejected this token/);

  const insecure = await sendToWorker(chrome, { type: 'backend.test', backendUrl: 'http://backend.example.com', token: 'tok-123' });
  assert.equal(insecure.ok, false);
  assert.match(insecure.message, /https/);
});

test('changing the token clears cached scores so the next lookup asks the backend again', async () => {
  await sendToWorker(chrome, { type: 'accounts.score', profiles: [{ platform: 'x', handle: 'cache_me' }] });
  const before = backend.scoreRequests().length;
  const cached = await sendToWorker(chrome, { type: 'accounts.score', profiles: [{ platform: 'x', handle: 'cache_me' }] });
  assert.equal(cached.outcomes[0].cached, true);
  assert.equal(backend.scoreRequests().length, before);

  await chrome.storage.local.set({ token: 'rotated' });
  const rejected = await sendToWorker(chrome, { type: 'accounts.score', profiles: [{ platform: 'x', handle: 'cache_me' }] });
  assert.equal(rejected.outcomes[0].error.kind, 'unauthorized');
  await chrome.storage.local.set({ token: 'tok-123' });
  const again = await sendToWorker(chrome, { type: 'accounts.score', profiles: [{ platform: 'x', handle: 'cache_me' }] });
  assert.equal(again.outcomes[0].ok, true);
});

test('profile.enrich fills exact Bluesky counts from the public API, once per handle', async () => {
  const page = { platform: 'bluesky', handle: 'alice.example.com', display_name: 'Alice 🦋', followers_count: 12300, counts_approximate: true };
  const reply = await sendToWorker(chrome, { type: 'profile.enrich', profile: page });
  assert.equal(reply.profile.followers_count, 12345);
  assert.equal(reply.profile.counts_approximate, false);
  assert.equal(reply.profile.created_at, '2023-04-05T06:07:08.000Z');
  assert.equal(reply.profile.self_declared_bot, true);
  assert.equal(reply.profile.display_name, 'Alice 🦋', 'what the page shows wins for text');
  await sendToWorker(chrome, { type: 'profile.enrich', profile: page });
  assert.equal(bskyRequests.length, 1);
  const x = await sendToWorker(chrome, { type: 'profile.enrich', profile: { platform: 'x', handle: 'a' } });
  assert.deepEqual(x.profile, { platform: 'x', handle: 'a' });
});

test('settings.site reports per-site switches', async () => {
  await chrome.storage.local.set({ sites: { reddit: false } });
  assert.equal((await sendToWorker(chrome, { type: 'settings.site', platform: 'reddit' })).enabled, false);
  assert.equal((await sendToWorker(chrome, { type: 'settings.site', platform: 'x' })).enabled, true);
});

test('Mastodon instances with granted permission are registered with the manifest content scripts', async () => {
  chrome.runtime.onInstalled.emit({ reason: 'install' });
  await settle();
  assert.equal(chrome.scripting.registered.length, 1);
  const [script] = chrome.scripting.registered;
  assert.deepEqual(script.matches, ['https://fosstodon.org/*'], 'mastodon.social is static; others need permission');
  assert.deepEqual(script.js, manifest.content_scripts[0].js);
  assert.deepEqual(script.css, manifest.content_scripts[0].css, 'the badges are styled on every instance');
  assert.ok(script.css.length > 0);

  await chrome.permissions.request({ origins: ['https://hachyderm.io/*'] });
  await chrome.storage.local.set({ mastodonInstances: [...data.mastodonInstances, 'https://hachyderm.io'] });
  await settle();
  assert.deepEqual(chrome.scripting.registered[0].matches, ['https://fosstodon.org/*', 'https://hachyderm.io/*']);

  await chrome.storage.local.set({ mastodonInstances: ['https://mastodon.social'] });
  await settle();
  assert.equal(chrome.scripting.registered.length, 0);
});

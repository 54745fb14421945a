// compose.* handlers: the real router, backend client and storage code, with the backend's HTTP
// and chrome.storage stubbed at the boundary.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MessageRouter } from '../../extension/background/message-router.js';
import { BackendClient } from '../../extension/background/backend-client.js';
import { registerComposeHandlers } from '../../extension/background/handlers/compose.js';
import { RECENT_POSTS_KEY, MAX_STORED_POSTS, MAX_POSTS_PER_CHECK } from '../../extension/background/recent-posts.js';
import { saveComposeSettings } from '../../extension/background/compose-settings.js';
import { chromeStub } from './helpers/chrome-stub.mjs';
import { fakeBackend } from './helpers/fake-backend.mjs';

const TOKEN = 'tok-compose';

/** A backend answer computed from the request: spans are code points of what was sent. */
function composeAnswer(body) {
  const points = [...body.text];
  const hashIndex = points.indexOf('#');
  const repeated = (body.recent_posts || []).includes(body.text);
  const tips = [];
  if (hashIndex >= 0) tips.push({ code: 'too_many_hashtags', message: 'Use fewer hashtags.', span: [hashIndex, points.length] });
  if (repeated) tips.push({ code: 'repeated_post', message: 'You posted this before.' });
  const probability = Math.min(1, tips.length * 0.45);
  return {
    spam_probability: probability,
    verdict: probability >= 0.8 ? 'spam_like' : probability >= 0.4 ? 'borderline' : 'fine',
    tips,
    model_version: 'compose-test-1',
  };
}

function setup({ stored = {} } = {}) {
  const backend = fakeBackend({ token: TOKEN });
  backend.state.override = (request) => {
    if (request.path !== '/api/v1/compose/check' || request.headers.Authorization !== `Bearer ${TOKEN}`) return null;
    return new Response(JSON.stringify(composeAnswer(request.body)), { status: 200, headers: { 'Content-Type': 'application/json' } });
  };
  const { chrome, data } = chromeStub({ stored: { backendUrl: 'http://127.0.0.1:8765', token: TOKEN, ...stored } });
  const storage = chrome.storage.local;
  storage.remove = async (keys) => { for (const key of [].concat(keys)) delete data[key]; };
  const client = new BackendClient({ fetch: backend.fetch, getConnection: async () => ({ backendUrl: 'http://127.0.0.1:8765', token: data.token }) });
  const router = new MessageRouter();
  let clock = 1_000;
  registerComposeHandlers(router, { client, storage, now: () => clock++ });
  const send = (message) => router.dispatch(message, { id: 'ext' });
  const checks = () => backend.state.requests.filter((r) => r.path === '/api/v1/compose/check');
  return { send, checks, data, storage, backend };
}

test('compose.check sends the draft with its platform and returns the verdict with UTF-16 spans', async () => {
  const { send, checks } = setup();
  const text = '🚀🚀 launch day 👨‍👩‍👧 #launch #ship';
  const reply = await send({ type: 'compose.check', text, platform: 'x' });
  assert.equal(reply.ok, true);
  assert.equal(reply.result.verdict, 'borderline');
  assert.equal(reply.result.spamProbability, 0.45);
  assert.equal(reply.result.modelVersion, 'compose-test-1');
  const [tip] = reply.result.tips;
  assert.equal(text.slice(...tip.span), '#launch #ship', 'the span marks the hashtags, not text shifted by the emoji');
  const [request] = checks();
  assert.deepEqual(request.body, { text, platform: 'x' }, 'no recent posts without the opt-in');
  assert.equal(request.headers.Authorization, `Bearer ${TOKEN}`);
});

test('compose.check refuses bad input without calling the backend', async () => {
  const { send, checks } = setup();
  const cases = [
    { text: '', platform: 'x' },
    { text: ' \n\t ', platform: 'x' },
    { text: 42, platform: 'x' },
    { text: 'hello', platform: 'instagram' },
    { text: 'hello' },
    { text: '😀'.repeat(10_001), platform: 'x' },
  ];
  for (const message of cases) {
    const reply = await send({ type: 'compose.check', ...message });
    assert.equal(reply.ok, false);
    assert.equal(reply.error.kind, 'bad_request', JSON.stringify(message).slice(0, 60));
  }
  assert.equal(checks().length, 0);
  const longest = await send({ type: 'compose.check', text: '😀'.repeat(10_000), platform: 'x' });
  assert.equal(longest.ok, true, '10,000 code points is allowed although it is 20,000 UTF-16 units');
});

test('the per-site switch: compose.site reports it, and compose.check does not run on a site switched off', async () => {
  const { send, checks, storage } = setup();
  assert.deepEqual(await send({ type: 'compose.site', platform: 'mastodon' }), { ok: true, enabled: true, remember: false });
  await saveComposeSettings(storage, { sites: { mastodon: false } });
  assert.equal((await send({ type: 'compose.site', platform: 'mastodon' })).enabled, false);
  assert.equal((await send({ type: 'compose.site', platform: 'x' })).enabled, true, 'other sites stay on');
  assert.equal((await send({ type: 'compose.site', platform: 'instagram' })).enabled, false, 'no compose check where it is not supported');
  const reply = await send({ type: 'compose.check', text: 'hello', platform: 'mastodon' });
  assert.equal(reply.error.kind, 'disabled');
  assert.equal(checks().length, 0);
});

test('recent posts: ignored without the opt-in, then kept locally and sent only inside checks on the same platform', async () => {
  const { send, checks, data, storage } = setup();
  assert.deepEqual(await send({ type: 'compose.posted', text: 'Check out my store', platform: 'x' }), { ok: true, stored: false });
  assert.equal(data[RECENT_POSTS_KEY], undefined, 'nothing stored without the opt-in');

  await saveComposeSettings(storage, { recentPostsOptIn: true });
  assert.equal((await send({ type: 'compose.site', platform: 'x' })).remember, true);
  assert.equal((await send({ type: 'compose.posted', text: 'Check out my store', platform: 'x' })).stored, true);
  await send({ type: 'compose.posted', text: 'Mastodon only post', platform: 'mastodon' });
  const reply = await send({ type: 'compose.check', text: 'Check out my store', platform: 'x' });
  assert.deepEqual(reply.result.tips.map((t) => t.code), ['repeated_post']);
  assert.equal(reply.result.tips[0].span, null);
  assert.deepEqual(checks().at(-1).body.recent_posts, ['Check out my store'], 'only posts made on the same platform');
  assert.equal(checks().filter((r) => r.path !== '/api/v1/compose/check').length, 0);

  await saveComposeSettings(storage, { recentPostsOptIn: false });
  await send({ type: 'compose.check', text: 'Check out my store', platform: 'x' });
  assert.equal(checks().at(-1).body.recent_posts, undefined, 'opting out stops sending them');
  assert.equal(data[RECENT_POSTS_KEY], undefined, 'and forgets them');
});

test('recent posts are bounded, newest first, without duplicates; compose.forget clears them', async () => {
  const { send, checks, data, storage } = setup();
  await saveComposeSettings(storage, { recentPostsOptIn: true });
  for (let i = 0; i < MAX_STORED_POSTS + 5; i++) await send({ type: 'compose.posted', text: `post number ${i}`, platform: 'x' });
  await send({ type: 'compose.posted', text: 'post number 10', platform: 'x' });
  const kept = data[RECENT_POSTS_KEY];
  assert.equal(kept.length, MAX_STORED_POSTS);
  assert.equal(kept[0].text, 'post number 10', 'posting the same text again moves it to the front');
  assert.equal(kept.filter((p) => p.text === 'post number 10').length, 1);
  assert.equal(kept[1].text, `post number ${MAX_STORED_POSTS + 4}`);
  await send({ type: 'compose.check', text: 'hello', platform: 'x' });
  assert.equal(checks().at(-1).body.recent_posts.length, MAX_POSTS_PER_CHECK);
  assert.deepEqual(await send({ type: 'compose.forget' }), { ok: true });
  assert.equal(data[RECENT_POSTS_KEY], undefined);
});

test('backend trouble comes back as an error kind the meter can show; an odd answer is not shown as a verdict', async () => {
  const { send, backend, data } = setup();
  data.token = 'wrong';
  assert.equal((await send({ type: 'compose.check', text: 'hi', platform: 'x' })).error.kind, 'unauthorized');
  data.token = TOKEN;
  backend.state.override = () => 'network';
  assert.equal((await send({ type: 'compose.check', text: 'hi', platform: 'x' })).error.kind, 'offline');
  backend.state.override = () => new Response(JSON.stringify({ verdict: 'maybe', spam_probability: 0.5, tips: [] }), { status: 200 });
  assert.equal((await send({ type: 'compose.check', text: 'hi', platform: 'x' })).error.kind, 'bad_response');
  backend.state.override = () => new Response(JSON.stringify({ title: 'Bad Request', detail: 'text: too long' }), { status: 400 });
  const bad = await send({ type: 'compose.check', text: 'hi', platform: 'x' });
  assert.equal(bad.error.kind, 'bad_request');
  assert.match(bad.error.message, /text: too long/);
});

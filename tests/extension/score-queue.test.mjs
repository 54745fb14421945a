import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ScoreQueue, UNAUTHORIZED_PAUSE_MS } from '../../extension/background/score-queue.js';
import { BackendClient } from '../../extension/background/backend-client.js';
import { TtlCache } from '../../extension/background/ttl-cache.js';
import { Backoff } from '../../extension/background/backoff.js';
import { fakeBackend, manualTimers, settle } from './helpers/fake-backend.mjs';

function setup({ token = 'good-token', ttlMs = 60_000, maxBatch = 1000 } = {}) {
  const clock = { now: 1_000_000 };
  const now = () => clock.now;
  const backend = fakeBackend();
  const timers = manualTimers();
  const client = new BackendClient({
    fetch: backend.fetch,
    getConnection: async () => ({ backendUrl: 'http://127.0.0.1:8765', token }),
    now,
  });
  const queue = new ScoreQueue({
    client,
    cache: new TtlCache({ ttlMs, maxEntries: 10_000, now }),
    backoff: new Backoff({ initialMs: 2_000, maxMs: 60_000, now }),
    maxBatch,
    setTimer: timers.setTimer,
    clearTimer: timers.clearTimer,
  });
  return { clock, backend, timers, queue };
}

const account = (handle, extra = {}) => ({ platform: 'x', handle, ...extra });

test('lookups made within the window go out as one request, results in order', async () => {
  const { backend, timers, queue } = setup();
  const outcomes = queue.score([account('alice'), account('promo_bot'), account('carol')]);
  const more = queue.scoreOne(account('dave'));
  assert.equal(backend.scoreRequests().length, 0, 'nothing is sent before the window closes');
  await timers.runAll();
  const [a, b, c] = await outcomes;
  assert.equal(backend.scoreRequests().length, 1);
  assert.deepEqual(backend.scoreRequests()[0].body.accounts.map((p) => p.handle), ['alice', 'promo_bot', 'carol', 'dave']);
  assert.equal(a.result.handle, 'alice');
  assert.equal(b.result.verdict, 'likely_bot');
  assert.equal(c.result.verdict, 'likely_human');
  assert.equal((await more).result.handle, 'dave');
  assert.equal(a.modelVersion, 'account-test-1');
});

test('the same account asked twice (any case) is sent once and both askers get the answer', async () => {
  const { backend, timers, queue } = setup();
  const first = queue.scoreOne(account('Alice'));
  const second = queue.scoreOne(account('alice'));
  await timers.runAll();
  assert.equal(backend.scoreRequests()[0].body.accounts.length, 1);
  assert.deepEqual((await first).result, (await second).result);
});

test('an account already in flight is not requested again', async () => {
  const { backend, timers, queue } = setup();
  let release;
  backend.state.override = () => new Promise((resolve) => { release = resolve; });
  const first = queue.scoreOne(account('alice'));
  await timers.runAll();
  const second = queue.scoreOne(account('alice'));
  await timers.runAll();
  assert.equal(backend.scoreRequests().length, 1);
  backend.state.override = null;
  release(null);
  assert.equal((await first).ok, true);
  assert.equal((await second).ok, true);
  assert.equal(backend.scoreRequests().length, 1);
});

test('cached results are served without a request until the TTL passes', async () => {
  const { backend, timers, queue, clock } = setup({ ttlMs: 60_000 });
  queue.scoreOne(account('alice'));
  await timers.runAll();
  const again = await queue.scoreOne(account('alice'));
  assert.equal(again.cached, true);
  assert.equal(backend.scoreRequests().length, 1);
  clock.now += 60_001;
  const later = queue.scoreOne(account('alice'));
  await timers.runAll();
  assert.equal((await later).cached, false);
  assert.equal(backend.scoreRequests().length, 2);
});

test('a richer sighting of a cached account is scored again', async () => {
  const { backend, timers, queue } = setup();
  queue.scoreOne(account('alice'));
  await timers.runAll();
  const richer = queue.scoreOne(account('alice', { followers_count: 0, bio: 'hi' }));
  await timers.runAll();
  assert.equal(backend.scoreRequests().length, 2);
  assert.equal((await richer).result.fake_follower_probability, 0.8);
  const thinAgain = await queue.scoreOne(account('alice'));
  assert.equal(thinAgain.cached, true, 'the richer result now serves the thinner sighting');
});

test('more than maxBatch accounts are split into requests of at most maxBatch', async () => {
  const { backend, timers, queue } = setup({ maxBatch: 1000 });
  const handles = Array.from({ length: 2500 }, (_, i) => account(`user${i}`));
  const outcomes = queue.score(handles);
  await timers.runAll();
  const sizes = backend.scoreRequests().map((r) => r.body.accounts.length);
  assert.deepEqual(sizes, [1000, 1000, 500]);
  const results = await outcomes;
  assert.equal(results.length, 2500);
  assert.ok(results.every((o, i) => o.ok && o.result.handle === `user${i}`));
});

test('backend down: lookups fail as offline, then fail fast without requests until the backoff expires', async () => {
  const { backend, timers, queue, clock } = setup();
  backend.state.override = () => 'network';
  const first = queue.scoreOne(account('alice'));
  await timers.runAll();
  const outcome = await first;
  assert.equal(outcome.ok, false);
  assert.equal(outcome.error.kind, 'offline');
  assert.equal(backend.scoreRequests().length, 1);

  const during = await queue.scoreOne(account('bob'));
  assert.equal(during.error.kind, 'offline');
  assert.equal(backend.scoreRequests().length, 1, 'no request while backing off');

  clock.now += 2_001;
  const secondTry = queue.scoreOne(account('bob'));
  await timers.runAll();
  assert.equal((await secondTry).ok, false);
  assert.equal(backend.scoreRequests().length, 2);

  clock.now += 2_001;
  assert.equal((await queue.scoreOne(account('carol'))).ok, false, 'the second failure doubled the wait');
  assert.equal(backend.scoreRequests().length, 2);

  backend.state.override = null;
  clock.now += 2_000;
  const recovered = queue.scoreOne(account('carol'));
  await timers.runAll();
  assert.equal((await recovered).ok, true);
  assert.equal(queue.backoff.failures, 0, 'success resets the backoff');
});

test('429 with Retry-After waits as long as the server asked', async () => {
  const { backend, timers, queue, clock } = setup();
  backend.state.override = () => new Response('{"title":"Too Many Requests","status":429}', {
    status: 429, headers: { 'Retry-After': '30', 'Content-Type': 'application/problem+json' },
  });
  queue.scoreOne(account('alice'));
  await timers.runAll();
  backend.state.override = null;
  clock.now += 20_000;
  assert.equal((await queue.scoreOne(account('bob'))).error.kind, 'offline');
  clock.now += 10_001;
  const after = queue.scoreOne(account('bob'));
  await timers.runAll();
  assert.equal((await after).ok, true);
});

test('a wrong token gives an unauthorized outcome and pauses lookups; reset() lifts the pause', async () => {
  const { backend, timers, queue } = setup({ token: 'wrong' });
  const first = queue.scoreOne(account('alice'));
  await timers.runAll();
  assert.equal((await first).error.kind, 'unauthorized');
  assert.equal((await queue.scoreOne(account('bob'))).error.kind, 'unauthorized');
  assert.equal(backend.scoreRequests().length, 1);
  assert.ok(queue.backoff.remainingMs() <= UNAUTHORIZED_PAUSE_MS && queue.backoff.remainingMs() > 0);
  queue.reset();
  queue.scoreOne(account('bob'));
  await timers.runAll();
  assert.equal(backend.scoreRequests().length, 2);
});

test('a 400 blaming one account fails only that account; the rest are sent again once', async () => {
  const { backend, timers, queue } = setup();
  backend.state.override = (request) => {
    const accounts = request.body && request.body.accounts;
    const bad = accounts ? accounts.findIndex((p) => p.created_at === 'not a date') : -1;
    if (bad === -1) return null;
    return new Response(JSON.stringify({ title: 'Bad Request', status: 400, detail: `accounts.${bad}.created_at: not a date`, errors: [{ loc: ['accounts', bad, 'created_at'] }] }), {
      status: 400, headers: { 'Content-Type': 'application/problem+json' },
    });
  };
  const outcomes = queue.score([account('alice'), account('broken', { created_at: 'not a date' }), account('carol')]);
  await timers.runAll();
  const [a, broken, c] = await outcomes;
  assert.equal(a.ok, true);
  assert.equal(c.ok, true);
  assert.equal(broken.ok, false);
  assert.equal(broken.error.kind, 'bad_request');
  assert.match(broken.error.message, /created_at/);
  assert.equal(backend.scoreRequests().length, 2);
  assert.deepEqual(backend.scoreRequests()[1].body.accounts.map((p) => p.handle), ['alice', 'carol']);
});

test('no token configured: not_configured, and no request is made', async () => {
  const { backend, timers, queue } = setup({ token: '' });
  const outcome = queue.scoreOne(account('alice'));
  await timers.runAll();
  assert.equal((await outcome).error.kind, 'not_configured');
  assert.equal(backend.state.requests.length, 0);
  await settle();
});

// The author batcher: one message per scan's accounts, and answers kept a few minutes so a feed's
// repeated authors cost no message, without serving a failure, a poorer reading or a stale score.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadContent, plain } from './helpers/content-loader.mjs';

const { BotLens } = loadContent();

function batcherWith({ fail = () => false } = {}) {
  const sent = [];
  const clock = { now: 1_000_000 };
  const batcher = new BotLens.AuthorBatcher({
    send: async (message) => {
      sent.push(plain(message));
      if (fail(message)) return { ok: false, error: { kind: 'network', message: 'offline' } };
      return { ok: true, outcomes: message.profiles.map((p) => ({ ok: true, result: { handle: p.handle, fields: Object.keys(p).length } })) };
    },
    setTimer: (fn) => setTimeout(fn, 0),
    now: () => clock.now,
  });
  const handles = () => sent.map((m) => m.profiles.map((p) => p.handle));
  return { batcher, sent, clock, handles };
}

test('the accounts of one scan go out in one message, each waiter getting its own outcome', async () => {
  const { batcher, handles } = batcherWith();
  const [a, b, again] = await Promise.all([
    batcher.request({ platform: 'x', handle: 'ada' }),
    batcher.request({ platform: 'x', handle: 'grace' }),
    batcher.request({ platform: 'x', handle: 'ada', display_name: 'Ada' }),
  ]);
  assert.deepEqual(handles(), [['ada', 'grace']]);
  assert.equal(a.result.handle, 'ada');
  assert.equal(b.result.handle, 'grace');
  assert.equal(again, a, 'the same account in one scan is asked about once');
});

test('ask answers each caller through its callback, in the same message as request, and keeps the answer', async () => {
  const { batcher, handles } = batcherWith();
  const answered = [];
  batcher.ask({ platform: 'x', handle: 'ada' }, (outcome) => answered.push(['first', outcome.result.handle]));
  batcher.ask({ platform: 'x', handle: 'ada', display_name: 'Ada' }, (outcome) => answered.push(['second', outcome.result.handle]));
  const grace = await batcher.request({ platform: 'x', handle: 'grace' });
  assert.deepEqual(handles(), [['ada', 'grace']], 'one message, the same account once');
  assert.equal(grace.result.handle, 'grace');
  assert.deepEqual(answered, [['first', 'ada'], ['second', 'ada']], 'every callback, in the order asked');
  assert.equal(batcher.known({ platform: 'x', handle: 'ada' }).result.handle, 'ada', 'kept for the next sighting');
});

test('sendQueued sends the queued accounts at once, and the window then sends nothing more', async () => {
  const sent = [];
  const timers = new Map();
  let nextTimer = 0;
  const batcher = new BotLens.AuthorBatcher({
    send: async (message) => {
      sent.push(plain(message));
      return { ok: true, outcomes: message.profiles.map((p) => ({ ok: true, result: { handle: p.handle } })) };
    },
    setTimer: (fn) => { timers.set(++nextTimer, fn); return nextTimer; },
    clearTimer: (id) => timers.delete(id),
  });
  const answers = [batcher.request({ platform: 'x', handle: 'ada' }), batcher.request({ platform: 'x', handle: 'grace' })];
  assert.equal(timers.size, 1, 'the window is open');
  batcher.sendQueued();
  assert.deepEqual(sent.map((m) => m.profiles.map((p) => p.handle)), [['ada', 'grace']], 'sent before any timer ran');
  assert.equal(timers.size, 0, 'and the window is closed');
  assert.deepEqual((await Promise.all(answers)).map((a) => a.result.handle), ['ada', 'grace']);
  batcher.sendQueued();
  assert.equal(sent.length, 1, 'nothing queued: no message');
});

test('an account answered a moment ago is answered again without a message', async () => {
  const { batcher, sent, clock } = batcherWith();
  const first = await batcher.request({ platform: 'x', handle: 'ada', display_name: 'Ada' });
  clock.now += 60_000;
  const second = await batcher.request({ platform: 'x', handle: 'ADA', display_name: 'Ada' });
  assert.equal(sent.length, 1);
  assert.equal(second, first);
});

test('a richer sighting, an expired answer and forget() go to the service worker again', async () => {
  const { batcher, clock, handles } = batcherWith();
  await batcher.request({ platform: 'x', handle: 'ada' });
  const richer = await batcher.request({ platform: 'x', handle: 'ada', display_name: 'Ada', followers_count: 10 });
  assert.equal(richer.result.fields, 4, 'the header’s details are scored');
  await batcher.request({ platform: 'x', handle: 'ada' });
  assert.equal(handles().length, 2, 'the richer answer now serves the poorer sighting');
  clock.now += 5 * 60_000;
  await batcher.request({ platform: 'x', handle: 'ada' });
  assert.equal(handles().length, 3, 'kept a few minutes, not longer');
  batcher.forget();
  await batcher.request({ platform: 'x', handle: 'ada' });
  assert.equal(handles().length, 4, 'forget() drops what was kept');
});

test('a failed lookup is not kept: the next sighting asks again', async () => {
  let down = true;
  const { batcher, handles } = batcherWith({ fail: () => down });
  const failed = await batcher.request({ platform: 'x', handle: 'ada' });
  assert.equal(failed.ok, false);
  down = false;
  const answered = await batcher.request({ platform: 'x', handle: 'ada' });
  assert.equal(answered.ok, true);
  assert.deepEqual(handles(), [['ada'], ['ada']]);
});

test('at most a bounded number of answers is kept, the oldest dropped first', async () => {
  const sent = [];
  const batcher = new BotLens.AuthorBatcher({
    send: async (message) => {
      sent.push(message);
      return { ok: true, outcomes: message.profiles.map(() => ({ ok: true, result: {} })) };
    },
    setTimer: (fn) => setTimeout(fn, 0),
    recentMax: 2,
  });
  for (const handle of ['a', 'b', 'c']) await batcher.request({ platform: 'x', handle });
  assert.equal(batcher.recent.size, 2);
  await batcher.request({ platform: 'x', handle: 'c' });
  assert.equal(sent.length, 3, 'the newest is still kept');
  await batcher.request({ platform: 'x', handle: 'a' });
  assert.equal(sent.length, 4, 'the oldest was dropped');
});

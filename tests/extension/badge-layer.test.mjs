// The badge layer on a real fixture page: a badge goes in once, with its answer; "checking" only when
// the answer is slow; an answer for a post the site took away is kept for when it comes back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixture, loadContent } from './helpers/content-loader.mjs';

const HUMAN = { ok: true, result: { verdict: 'likely_human', bot_probability: 0.1, fake_follower_probability: 0.1, reasons: [] } };
const BOT = { ok: true, result: { verdict: 'likely_bot', bot_probability: 0.9, fake_follower_probability: 0.1, reasons: [] } };

/** The X fixture with the real adapter and badge layer, a clock and a timer the test runs by hand. */
function page() {
  const { BotLens, document, location } = loadContent({ html: fixture('x-profile.html'), url: 'https://x.com/ada_example' });
  const clock = { now: 5_000_000 };
  /** @type {Map<number, () => void>} */
  const timers = new Map();
  let nextTimer = 0;
  const retries = { due: 0 };
  const layer = new BotLens.BadgeLayer({
    document, floating: new BotLens.FloatingLayer(document), onFeedback: async () => ({}),
    now: () => clock.now,
    setTimer: (fn) => { nextTimer += 1; timers.set(nextTimer, fn); return nextTimer; },
    clearTimer: (id) => timers.delete(id),
    onRetryDue: () => { retries.due += 1; },
  });
  const sightings = BotLens.adapters.adapterForHost(location.hostname).findAuthors(document, location);
  const badgesAt = (/** @type {Element} */ anchor) => [...anchor.querySelectorAll('[data-botlens="badge"]')];
  const runTimers = () => {
    const due = [...timers.values()];
    timers.clear();
    due.forEach((fn) => fn());
  };
  return { BotLens, document, clock, layer, sightings, badgesAt, runTimers, timers, retries };
}

test('an account answered quickly gets one badge, showing the answer, and never a "checking" one', () => {
  const { layer, sightings: [sighting], badgesAt, runTimers, clock, BotLens, timers } = page();
  assert.equal(layer.claim(sighting), true, 'unknown: to be scored');
  assert.equal(badgesAt(sighting.anchor).length, 0, 'no badge before the answer');
  clock.now += BotLens.BadgeLayer.WAITING_SHOWN_AFTER_MS / 4;
  runTimers();
  assert.equal(badgesAt(sighting.anchor).length, 0, 'not yet slow');
  layer.show(sighting.anchor, BOT);
  const [badge] = badgesAt(sighting.anchor);
  assert.equal(badge.getAttribute('data-botlens-tone'), 'bot');
  assert.equal(badge.querySelector('button').getAttribute('data-word'), 'bot-like');
  assert.equal(timers.size, 0, 'every answer is in: no timer left to wake the page');
  clock.now += BotLens.BadgeLayer.WAITING_SHOWN_AFTER_MS;
  runTimers();
  assert.equal(badgesAt(sighting.anchor).length, 1, 'nothing more is shown once answered');
  assert.equal(layer.claim(sighting), false, 'seen again: nothing to do');
});

test('a failed lookup wakes the page when its retry is due, again while lookups keep failing, and not after', () => {
  const { layer, sightings: [first, second], runTimers, clock, BotLens, timers, retries } = page();
  const OFFLINE = { ok: false, error: { kind: 'network', message: 'offline' } };
  layer.claim(first);
  layer.show(first.anchor, HUMAN);
  assert.equal(timers.size, 0, 'nothing failed: no retry timer');
  layer.claim(second);
  layer.show(second.anchor, OFFLINE);
  assert.equal(timers.size, 1, 'one retry timer');
  clock.now += BotLens.BadgeLayer.RETRY_AFTER_MS;
  runTimers();
  assert.equal(retries.due, 1, 'the caller is told to rescan');
  assert.equal(layer.claim(second), true, 'and claim asks again');
  assert.equal(timers.size, 1, 'still failing: the timer is set again');
  layer.show(second.anchor, HUMAN);
  runTimers();
  assert.equal(retries.due, 1, 'recovered: no further rescan');
  assert.equal(timers.size, 0);
});

test('a slow answer shows "checking" first, and the same badge then shows the answer', () => {
  const { layer, sightings: [sighting], badgesAt, runTimers, clock, BotLens } = page();
  layer.claim(sighting);
  clock.now += BotLens.BadgeLayer.WAITING_SHOWN_AFTER_MS;
  runTimers();
  const [waiting] = badgesAt(sighting.anchor);
  assert.equal(waiting.getAttribute('data-botlens-tone'), 'pending');
  assert.match(waiting.querySelector('button').getAttribute('aria-label'), /checking ada_example/);
  layer.show(sighting.anchor, HUMAN);
  assert.deepEqual(badgesAt(sighting.anchor), [waiting], 'one badge, updated in place');
  assert.equal(waiting.getAttribute('data-botlens-tone'), 'human');
});

test('an account already answered is badged at once with that answer', () => {
  const { layer, sightings: [, second], badgesAt } = page();
  assert.equal(layer.claim(second, BOT), false, 'known: nothing to score');
  assert.equal(badgesAt(second.anchor)[0].getAttribute('data-botlens-tone'), 'bot');
});

test('an answer for a post the site took away is kept, and its badge goes in when the post comes back', () => {
  const { layer, sightings: [, , third], badgesAt } = page();
  layer.claim(third);
  const post = /** @type {Element} */ (third.block);
  const parent = /** @type {Element} */ (post.parentElement);
  post.remove();
  layer.show(third.anchor, HUMAN);
  assert.equal(badgesAt(third.anchor).length, 0);
  parent.append(post);
  assert.equal(layer.claim(third), false, 'answered already: no second lookup');
  assert.equal(badgesAt(third.anchor)[0].getAttribute('data-botlens-tone'), 'human');
});

test('answers that arrive in one turn go in together, inside one unobserved change, once the turn ends', async () => {
  const { BotLens, document, location } = loadContent({ html: fixture('x-profile.html'), url: 'https://x.com/ada_example' });
  /** @type {string[]} */
  const log = [];
  const layer = new BotLens.BadgeLayer({
    document, floating: new BotLens.FloatingLayer(document), onFeedback: async () => ({}), setTimer: () => 0,
    unobserved: (/** @type {() => void} */ change) => {
      log.push('pause');
      change();
      log.push('resume');
    },
  });
  const sightings = BotLens.adapters.adapterForHost(location.hostname).findAuthors(document, location);
  assert.ok(sightings.length >= 2, 'the fixture shows several authors');
  for (const sighting of sightings) layer.claim(sighting);
  const badged = () => sightings.filter((s) => s.anchor.querySelector('[data-botlens="badge"]')).length;
  sightings.forEach((sighting, i) => layer.showSoon(sighting.anchor, i % 2 ? BOT : HUMAN));
  assert.equal(badged(), 0, 'nothing is written during the turn');
  await Promise.resolve();
  assert.equal(badged(), sightings.length);
  assert.deepEqual(log, ['pause', 'resume'], 'one unobserved change for all of them');
  assert.equal(sightings[1].anchor.querySelector('[data-botlens="badge"]').getAttribute('data-botlens-tone'), 'bot');
});

test('answers still to be shown are dropped when every badge is taken off', async () => {
  const { layer, sightings: [sighting], badgesAt } = page();
  layer.claim(sighting);
  layer.showSoon(sighting.anchor, BOT);
  layer.removeAll();
  await Promise.resolve();
  assert.equal(badgesAt(sighting.anchor).length, 0);
});

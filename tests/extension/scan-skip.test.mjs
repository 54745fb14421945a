// Rescans skip author blocks the badge layer already handled, before parsing them, on every site
// adapter; blocks whose handle changed, whose badge the site wiped, or whose failed lookup is due
// again are parsed and claimed as before.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixture, loadContent, plain } from './helpers/content-loader.mjs';

const PAGES = [
  ['x-profile.html', 'https://x.com/ada_example'],
  ['mastodon-profile.html', 'https://mastodon.example/@newsbot'],
  ['bluesky-profile.html', 'https://bsky.app/profile/alice.example.com'],
  ['reddit-post.html', 'https://www.reddit.com/r/example/comments/abc/a_question/'],
  ['youtube-watch.html', 'https://www.youtube.com/watch?v=abc'],
  ['instagram-profile.html', 'https://www.instagram.com/lens_example/'],
];

const OK = { ok: true, result: { verdict: 'likely_human', bot_probability: 0.1, fake_follower_probability: 0.1, reasons: [] } };
const OFFLINE = { ok: false, error: { kind: 'network', message: 'offline' } };

/** A page with the real adapter and badge layer, a clock the test moves, and main.js's scan loop. */
function pageWith(fixtureName, url) {
  const loaded = loadContent({ html: fixture(fixtureName), url });
  const { BotLens, document, location, window } = loaded;
  const adapter = BotLens.adapters.adapterForHost(location.hostname);
  const clock = { now: 1_000_000 };
  const layer = new BotLens.BadgeLayer({
    document, floating: new BotLens.FloatingLayer(document), onFeedback: async () => ({}), now: () => clock.now,
    setTimer: () => 0, // the test rescans by hand when it moves the clock
  });
  const isHandled = (block, fingerprint) => layer.isHandled(block, fingerprint);

  // Instrumentation for the test only: element-scoped DOM queries made while the adapter runs.
  let counting = false;
  let queries = 0;
  const proto = window.Element.prototype;
  for (const name of ['querySelector', 'querySelectorAll', 'closest']) {
    const original = proto[name];
    proto[name] = function counted(...args) {
      if (counting) queries += 1;
      return original.apply(this, args);
    };
  }

  /** One scan as main.js runs it: the sightings it found and those claim wants scored. */
  function scan() {
    counting = true;
    queries = 0;
    const found = adapter.findAuthors(document, location, isHandled);
    counting = false;
    const scored = found.filter((sighting) => layer.claim(sighting));
    return { found, scored, queries };
  }
  return { ...loaded, adapter, layer, clock, scan };
}

for (const [fixtureName, url] of PAGES) {
  test(`${fixtureName}: a second scan skips every badged author block without parsing it`, () => {
    const page = pageWith(fixtureName, url);
    const first = page.scan();
    assert.ok(first.found.length > 0, 'the fixture has authors');
    assert.deepEqual(plain(first.found.map((s) => s.profile)),
      plain(page.adapter.findAuthors(page.document, page.location).map((s) => s.profile)),
      'the predicate does not change what a first scan finds');
    for (const sighting of first.scored) page.layer.show(sighting.anchor, OK);

    const second = page.scan();
    assert.equal(second.found.length, 0);
    assert.ok(second.queries < first.queries, `${second.queries} queries on the rescan vs ${first.queries}`);
    assert.ok(second.queries <= first.found.length, 'at most one cheap fingerprint lookup per block');
  });
}

test('a recycled row whose handle changed is parsed again and badged for the new account', () => {
  const page = pageWith('x-profile.html', 'https://x.com/ada_example');
  const first = page.scan();
  for (const sighting of first.scored) page.layer.show(sighting.anchor, OK);
  const recycled = first.found.find((s) => s.profile.handle === 'promo_bot_4471');
  for (const span of recycled.block.querySelectorAll('span')) {
    if (span.textContent.trim() === '@promo_bot_4471') span.textContent = '@someone_else';
  }
  const second = page.scan();
  assert.deepEqual(plain(second.found.map((s) => s.profile.handle)), ['someone_else']);
  assert.equal(second.scored.length, 1, 'the new account is scored');
  assert.equal(recycled.anchor.querySelectorAll('[data-botlens="badge"]').length, 0, 'the old account\'s badge is gone');
  page.layer.show(second.scored[0].anchor, OK);
  assert.equal(recycled.anchor.querySelectorAll('[data-botlens="badge"]').length, 1, 'the new account\'s badge comes with its answer');
});

test('a badge the site wiped is put back, and a failed lookup is retried once due', () => {
  const page = pageWith('mastodon-profile.html', 'https://mastodon.example/@newsbot');
  const [wiped, failing, ...rest] = page.scan().found;
  assert.ok(failing, 'the fixture has at least two authors');
  page.layer.show(wiped.anchor, OK);
  page.layer.show(failing.anchor, OFFLINE);
  for (const sighting of rest) page.layer.show(sighting.anchor, OK);
  wiped.anchor.querySelector('[data-botlens="badge"]').remove();

  const second = page.scan();
  assert.deepEqual(plain(second.found.map((s) => s.profile.handle)), [wiped.profile.handle], 'only the wiped badge’s block is read again');
  assert.ok(second.found[0].block === wiped.block);
  assert.equal(second.scored.length, 0, 'same account: no new lookup');
  assert.equal(wiped.anchor.querySelectorAll('[data-botlens="badge"]').length, 1, 'badge re-attached');

  page.clock.now += page.BotLens.BadgeLayer.RETRY_AFTER_MS;
  const third = page.scan();
  assert.deepEqual(plain(third.scored.map((s) => s.profile.handle)), [failing.profile.handle], 'the failed lookup is retried');
  assert.equal(page.scan().found.length, 0, 'and while it is pending again, skipped');
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadContent } from './helpers/content-loader.mjs';
import { settle } from './helpers/fake-backend.mjs';

/** @param {{ throttleMs?: number, now?: () => number }} [timing] */
function watch(timing = {}) {
  const loaded = loadContent({
    html: '<!doctype html><html><body><main id="feed"></main></body></html>',
    url: 'https://x.com/home',
    beforeRun: ({ window, location }) => { window.location = location; },
  });
  const scans = [];
  const navigations = [];
  const watcher = new loaded.BotLens.PageWatcher({
    document: loaded.document,
    window: loaded.window,
    throttleMs: 5, soonMs: 1, ...timing,
    onScan: (signal) => scans.push(signal),
    onNavigate: (url) => navigations.push(url),
  });
  return { ...loaded, watcher, scans, navigations };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 20));

test('new content (infinite scroll) triggers a throttled rescan', async () => {
  const { document, watcher, scans } = watch();
  watcher.start();
  assert.equal(scans.length, 1, 'scans once on start');
  for (let i = 0; i < 5; i++) document.getElementById('feed').append(document.createElement('article'));
  await settle();
  await tick();
  assert.equal(scans.length, 2, 'five insertions, one rescan');
  watcher.stop();
});

test('a change after a quiet spell is read soon; one right after a scan waits out the throttle', async () => {
  for (const [quietMs, scansAfter] of [[10_000, 2], [0, 1]]) {
    let clock = 0;
    const { document, watcher, scans } = watch({ throttleMs: 5_000, now: () => clock });
    watcher.start();
    clock += quietMs;
    document.getElementById('feed').append(document.createElement('article'));
    await settle();
    await tick();
    assert.equal(scans.length, scansAfter, `${quietMs} ms after the last scan`);
    watcher.stop();
  }
});

test('in-app navigation aborts the old page signal and starts a new one', async () => {
  const { document, location, watcher, scans, navigations } = watch();
  watcher.start();
  const firstSignal = scans[0];
  location.href = 'https://x.com/someone';
  document.getElementById('feed').append(document.createElement('div'));
  await settle();
  await tick();
  assert.deepEqual(navigations, ['https://x.com/someone']);
  assert.equal(firstSignal.aborted, true);
  assert.equal(scans.at(-1).aborted, false);
  watcher.stop();
});

test('a watcher its owner stops on navigation scans no more', async () => {
  const loaded = loadContent({
    html: '<!doctype html><html><body><main id="feed"></main></body></html>',
    url: 'https://x.com/home',
    beforeRun: ({ window, location }) => { window.location = location; },
  });
  let scans = 0;
  const watcher = new loaded.BotLens.PageWatcher({
    document: loaded.document, window: loaded.window, throttleMs: 5, soonMs: 1,
    onScan: () => { scans += 1; },
    onNavigate: () => watcher.stop(),
  });
  watcher.start();
  loaded.location.href = 'https://x.com/someone';
  loaded.window.dispatchEvent(new loaded.window.Event('popstate'));
  loaded.document.getElementById('feed').append(loaded.document.createElement('article'));
  await settle();
  await tick();
  assert.equal(scans, 1, 'only the scan on start');
  assert.equal(watcher.signal.aborted, true);
});

test('inserting our own badges does not cause another scan', async () => {
  const { document, watcher, scans } = watch();
  watcher.start();
  const badge = document.createElement('span');
  badge.setAttribute('data-botlens', 'badge');
  document.getElementById('feed').append(badge);
  await settle();
  await tick();
  assert.equal(scans.length, 1);
  watcher.stop();
});

/** A watcher that also records what each scan was handed: null for the whole page, else the changed nodes. */
function watchChanges(loaded = null) {
  const page = loaded || loadContent({
    html: '<!doctype html><html><body><main id="feed"><article id="old"><span>@old_post</span></article></main></body></html>',
    url: 'https://x.com/home',
    beforeRun: ({ window, location }) => { window.location = location; },
  });
  const handed = [];
  const watcher = new page.BotLens.PageWatcher({
    document: page.document,
    window: page.window,
    throttleMs: 5, soonMs: 1,
    onScan: (_signal, changed) => handed.push(changed),
    onNavigate: () => {},
  });
  return { ...page, page, watcher, handed };
}

test('the first scan reads the whole page; a rescan is handed only what was added since', async () => {
  const { document, watcher, handed } = watchChanges();
  watcher.start();
  assert.deepEqual(handed, [null]);
  const feed = document.getElementById('feed');
  const fresh = document.createElement('article');
  fresh.id = 'fresh';
  feed.append(fresh, document.createTextNode('\n  '));
  await settle();
  await tick();
  assert.equal(handed.length, 2);
  assert.deepEqual(Array.from(handed[1], (node) => node.id), ['fresh'], 'the new post, not the feed and not whitespace');
  watcher.stop();
});

test('after in-app navigation the next scan reads the whole page again', async () => {
  const { document, location, watcher, handed } = watchChanges();
  watcher.start();
  location.href = 'https://x.com/someone';
  document.getElementById('feed').append(document.createElement('article'));
  await settle();
  await tick();
  assert.deepEqual(handed, [null, null]);
  watcher.stop();
});

test('a handle text replaced inside a post is handed over, so the reused row is read again', async () => {
  const { document, watcher, handed } = watchChanges();
  watcher.start();
  const span = document.querySelector('#old span');
  span.textContent = '@someone_else';
  await settle();
  await tick();
  assert.equal(handed.length, 2);
  const texts = handed[1].filter((node) => node.nodeType === 3);
  assert.ok(texts.some((node) => node.data === '@someone_else' && node.parentNode === span), 'the new text node');
  watcher.stop();
});

test('badges a scan inserts wake neither its watcher nor another one on the page', async () => {
  const first = watchChanges();
  const second = watchChanges(first.page);
  const feed = first.document.getElementById('feed');
  let inserted = 0;
  const badging = new first.BotLens.PageWatcher({
    document: first.document,
    window: first.window,
    throttleMs: 5, soonMs: 1,
    onScan: () => {
      const badge = first.document.createElement('span');
      badge.setAttribute('data-botlens', 'badge');
      feed.querySelector('article').append(badge);
      inserted += 1;
    },
    onNavigate: () => {},
  });
  second.watcher.start();
  badging.start();
  await settle();
  await tick();
  assert.equal(inserted, 1);
  assert.equal(second.handed.length, 1, 'only its own first scan');
  badging.stop();
  second.watcher.stop();
});

test('a badge the site took away gets its anchor read again', async () => {
  const { document, watcher, handed } = watchChanges();
  const anchor = document.querySelector('#old');
  const badge = document.createElement('span');
  badge.setAttribute('data-botlens', 'badge');
  anchor.append(badge);
  watcher.start();
  badge.remove();
  await settle();
  await tick();
  assert.equal(handed.length, 2);
  assert.ok(handed[1].includes(anchor) || handed[1].includes(document.documentElement),
    'the removal’s target is read again');
  watcher.stop();
});

test('an element the site makes editable in place is a change to scan; other attribute changes are not', async () => {
  const loaded = watch();
  const changes = [];
  const watcher = new loaded.BotLens.PageWatcher({
    document: loaded.document, window: loaded.window, throttleMs: 5, soonMs: 1,
    onScan: (signal, changed) => changes.push(changed), onNavigate: () => {},
  });
  const box = loaded.document.createElement('div');
  loaded.document.getElementById('feed').append(box);
  watcher.start();
  box.setAttribute('class', 'styled');
  await settle();
  await tick();
  assert.equal(changes.length, 1, 'a class change is no reason to scan');
  box.setAttribute('contenteditable', 'true');
  await settle();
  await tick();
  assert.equal(changes.length, 2);
  assert.equal(changes[1].length, 1);
  assert.ok(changes[1][0] === box, 'the rescan looks at the element made editable');
  watcher.stop();
});

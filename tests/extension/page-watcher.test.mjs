import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadContent } from './helpers/content-loader.mjs';
import { settle } from './helpers/fake-backend.mjs';

function watch() {
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
    throttleMs: 5,
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

// The options page's compose section, on the real options.html, with chrome.storage stubbed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { mountComposeOptions } from '../../extension/options/compose-options.js';
import { loadComposeSettings } from '../../extension/background/compose-settings.js';
import { RECENT_POSTS_KEY } from '../../extension/background/recent-posts.js';
import { chromeStub } from './helpers/chrome-stub.mjs';
import { EXTENSION } from './helpers/content-loader.mjs';
import { settle } from './helpers/fake-backend.mjs';

async function openOptions(stored) {
  const { document, window } = parseHTML(readFileSync(`${EXTENSION}/options/options.html`, 'utf8'));
  const { chrome, data } = chromeStub({ stored });
  const storage = chrome.storage.local;
  storage.remove = async (keys) => { for (const key of [].concat(keys)) delete data[key]; };
  await mountComposeOptions(document.getElementById('compose-options'), { document, storage });
  const change = async (id, checked) => {
    const box = document.getElementById(id);
    box.checked = checked;
    box.dispatchEvent(new window.Event('change'));
    await settle();
  };
  return { document, window, storage, data, change };
}

test('shows the stored switches: every site on by default, remembering posts off by default', async () => {
  const { document } = await openOptions({ composeSites: { reddit: false } });
  const ids = [...document.querySelectorAll('#compose-sites input')].map((i) => [i.id, i.checked]);
  assert.deepEqual(ids, [['compose-site-x', true], ['compose-site-mastodon', true], ['compose-site-bluesky', true], ['compose-site-reddit', false], ['compose-site-youtube', true]]);
  assert.equal(document.getElementById('compose-remember').checked, false);
  assert.equal(document.getElementById('compose-status').getAttribute('aria-live'), 'polite');
});

test('a site switch saves on change, keeping the other sites as they were', async () => {
  const { storage, change, document } = await openOptions({ composeSites: { reddit: false } });
  await change('compose-site-youtube', false);
  const settings = await loadComposeSettings(storage);
  assert.equal(settings.sites.youtube, false);
  assert.equal(settings.sites.reddit, false);
  assert.equal(settings.sites.x, true);
  assert.match(document.getElementById('compose-status').textContent, /off for YouTube/);
});

test('turning remembering off forgets the posts; the forget button does too', async () => {
  const posts = [{ platform: 'x', text: 'my post', postedAt: 1 }];
  const { storage, data, change, document, window } = await openOptions({ composeRecentPostsOptIn: true, [RECENT_POSTS_KEY]: posts });
  assert.equal(document.getElementById('compose-remember').checked, true);
  await change('compose-remember', false);
  assert.equal((await loadComposeSettings(storage)).recentPostsOptIn, false);
  assert.equal(data[RECENT_POSTS_KEY], undefined);
  await change('compose-remember', true);
  data[RECENT_POSTS_KEY] = posts;
  document.getElementById('compose-forget').dispatchEvent(new window.Event('click'));
  await settle();
  assert.equal(data[RECENT_POSTS_KEY], undefined);
  assert.equal((await loadComposeSettings(storage)).recentPostsOptIn, true, 'forgetting keeps the opt-in as chosen');
});

test('the page says what the compose check sends', () => {
  const { document } = parseHTML(readFileSync(`${EXTENSION}/options/options.html`, 'utf8'));
  const said = [...document.querySelectorAll('[aria-labelledby="data-heading"] li')].map((li) => li.textContent).join(' ');
  assert.match(said, /compose box/);
  assert.match(said, /recent posts/);
});

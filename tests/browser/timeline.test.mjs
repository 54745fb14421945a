// Scenario 2: a timeline that keeps loading as the page scrolls, 300 posts from 60 authors. Every author gets a
// badge, and every author is scored exactly once: the requests the backend logged and the accounts they
// carried prove the extension batched its lookups and answered repeats from its cache.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startSession, screenshot } from './harness/session.mjs';
import { watchPageErrors } from './harness/browser.mjs';
import { BADGE, assertShowsResult } from './harness/badges.mjs';
import { badgesPerItem, scrollUntilAllLoaded, waitForSettledBadges } from './harness/timeline.mjs';
import { World } from './pages/sites.mjs';
import { crowd } from './pages/people.mjs';

const POSTS = 300;
const AUTHORS = 60;
const authors = crowd(AUTHORS, 'tl', 20261123);
const world = new World();
// Authors recur throughout the feed (7 is coprime with 60, so every run of 60 posts has all 60 authors).
world.timeline = { platform: 'x', pageSize: 20,
  posts: Array.from({ length: POSTS }, (_, i) => ({ author: authors[(i * 7) % AUTHORS], text: `Post number ${i}` })) };

describe('an infinite timeline', { timeout: 300_000 }, () => {
  /** @type {import('./harness/session.mjs').Session} */
  let session;
  /** @type {import('playwright-core').Page} */
  let page;
  /** @type {string[]} */
  let errors;
  before(async () => {
    session = await startSession({ name: 'timeline', world });
    page = await session.context.newPage();
    errors = watchPageErrors(page);
    await page.goto('https://x.com/home');
    await scrollUntilAllLoaded(page, 'article[data-testid="tweet"]', POSTS);
    await waitForSettledBadges(page, POSTS);
  });
  after(async () => { await session?.close(); });

  test('every post carries exactly one badge, with its author\'s verdict', async () => {
    const items = await badgesPerItem(page, 'article[data-testid="tweet"]');
    assert.equal(items.length, POSTS);
    items.forEach(({ author, badges }, i) => {
      assert.equal(badges.length, 1, `post ${i} has one badge`);
      assertShowsResult(badges[0], session.proxy.resultFor('x', author));
    });
    assert.deepEqual(new Set(items.map((item) => item.author)), new Set(authors.map((a) => a.handle)));
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'timeline-x');
    assert.deepEqual(errors, []);
  });

  test('each author was scored once, in a few batched requests', () => {
    const scored = session.proxy.scoredAccounts().filter((key) => key.startsWith('x:'));
    const expected = authors.map((a) => `x:${a.handle}`).sort();
    assert.deepEqual([...scored].sort(), expected, 'every author exactly once');
    const requests = session.proxy.sent('/api/v1/accounts/score');
    const sizes = requests.map((e) => e.request.accounts.length);
    assert.ok(Math.max(...sizes) >= 10, `lookups were batched (request sizes ${sizes})`);
    assert.ok(requests.length <= POSTS / world.timeline.pageSize,
      `at most one request per page of posts (${requests.length} requests)`);
    const logged = session.backend.scoreRequestStatuses();
    assert.equal(logged.length, requests.length, "the backend's own access log counts the same requests");
    assert.ok(logged.every((status) => status === 200));
  });

  test('reloading and scrolling through again is answered from the cache', async () => {
    const before = session.proxy.sent('/api/v1/accounts/score').length;
    await page.reload();
    await scrollUntilAllLoaded(page, 'article[data-testid="tweet"]', POSTS);
    await waitForSettledBadges(page, POSTS);
    const cached = await page.locator(BADGE).evaluateAll((hosts) => hosts.filter((h) => h.getAttribute('data-botlens-tone') !== 'offline').length);
    assert.equal(cached, POSTS);
    assert.equal(session.proxy.sent('/api/v1/accounts/score').length, before, 'a reload is answered from the cache');
  });
});

// Scenario 5: the backend stops while a page is open. New authors get grey "offline" badges, nothing is thrown
// into the page, and when the backend is back the grey badges turn into verdicts without a reload.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startSession, screenshot } from './harness/session.mjs';
import { watchPageErrors } from './harness/browser.mjs';
import { assertShowsResult } from './harness/badges.mjs';
import { badgesPerItem, scrollUntilAllLoaded, waitForSettledBadges } from './harness/timeline.mjs';
import { World } from './pages/sites.mjs';
import { crowd } from './pages/people.mjs';

const POST = 'article[data-testid="tweet"]';
const PAGE_SIZE = 20;
const authors = crowd(2 * PAGE_SIZE, 'off', 5);
const world = new World();
world.timeline = { platform: 'x', pageSize: PAGE_SIZE, posts: authors.map((author, i) => ({ author, text: `Post ${i}` })) };

/** @param {string} css a computed colour, "rgb(r, g, b)" */
function isGrey(css) {
  const [r, g, b] = (css.match(/\d+/g) || []).map(Number);
  return Math.max(r, g, b) - Math.min(r, g, b) <= 24;
}

describe('backend stopped while the page is open', { timeout: 300_000 }, () => {
  /** @type {import('./harness/session.mjs').Session} */
  let session;
  /** @type {import('playwright-core').Page} */
  let page;
  /** @type {string[]} */
  let errors;
  before(async () => {
    session = await startSession({ name: 'offline', world });
    page = await session.context.newPage();
    errors = watchPageErrors(page);
    await page.goto('https://x.com/home');
    await page.waitForSelector(POST);
    await waitForSettledBadges(page, PAGE_SIZE, { tones: ['human', 'uncertain', 'bot', 'fake'] });
  });
  after(async () => { await session?.close(); });

  test('authors that appear while it is down get grey offline badges', async () => {
    await session.backend.stop();
    await scrollUntilAllLoaded(page, POST, 2 * PAGE_SIZE);
    await waitForSettledBadges(page, PAGE_SIZE, { tones: ['offline'] });
    const items = await badgesPerItem(page, POST);
    const offline = items.filter((item) => item.badges[0]?.tone === 'offline');
    const later = new Set(authors.slice(PAGE_SIZE).map((a) => a.handle));
    assert.ok(offline.length >= PAGE_SIZE && offline.every((item) => later.has(item.author)),
      'the authors loaded after the stop are the offline ones');
    for (const item of offline) {
      assert.match(item.badges[0].word, /offline/);
      assert.match(item.badges[0].label, /not reachable|offline/i, 'the badge says why');
    }
    for (const item of items.filter((i) => !later.has(i.author))) {
      assert.notEqual(item.badges[0].tone, 'offline', 'verdicts already shown stay');
    }
    const firstOffline = page.locator(`${POST}:has-text("@${offline[0].author}") [data-botlens="badge"] button`);
    const look = await firstOffline.evaluate((b) => ({ color: getComputedStyle(b).color, background: getComputedStyle(b).backgroundColor }));
    assert.ok(isGrey(look.color) && isGrey(look.background), `offline badges are grey (${JSON.stringify(look)})`);
    await firstOffline.scrollIntoViewIfNeeded();
    await screenshot(page, 'offline-badges');
    assert.deepEqual(errors, [], 'no errors in the page');
  });

  test('when the backend is back, the offline badges recover', async () => {
    await session.backend.start();
    await waitForSettledBadges(page, 2 * PAGE_SIZE, { tones: ['human', 'uncertain', 'bot', 'fake'], timeout: 180_000 });
    const items = await badgesPerItem(page, POST);
    for (const item of items) {
      assert.equal(item.badges.length, 1);
      assertShowsResult(item.badges[0], session.proxy.resultFor('x', item.author));
    }
    await screenshot(page, 'offline-recovered');
    assert.deepEqual(errors, [], 'no errors in the page');
  });
});

// Scenario: the user switches BotLens off for X in the options page while an X tab is open. The tab's badges
// go at once and nothing more is read from it; switched back on, the tab is badged again, all without a reload.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startSession } from './harness/session.mjs';
import { openOptions } from './harness/options-page.mjs';
import { BADGE } from './harness/badges.mjs';
import { waitForSettledBadges } from './harness/timeline.mjs';
import { World } from './pages/sites.mjs';
import { crowd } from './pages/people.mjs';

const POST = 'article[data-testid="tweet"]';
const PAGE_SIZE = 10;
const world = new World();
world.timeline = { platform: 'x', pageSize: PAGE_SIZE,
  posts: crowd(PAGE_SIZE, 'sw', 11).map((author, i) => ({ author, text: `Post ${i}` })) };

describe('per-site switch on an open tab', { timeout: 180_000 }, () => {
  /** @type {import('./harness/session.mjs').Session} */
  let session;
  /** @type {import('playwright-core').Page} */
  let tab;
  before(async () => {
    session = await startSession({ name: 'site-switch', world });
    tab = await session.context.newPage();
    await tab.goto('https://x.com/home');
    await tab.waitForSelector(POST);
    await waitForSettledBadges(tab, PAGE_SIZE);
  });
  after(async () => { await session?.close(); });

  /** Sets the X switch in the options page, as a user does, and saves. @param {boolean} on */
  async function switchX(on) {
    const options = await openOptions(session.context, session.extensionId);
    await options.setChecked('#site-x', on);
    await options.click('#save');
    await options.waitForFunction(() => document.getElementById('save-status')?.getAttribute('data-ok') === 'true');
    await options.close();
  }

  test('off: the badges leave the open tab and a post that arrives is not read', async () => {
    await switchX(false);
    await tab.waitForFunction((selector) => document.querySelectorAll(selector).length === 0, BADGE);
    const before = session.backend.scoreRequestStatuses().length;
    await tab.evaluate((html) => document.getElementById('timeline').insertAdjacentHTML('beforeend', html),
      '<article data-testid="tweet" role="article"><div data-testid="User-Name"><div><a href="/switched_off_1" role="link"><span>Late</span></a></div>'
      + '<div><a href="/switched_off_1" role="link" tabindex="-1"><span>@switched_off_1</span></a></div></div></article>');
    // Longer than the rescan delay: a watcher still running would have asked about the new author by now.
    await tab.waitForTimeout(600);
    assert.equal(await tab.locator(BADGE).count(), 0);
    assert.equal(session.backend.scoreRequestStatuses().length, before, 'nothing was sent while switched off');
  });

  test('on again: every post, the one that came while off included, is badged without a reload', async () => {
    await switchX(true);
    await waitForSettledBadges(tab, PAGE_SIZE + 1);
    const handles = await tab.$$eval(`${POST} [data-testid="User-Name"]`, (blocks) => blocks
      .filter((block) => block.querySelector('[data-botlens="badge"]')).length);
    assert.equal(handles, PAGE_SIZE + 1);
  });
});

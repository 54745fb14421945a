// The toolbar popup in a real Chromium: it reports the backend and repeats, for the profile in the focused tab,
// the verdict and reasons its badge shows; on a page without a profile, or where BotLens does not run, it says so.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startSession } from './harness/session.mjs';
import { BADGE, settledBadge } from './harness/badges.mjs';
import { openPopup, popupContents } from './harness/popup.mjs';
import { World, PROFILE_URL, backendHandle } from './pages/sites.mjs';
import { fakeLike, humanLike } from './pages/people.mjs';

const world = new World();
const suspect = world.add('x', fakeLike('jfk83920174'));
const poster = world.add('x', humanLike('timeline_poster', 'Tina Poster'));
world.timeline = { platform: 'x', pageSize: 5, posts: [{ author: poster, text: 'Morning, everyone' }] };

describe('the toolbar popup', { timeout: 120_000 }, () => {
  /** @type {import('./harness/session.mjs').Session} */
  let session;
  before(async () => { session = await startSession({ name: 'popup', world }); });
  after(async () => { await session?.close(); });

  /** @param {import('playwright-core').Page} page */
  async function popupOver(page) {
    const popup = await openPopup(session, page);
    try {
      return await popupContents(popup);
    } finally {
      await popup.close();
    }
  }

  test('on a profile page it shows the backend, and the verdict and reasons of the badge on that page', async () => {
    const page = await session.context.newPage();
    await page.goto(PROFILE_URL.x(suspect.handle));
    const badge = await settledBadge(page.locator(`[data-testid="UserName"] ${BADGE}`));
    const shown = await popupOver(page);
    assert.match(shown.backend, /^Running \(BotLens \d+\.\d+\.\d+\)\.$/);
    assert.ok(shown.page.startsWith(`${suspect.handle}: `), `names the profile: "${shown.page}"`);
    assert.ok(shown.page.includes(badge.word), `the badge's word "${badge.word}" in "${shown.page}"`);
    assert.equal(shown.tone, badge.tone);
    const result = session.proxy.resultFor('x', backendHandle('x', suspect.handle));
    const expected = result.reasons.slice(0, 5).map((/** @type {any} */ reason) => reason.message);
    assert.ok(expected.length > 0, 'the backend gave reasons for a fake-looking account');
    assert.deepEqual(shown.reasons, expected);
    await page.close();
  });

  test('on a timeline it says there is no profile on screen', async () => {
    const page = await session.context.newPage();
    await page.goto('https://x.com/home');
    await settledBadge(page.locator(`article ${BADGE}`).first());
    const shown = await popupOver(page);
    assert.match(shown.page, /^No profile on screen/);
    assert.deepEqual(shown.reasons, []);
    await page.close();
  });

  test('where BotLens does not run it says so, and still reports the backend', async () => {
    const page = await session.context.newPage();
    await page.goto('about:blank');
    const shown = await popupOver(page);
    assert.equal(shown.page, 'BotLens does not run on this page.');
    assert.match(shown.backend, /^Running/);
    await page.close();
  });
});

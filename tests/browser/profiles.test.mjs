// Scenario 1: a profile page on each of the six sites gets a badge with the backend's verdict, and hovering
// the badge shows the backend's reasons.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cropTo, startSession, screenshot } from './harness/session.mjs';
import { watchPageErrors } from './harness/browser.mjs';
import { BADGE, PANEL, assertShowsResult, hoverReasons, settledBadge } from './harness/badges.mjs';
import { World, PROFILE_URL, backendHandle } from './pages/sites.mjs';
import { fakeLike, humanLike } from './pages/people.mjs';

/** Where each site's profile header is, so the badge is looked for there and nowhere else. */
const HEADER = {
  x: '[data-testid="UserName"]',
  mastodon: '.account__header h1',
  bluesky: 'div:has(> [data-testid="profileHeaderDisplayName"])',
  reddit: 'main h1',
  youtube: 'yt-page-header-renderer h1',
  instagram: 'main header section',
};

const world = new World();
// A mix of accounts that look like people and accounts that look fake, and counts each site shows its own way:
// exact (X, Reddit), rounded with the exact figure in an attribute (Mastodon, Instagram), rounded with an
// exact public API behind it (Bluesky), and only rounded (YouTube).
const ACCOUNTS = {
  x: world.add('x', fakeLike('jfk83920174')),
  mastodon: world.add('mastodon', humanLike('maria_lopez', 'María López', { followers: 12_345 })),
  bluesky: world.add('bluesky', humanLike('maria.bsky.social', 'María López', { followers: 12_345 })),
  reddit: world.add('reddit', fakeLike('Throwaway_88214', { following: 0 })),
  youtube: world.add('youtube', humanLike('cyclingmaria', 'María rides', { followers: 12_345 })),
  instagram: world.add('instagram', humanLike('maria.lopez', 'María López', { followers: 12_345 })),
};
// In-app navigation: a profile whose post links to another profile, followed without loading a new document.
const navTarget = world.add('x', humanLike('nav_target', 'Nadia Target'));
const navStart = world.add('x', fakeLike('nav_start8812', { recentPosts: [{ author: navTarget, text: 'Replying to you' }] }));

/** What the backend must have been told about each account's followers, read from that site's page or API. */
const EXPECTED_FOLLOWERS = {
  x: { followers_count: 3, counts_approximate: false },
  mastodon: { followers_count: 12_345, counts_approximate: false },
  bluesky: { followers_count: 12_345, counts_approximate: false },
  reddit: { followers_count: 3, counts_approximate: false },
  youtube: { followers_count: 12_300, counts_approximate: true },
  instagram: { followers_count: 12_345, counts_approximate: false },
};

describe('profile pages on six sites', { timeout: 240_000 }, () => {
  /** @type {import('./harness/session.mjs').Session} */
  let session;
  before(async () => { session = await startSession({ name: 'profiles', world }); });
  after(async () => { await session?.close(); });

  for (const platform of /** @type {const} */ (['x', 'mastodon', 'bluesky', 'reddit', 'youtube', 'instagram'])) {
    test(`${platform}: the profile badge shows the backend's verdict and its reasons on hover`, async () => {
      const person = ACCOUNTS[platform];
      const handle = backendHandle(platform, person.handle);
      const page = await session.context.newPage();
      const errors = watchPageErrors(page);
      await page.goto(PROFILE_URL[platform](person.handle));

      const badge = page.locator(`${HEADER[platform]} ${BADGE}`);
      const state = await settledBadge(badge);
      assert.equal(await page.locator(BADGE).count(), 1, 'one badge on a profile page, in the header');

      const sent = session.proxy.sent('/api/v1/accounts/score').flatMap((e) => e.request.accounts)
        .filter((a) => a.platform === platform && a.handle.toLowerCase() === handle.toLowerCase());
      assert.ok(sent.length >= 1, `the extension asked the backend about ${handle}`);
      const profile = sent.at(-1);
      for (const [field, value] of Object.entries(EXPECTED_FOLLOWERS[platform])) {
        assert.equal(profile[field], value, `${field} sent for ${platform}`);
      }
      assert.equal(profile.display_name ?? person.name, person.name);

      const result = session.proxy.resultFor(platform, handle);
      assertShowsResult(state, result);
      assert.notEqual(state.tone, 'offline');

      const reasons = await hoverReasons(badge);
      const expected = result.reasons.slice(0, 3).map((/** @type {any} */ r) => r.message);
      if (expected.length === 0) expected.push(state.word);
      for (const message of expected) assert.ok(reasons.includes(message), `hover shows "${message}"; got "${reasons}"`);
      // Keyboard users get the same preview on focus.
      await page.mouse.move(5, 5);
      await page.locator(PANEL).waitFor({ state: 'detached' });
      await badge.locator('button').focus();
      await page.locator(`${PANEL}[role="tooltip"]`).waitFor({ state: 'visible' });
      await screenshot(page, `profile-${platform}`, platform === 'x'
        ? { docs: 'badge-reasons', clip: await cropTo(page, '[data-app-root]', 320, 0) } : {});
      assert.deepEqual(errors, [], 'nothing went wrong in the page');
      await page.close();
    });
  }

  test('x: navigating inside the app to another profile badges the new profile, not the old one', async () => {
    const page = await session.context.newPage();
    const errors = watchPageErrors(page);
    await page.goto(PROFILE_URL.x(navStart.handle));
    const header = page.locator(`${HEADER.x} ${BADGE}`);
    assert.match((await settledBadge(header)).label, /nav_start8812/);
    await page.evaluate(() => { /** @type {any} */ (window).__sameDocument = true; });

    await page.locator(`article a[href="/${navTarget.handle}"]`).first().click();
    await page.waitForURL(PROFILE_URL.x(navTarget.handle));
    await page.waitForFunction(([selector, handle]) => {
      const hosts = [...document.querySelectorAll(selector)];
      return hosts.length === 1 && hosts[0].getAttribute('data-botlens-tone') !== 'pending'
        && (hosts[0].querySelector('button')?.getAttribute('aria-label') || '').includes(handle);
    }, [`${HEADER.x} ${BADGE}`, navTarget.handle], { timeout: 30_000 });
    assert.equal(await page.evaluate(() => /** @type {any} */ (window).__sameDocument), true, 'no document load');
    assert.equal(await page.locator(BADGE).count(), 1, 'the old profile\'s badges left with its page');
    const state = await settledBadge(page.locator(`${HEADER.x} ${BADGE}`));
    assertShowsResult(state, session.proxy.resultFor('x', navTarget.handle));
    await screenshot(page, 'profile-x-after-navigation');
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('x: the badge card shows both probabilities and sends "Report a mistake" to the backend', async () => {
    const page = await session.context.newPage();
    await page.goto(PROFILE_URL.x(ACCOUNTS.x.handle));
    const badge = page.locator(`${HEADER.x} ${BADGE}`);
    await settledBadge(badge);
    await badge.locator('button').click();
    const card = page.locator(`${PANEL}[role="dialog"]`);
    await card.waitFor({ state: 'visible' });
    const result = session.proxy.resultFor('x', ACCOUNTS.x.handle);
    const text = (await card.textContent()) || '';
    for (const p of [result.bot_probability, result.fake_follower_probability]) {
      assert.ok(text.includes(`${Math.round(p * 100)}%`), `the card shows ${p}`);
    }
    await card.locator('button[data-label="human"]').click();
    await card.locator('[role="status"]', { hasText: /sent|thank/i }).waitFor();
    const [feedback] = session.proxy.sent('/api/v1/feedback');
    assert.ok(feedback.status >= 200 && feedback.status < 300, `the backend stored it (HTTP ${feedback.status})`);
    assert.deepEqual({ platform: feedback.request.platform, handle: feedback.request.handle, label: feedback.request.label },
      { platform: 'x', handle: ACCOUNTS.x.handle, label: 'human' });
    await page.close();
  });

  test('the backend logged every scoring request the extension made, and no handle', () => {
    const statuses = session.backend.scoreRequestStatuses();
    const proxied = session.proxy.sent('/api/v1/accounts/score').map((e) => e.status);
    assert.deepEqual(statuses, proxied, "the backend's access log and the requests seen on the wire agree");
    assert.ok(statuses.every((s) => s === 200));
    const log = session.backend.log();
    for (const person of [...Object.values(ACCOUNTS), navStart, navTarget]) assert.ok(!log.includes(person.handle), 'no handle in the backend log');
  });
});

// Scenario 6: page text written to break out of markup (HTML, script tags, attribute-breaking quotes) reaches
// the extension and the backend as plain text, is shown only as text, and never runs.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startSession, screenshot } from './harness/session.mjs';
import { watchPageErrors } from './harness/browser.mjs';
import { BADGE, PANEL, hoverReasons, settledBadge } from './harness/badges.mjs';
import { World, PROFILE_URL, backendHandle } from './pages/sites.mjs';
import { HOSTILE_TEXT, humanLike, person } from './pages/people.mjs';

const world = new World();
const eve = { handle: 'eve_h4x', name: HOSTILE_TEXT.name, bio: HOSTILE_TEXT.bio };
const hostileAccount = (/** @type {string} */ handle) => person({ ...eve, handle, followers: 120, following: 90,
  posts: 300, createdAt: '2019-05-01T00:00:00Z', recentPosts: [HOSTILE_TEXT.post] });
const xEve = world.add('x', hostileAccount('eve_h4x'));
const mastodonEve = world.add('mastodon', hostileAccount('eve_h4x'));
// Reddit puts the author's name in an attribute, so a hostile name there is the adapter's own input.
const redditName = `x"><img src=x onerror="window.__botlensPwned='reddit'">`;
const redditHost = world.add('reddit', humanLike('calm_reader', 'Calm reader', {
  recentPosts: [{ author: person({ ...eve, handle: redditName, followers: 1, following: 1, posts: 1,
    createdAt: '2020-01-01T00:00:00Z' }), text: HOSTILE_TEXT.post }] }));

/** Elements the hostile text would create if parsed as markup, and anything that could run, in BotLens's elements (badges) and shadow roots (panels). @param {import('playwright-core').Page} page */
function activeContentInBotLens(page) {
  return page.evaluate(() => [...document.querySelectorAll('[data-botlens]')].flatMap((host) =>
    [...host.querySelectorAll('*'), ...(host.shadowRoot ? host.shadowRoot.querySelectorAll('*') : [])]
      .filter((el) => /^(script|img|svg|iframe|object|embed|b)$/i.test(el.tagName)
        || [...el.attributes].some((a) => /^on/i.test(a.name) || /javascript:/i.test(a.value)))
      .map((el) => el.outerHTML)));
}

/** @param {import('playwright-core').Page} page */
const pwned = (page) => page.evaluate(() => /** @type {any} */ (window).__botlensPwned ?? null);

describe('hostile page content', { timeout: 240_000 }, () => {
  /** @type {import('./harness/session.mjs').Session} */
  let session;
  before(async () => { session = await startSession({ name: 'hostile', world }); });
  after(async () => { await session?.close(); });

  for (const [platform, who] of /** @type {const} */ ([['x', xEve], ['mastodon', mastodonEve]])) {
    test(`${platform}: a bio, a name and a post full of markup stay text and never run`, async () => {
      const page = await session.context.newPage();
      const errors = watchPageErrors(page);
      await page.goto(PROFILE_URL[platform](who.handle));
      const badges = page.locator(BADGE);
      await settledBadge(badges.first());
      await page.waitForFunction(() => [...document.querySelectorAll('[data-botlens="badge"]')]
        .every((h) => h.getAttribute('data-botlens-tone') !== 'pending') && document.querySelectorAll('[data-botlens="badge"]').length >= 2);

      const sent = session.proxy.sent('/api/v1/accounts/score').flatMap((e) => e.request.accounts)
        .find((a) => a.platform === platform && a.handle === backendHandle(platform, who.handle) && a.bio);
      assert.ok(sent, 'the profile was sent with its bio');
      assert.equal(sent.bio, HOSTILE_TEXT.bio, 'the bio went to the backend as the exact text the page shows');
      assert.equal(sent.display_name, HOSTILE_TEXT.name.replace(/\s+/g, ' ').trim());

      for (const badge of await badges.all()) {
        await hoverReasons(badge);
        await badge.locator('button').click();
        await page.locator(`${PANEL}[role="dialog"]`).waitFor({ state: 'visible' });
        // Escape closes the card and focus returns to the badge, which previews its reasons again; a second
        // Escape dismisses that, as a keyboard user would.
        await page.keyboard.press('Escape');
        await page.keyboard.press('Escape');
        await page.locator(PANEL).waitFor({ state: 'detached' });
      }
      await badges.first().locator('button').click();
      await page.locator(`${PANEL}[role="dialog"]`).waitFor({ state: 'visible' });
      await screenshot(page, `hostile-${platform}`);

      assert.equal(await pwned(page), null, 'no injected script or handler ran');
      assert.deepEqual(await activeContentInBotLens(page), [], 'BotLens rendered no markup from the page');
      const bioSelector = platform === 'x' ? '[data-testid="UserDescription"]' : '.account__header__content';
      assert.equal((await page.locator(bioSelector).textContent())?.trim(), HOSTILE_TEXT.bio, 'the page itself is untouched');
      assert.deepEqual(errors, []);
      await page.close();
    });
  }

  test('reddit: an author name that breaks out of its attribute is shown as text in the badge and card', async () => {
    const page = await session.context.newPage();
    const errors = watchPageErrors(page);
    await page.goto(PROFILE_URL.reddit(redditHost.handle));
    const postBadge = page.locator(`shreddit-post ${BADGE}`);
    const state = await settledBadge(postBadge);
    assert.ok(state.label.includes(redditName), `the accessible label names the author literally: ${state.label}`);
    await postBadge.locator('button').click();
    const card = page.locator(`${PANEL}[role="dialog"]`);
    await card.waitFor({ state: 'visible' });
    assert.ok((await card.locator('h2').textContent())?.includes(redditName), 'the card title shows the name as text');
    await screenshot(page, 'hostile-reddit');
    assert.equal(await pwned(page), null);
    assert.deepEqual(await activeContentInBotLens(page), []);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('x: page CSS that restyles every element and button neither hides nor reshapes the badges', async () => {
    const page = await session.context.newPage();
    await page.goto(PROFILE_URL.x(xEve.handle));
    const badge = page.locator(BADGE).first();
    await settledBadge(badge);
    const look = () => badge.evaluate((host) => {
      const button = /** @type {HTMLElement} */ (host.querySelector('button'));
      const style = getComputedStyle(button);
      const word = getComputedStyle(button, '::after');
      return { display: getComputedStyle(host).display, buttonDisplay: style.display, fontSize: style.fontSize,
        color: style.color, visibility: style.visibility, word: word.content, width: button.getBoundingClientRect().width };
    });
    const before = await look();
    // A page's own stylesheet, as broad as CSS allows without !important: every element, every button and
    // span, pseudo-elements, and attribute selectors aimed at BotLens's own markup.
    await page.addStyleTag({ content: `* { display: none; color: rgb(255, 0, 0); font-size: 40px; visibility: hidden; }
      html, body, body * { display: block; } button, span { display: none; } *::after { content: "pwned"; }
      [data-botlens] button { font-size: 30px; color: rgb(0, 0, 255); } [data-botlens-tone] { display: none; }` });
    const after = await look();
    assert.deepEqual(after, before, 'the badge looks the same under the page\'s CSS');
    assert.notEqual(after.display, 'none');
    assert.ok(after.width > 0 && after.visibility === 'visible', 'still visible');
    assert.match(after.word, /-like|uncertain/, 'still shows its word');
    await page.close();
  });

  test('none of the hostile text reached the backend log', () => {
    const log = session.backend.log();
    for (const text of [...Object.values(HOSTILE_TEXT), redditName]) assert.ok(!log.includes(text));
    assert.ok(!log.includes('eve_h4x'));
  });
});

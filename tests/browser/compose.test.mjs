// Scenario 3: as the user types a spam-like draft, the meter warns and gives tips; editing the draft into a plain
// post clears them; and the text in the box is always exactly what was typed.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cropTo, startSession, screenshot } from './harness/session.mjs';
import { watchPageErrors, EXTENSION_DIR } from './harness/browser.mjs';
import { HIGHLIGHTS, METER, boxText, checkedDraft, meterState } from './harness/compose.mjs';
import { World } from './pages/sites.mjs';

const SPAM = 'FOLLOW BACK!!! DM me now for FREE followers 💰💰💰 http://bit.ly/3xYz http://tinyurl.com/free-f0llow '
  + '#followback #f4f #giveaway #win #free #follow';
const PLAIN = 'Lovely walk by the river this morning. The herons were back, and so was the rain.';

const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
const shipsCompose = (manifest.content_scripts || []).some((/** @type {any} */ c) => c.js.some((/** @type {string} */ f) => f.includes('compose')));
const skip = shipsCompose ? false : 'the extension has no compose check yet (no compose content script in manifest.json)';

const BOXES = [
  { platform: 'x', url: 'https://x.com/compose/post', editor: '[data-testid="tweetTextarea_0"]' },
  { platform: 'mastodon', url: 'https://mastodon.social/publish', editor: 'textarea.autosuggest-textarea__textarea' },
  { platform: 'bluesky', url: 'https://bsky.app/intent/compose', editor: '.ProseMirror[contenteditable="true"]' },
  // The title's textarea is inside the faceplate element's shadow root (the locator pierces it, focus is retargeted).
  { platform: 'reddit', url: 'https://www.reddit.com/submit', editor: 'faceplate-textarea-input textarea' },
  { platform: 'youtube', url: 'https://www.youtube.com/watch?v=abc', editor: 'ytd-commentbox #contenteditable-root' },
];

describe('compose check', { timeout: 240_000, skip }, () => {
  /** @type {import('./harness/session.mjs').Session} */
  let session;
  before(async () => { session = await startSession({ name: 'compose', world: new World() }); });
  after(async () => { await session?.close(); });

  for (const box of BOXES) {
    test(`${box.platform}: a spam-like draft warns with tips, a plain one clears them, the text stays as typed`, async () => {
      const page = await session.context.newPage();
      const errors = watchPageErrors(page);
      await page.goto(box.url);
      const editor = page.locator(box.editor);
      await editor.click();
      await page.keyboard.type(SPAM);

      const spam = await checkedDraft(page, session.proxy, box.platform, SPAM);
      assert.notEqual(spam.verdict, 'fine', 'the backend finds the draft spam-like');
      assert.ok(spam.tips.length > 0, 'and has tips for it');
      const warned = await meterState(page);
      assert.equal(warned.hidden, false);
      assert.equal(warned.verdict, spam.verdict, 'the meter shows the backend\'s verdict');
      assert.match(warned.text, new RegExp(`${Math.round(spam.spam_probability * 100)}%`));
      await page.locator(`${METER} .toggle`).click();
      const opened = await meterState(page);
      assert.deepEqual(opened.tips.map((t) => t.code), spam.tips.map((/** @type {any} */ t) => t.code), 'every tip, in order');
      assert.deepEqual(opened.tips.map((t) => t.message), spam.tips.map((/** @type {any} */ t) => t.message));
      const spanned = spam.tips.findIndex((/** @type {any} */ t) => Array.isArray(t.span));
      if (spanned >= 0) {
        await page.locator(`${METER} .tips li`).nth(spanned).hover();
        await page.locator(`${HIGHLIGHTS} .mark`).first().waitFor({ state: 'attached' });
      }
      await screenshot(page, `compose-${box.platform}-spam`, box.platform === 'x'
        ? { docs: 'compose-check', clip: await cropTo(page, '[data-app-root]', 520, 0) } : {});
      assert.equal(await boxText(editor), SPAM, 'the box holds exactly what was typed');

      await editor.click();
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.type(PLAIN);
      const plain = await checkedDraft(page, session.proxy, box.platform, PLAIN);
      assert.equal(plain.verdict, 'fine', 'the backend finds the plain post fine');
      const cleared = await meterState(page);
      assert.equal(cleared.verdict, 'fine');
      assert.deepEqual(cleared.tips.map((t) => t.code), plain.tips.map((/** @type {any} */ t) => t.code));
      assert.equal(cleared.tipsButton === null, plain.tips.length === 0, 'no tips button without tips');
      assert.equal(await page.locator(`${HIGHLIGHTS} .mark`).count(), 0, 'no highlight left on the new text');
      assert.equal(await boxText(editor), PLAIN, 'the box holds exactly what was typed');
      await screenshot(page, `compose-${box.platform}-plain`);
      assert.deepEqual(errors, []);
      await page.close();
    });
  }

  test('each check went to the backend with the draft and the platform', () => {
    const checks = session.proxy.sent('/api/v1/compose/check');
    const platforms = BOXES.map((box) => box.platform);
    assert.ok(checks.length >= 2 * BOXES.length);
    for (const check of checks) assert.ok(platforms.includes(check.request.platform));
    assert.deepEqual([...new Set(checks.map((check) => check.request.platform))].sort(), [...platforms].sort(), 'every box was checked');
    const log = session.backend.log();
    assert.ok(!log.includes('herons') && !log.includes('FOLLOW BACK'), 'no draft text in the backend log');
  });
});

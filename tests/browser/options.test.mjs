// Scenario 7: the options page's "Test connection" tells the user plainly what is wrong.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startSession, screenshot, TEST_TOKEN } from './harness/session.mjs';
import { openOptions, testConnection } from './harness/options-page.mjs';
import { freePort } from './harness/backend.mjs';
import { World } from './pages/sites.mjs';

describe('options page', { timeout: 120_000 }, () => {
  /** @type {import('./harness/session.mjs').Session} */
  let session;
  /** @type {import('playwright-core').Page} */
  let page;
  before(async () => {
    session = await startSession({ name: 'options', world: new World(), configure: false });
    page = await openOptions(session.context, session.extensionId);
  });
  after(async () => { await session?.close(); });

  test('a wrong token gets a clear message naming the token', async () => {
    await page.fill('#backend-url', session.backend.url);
    await page.fill('#token', 'not-the-right-token');
    const { ok, message } = await testConnection(page);
    await screenshot(page, 'options-wrong-token');
    assert.equal(ok, false);
    assert.match(message, /token/i);
    assert.match(message, /reject|wrong|invalid/i);
    assert.match(message, /running/i, 'it says the backend itself was reached');
    const unauthorised = session.backend.scoreRequestStatuses();
    assert.ok(unauthorised.includes(401), "the backend's log shows the rejected request");
  });

  test('the right token connects and names the backend version', async () => {
    const health = await (await fetch(`${session.backend.url}/api/v1/health`)).json();
    await page.fill('#token', TEST_TOKEN);
    const { ok, message } = await testConnection(page);
    await screenshot(page, 'options-connected');
    assert.equal(ok, true, message);
    assert.ok(message.includes(health.version), `"${message}" names version ${health.version}`);
  });

  test('a backend that is not running is told apart from a wrong token', async () => {
    await page.fill('#backend-url', `http://127.0.0.1:${await freePort()}`);
    const { ok, message } = await testConnection(page);
    assert.equal(ok, false);
    assert.match(message, /not reachable|running/i);
    assert.doesNotMatch(message, /rejected/i);
  });

  test('an http:// backend on another machine is refused before anything is sent', async () => {
    await page.fill('#backend-url', 'http://botlens.example.org:8765');
    const { ok, message } = await testConnection(page);
    assert.equal(ok, false);
    assert.match(message, /https/i);
  });
});

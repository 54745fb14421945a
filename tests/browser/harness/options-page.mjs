// The extension's options page, used the way a user uses it: open it, type, click.

/**
 * @param {import('playwright-core').BrowserContext} context @param {string} extensionId
 */
export async function openOptions(context, extensionId) {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options/options.html`);
  // The form is filled from storage after load; typing before that would be overwritten.
  await page.waitForFunction(() => /** @type {HTMLInputElement} */ (document.getElementById('backend-url')).value !== '');
  return page;
}

/**
 * Saves a backend URL and token through the options form.
 * @param {import('playwright-core').BrowserContext} context @param {string} extensionId
 * @param {{url: string, token: string}} backend
 */
export async function configureBackend(context, extensionId, { url, token }) {
  const page = await openOptions(context, extensionId);
  await page.fill('#backend-url', url);
  await page.fill('#token', token);
  await page.click('#save');
  await page.waitForFunction(() => document.getElementById('save-status')?.getAttribute('data-ok') !== null);
  const status = await page.locator('#save-status').textContent();
  if ((await page.locator('#save-status').getAttribute('data-ok')) !== 'true') {
    throw new Error(`the options page did not save the backend settings: ${status}`);
  }
  await page.close();
}

/**
 * Clicks "Test connection" with what is in the form and returns what the page said.
 * @param {import('playwright-core').Page} page an open options page
 */
export async function testConnection(page) {
  await page.click('#test-connection');
  await page.waitForFunction(() => {
    const status = document.getElementById('connection-status');
    return status && status.hasAttribute('data-ok');
  }, undefined, { timeout: 30_000 });
  const status = page.locator('#connection-status');
  return { ok: (await status.getAttribute('data-ok')) === 'true', message: (await status.textContent()) || '' };
}

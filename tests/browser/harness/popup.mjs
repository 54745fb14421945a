// The toolbar popup, opened the way a click on BotLens's toolbar button opens it: chrome.action.openPopup()
// from the extension's own service worker, over the focused tab. Playwright does not list extension popups
// among a context's pages, so the popup is read through the DevTools protocol: attached as a target, it
// answers Runtime.evaluate like any page.
import { waitFor } from './wait.mjs';

/**
 * Opens the popup over `page` and returns a function that evaluates an expression in it (by value).
 * @param {import('./session.mjs').Session} session @param {import('playwright-core').Page} page
 * @returns {Promise<{ evaluate: (expression: string) => Promise<any>, close: () => Promise<void> }>}
 */
export async function openPopup(session, page) {
  await page.bringToFront();
  await session.serviceWorker.evaluate(() => chrome.action.openPopup());
  const cdp = await session.context.newCDPSession(page);
  const popupUrl = `chrome-extension://${session.extensionId}/popup/popup.html`;
  const target = await waitFor(async () => {
    const { targetInfos } = await cdp.send('Target.getTargets');
    return targetInfos.find((/** @type {any} */ t) => t.url === popupUrl);
  }, { what: 'the popup to open' });
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
  let lastId = 0;
  /** @param {string} method @param {object} params @returns {Promise<any>} */
  const call = (method, params) => new Promise((resolve, reject) => {
    const id = ++lastId;
    const listener = (/** @type {{ sessionId: string, message: string }} */ event) => {
      const reply = JSON.parse(event.message);
      if (event.sessionId !== sessionId || reply.id !== id) return;
      cdp.off('Target.receivedMessageFromTarget', listener);
      if (reply.error) reject(new Error(reply.error.message));
      else resolve(reply.result);
    };
    cdp.on('Target.receivedMessageFromTarget', listener);
    cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(reject);
  });
  return {
    async evaluate(expression) {
      const result = await call('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true });
      if (result.exceptionDetails) throw new Error(`in the popup: ${result.exceptionDetails.text}`);
      return result.result.value;
    },
    async close() {
      await cdp.send('Target.closeTarget', { targetId: target.targetId }).catch(() => {});
      await cdp.detach().catch(() => {});
    },
  };
}

/**
 * What the popup shows once it has heard from the backend and the tab: its status lines and reasons.
 * @param {{ evaluate: (expression: string) => Promise<any> }} popup
 * @returns {Promise<{ backend: string, page: string, tone: string | null, reasons: string[] }>}
 */
export async function popupContents(popup) {
  return waitFor(() => popup.evaluate(`(() => {
    const text = (id) => document.getElementById(id).textContent.trim();
    const backend = text('backend-status');
    const page = text('page-verdict');
    if (!backend || /^Checking/i.test(backend) || !page || /^Looking/i.test(page)) return null;
    return { backend, page, tone: document.getElementById('page-verdict').getAttribute('data-tone'),
      reasons: [...document.querySelectorAll('#page-reasons li')].map((item) => item.textContent) };
  })()`), { what: 'the popup to fill in' });
}

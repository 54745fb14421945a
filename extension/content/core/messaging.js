// @ts-check
'use strict';
/**
 * Content scripts never use the network: they ask the service worker. A reply always has
 * `ok`; when the extension was reloaded under a live page (the old content script's context
 * is gone) the reply says so instead of throwing into the page.
 */
(function (BotLens) {
  /**
   * @param {{ type: string, [key: string]: unknown }} message
   * @returns {Promise<any>}
   */
  async function send(message) {
    try {
      const reply = await chrome.runtime.sendMessage(message);
      return reply ?? { ok: false, error: { kind: 'extension', message: 'No answer from the BotLens service worker.' } };
    } catch (error) {
      return { ok: false, error: { kind: 'extension', message: 'BotLens was updated or disabled; reload the page.' } };
    }
  }

  BotLens.messaging = { send };
})((globalThis.BotLens ??= {}));

// @ts-check
/**
 * Routes chrome.runtime messages to handlers by their `type`. Every feature adds its own
 * handlers file that calls router.register('feature.action', handler); a handler gets the
 * message and the sender and returns (a promise of) a plain JSON-able response.
 *
 * Responses always have `ok`: handlers return { ok: true, ... } or { ok: false, error }, and
 * a handler that throws is answered with { ok: false, error: { kind: 'internal', message } }.
 *
 * @typedef {{ type: string, [key: string]: unknown }} Message
 * @typedef {(message: any, sender: chrome.runtime.MessageSender) => unknown} Handler
 */
export class MessageRouter {
  constructor() {
    /** @type {Map<string, Handler>} */
    this.handlers = new Map();
  }

  /** @param {string} type @param {Handler} handler */
  register(type, handler) {
    if (this.handlers.has(type)) throw new Error(`handler for ${type} registered twice`);
    this.handlers.set(type, handler);
  }

  /**
   * @param {unknown} message @param {chrome.runtime.MessageSender} sender
   * @returns {Promise<unknown>}
   */
  async dispatch(message, sender) {
    const type = message && typeof message === 'object' ? /** @type {Message} */ (message).type : undefined;
    const handler = typeof type === 'string' ? this.handlers.get(type) : undefined;
    if (!handler) return { ok: false, error: { kind: 'unknown_message', message: `No handler for ${String(type)}` } };
    try {
      return await handler(message, sender);
    } catch (error) {
      if (error && typeof (/** @type {any} */ (error).toJSON) === 'function' && /** @type {any} */ (error).kind) {
        return { ok: false, error: /** @type {any} */ (error).toJSON() };
      }
      return { ok: false, error: { kind: 'internal', message: String(error && /** @type {Error} */ (error).message || error) } };
    }
  }

  /**
   * The chrome.runtime.onMessage listener: answers asynchronously through sendResponse.
   * Only messages from this extension are accepted.
   * @param {string} extensionId
   */
  listener(extensionId) {
    return (/** @type {unknown} */ message, /** @type {chrome.runtime.MessageSender} */ sender, /** @type {(r: unknown) => void} */ sendResponse) => {
      if (sender.id !== extensionId) return false;
      this.dispatch(message, sender).then(sendResponse);
      return true;
    };
  }
}

// @ts-check
/**
 * feedback.send: { type, platform, handle, label: 'bot'|'human'|'fake_follower', note? }
 *   -> { ok: true } | { ok: false, error }
 */

const LABELS = new Set(['bot', 'human', 'fake_follower']);

/**
 * @param {import('../message-router.js').MessageRouter} router
 * @param {{ client: import('../backend-client.js').BackendClient }} deps
 */
export function registerFeedbackHandlers(router, { client }) {
  router.register('feedback.send', async (message) => {
    const { platform, handle, label, note } = message;
    if (typeof platform !== 'string' || typeof handle !== 'string' || !LABELS.has(label)) {
      return { ok: false, error: { kind: 'bad_request', message: 'feedback needs platform, handle and a label of bot, human or fake_follower' } };
    }
    /** @type {{ platform: string, handle: string, label: any, note?: string }} */
    const body = { platform, handle, label };
    if (typeof note === 'string' && note.trim()) body.note = note.trim().slice(0, 1000);
    await client.sendFeedback(body);
    return { ok: true };
  });
}

// @ts-check
/**
 * accounts.score: { type, profiles: Profile[] } -> { ok: true, outcomes: ScoreOutcome[] }
 * One outcome per profile, in order (see score-queue.js for the outcome shape).
 */

export const MAX_PROFILES_PER_MESSAGE = 1000;

/**
 * @param {import('../message-router.js').MessageRouter} router
 * @param {{ queue: import('../score-queue.js').ScoreQueue, now?: () => number }} deps
 */
export function registerAccountHandlers(router, { queue, now = Date.now }) {
  router.register('accounts.score', async (message) => {
    const profiles = Array.isArray(message.profiles) ? message.profiles : null;
    if (!profiles || profiles.length > MAX_PROFILES_PER_MESSAGE) {
      return { ok: false, error: { kind: 'bad_request', message: `profiles must be a list of 1 to ${MAX_PROFILES_PER_MESSAGE} accounts` } };
    }
    const observedAt = new Date(now()).toISOString();
    const valid = profiles.filter((p) => p && typeof p.platform === 'string' && typeof p.handle === 'string' && p.handle);
    if (valid.length !== profiles.length) {
      return { ok: false, error: { kind: 'bad_request', message: 'every profile needs platform and handle' } };
    }
    const outcomes = await queue.score(valid.map((p) => ({ ...p, observed_at: p.observed_at || observedAt })));
    return { ok: true, outcomes };
  });
}

// @ts-check
import { parseBackendUrl } from '../settings.js';
import { BackendError } from '../backend-errors.js';

/**
 * backend.health: { type } -> { ok: true, health } | { ok: false, error }
 *   Health of the configured backend (status, version, model versions).
 * backend.test: { type, backendUrl, token } -> { ok, message, health? }
 *   Tries the given URL and token without saving them: reachability via /health, then the
 *   token with an authenticated request, so the user learns which of the two is wrong.
 */

/** A harmless account scored only to prove the token works. */
const PROBE_ACCOUNT = { platform: 'other', handle: 'botlens-connection-test' };

/** @param {import('../backend-client.js').Health} health */
function describeModels(health) {
  const models = Object.entries(health.models || {}).map(([name, version]) => `${name} ${version}`);
  return models.length ? `; models: ${models.join(', ')}` : '';
}

/**
 * @param {import('../message-router.js').MessageRouter} router
 * @param {{ client: import('../backend-client.js').BackendClient }} deps
 */
export function registerBackendHandlers(router, { client }) {
  router.register('backend.health', async () => ({ ok: true, health: await client.health() }));

  router.register('backend.test', async (message) => {
    const parsed = parseBackendUrl(String(message.backendUrl || ''));
    if (!parsed.ok) return { ok: false, message: parsed.message };
    const connection = { backendUrl: parsed.url, token: String(message.token || '').trim() };
    let health;
    try {
      health = await client.health(connection);
    } catch (error) {
      const text = error instanceof BackendError ? error.message : String(error);
      return { ok: false, message: `${text} Is the backend running (make serve)?` };
    }
    if (!connection.token) {
      return { ok: false, health, message: `Backend ${health.version} is running, but no token is set. Paste the token it printed.` };
    }
    try {
      await client.scoreAccounts([PROBE_ACCOUNT], connection);
    } catch (error) {
      if (error instanceof BackendError && error.kind === 'unauthorized') {
        return { ok: false, health, message: `Backend ${health.version} is running, but it rejected this token (wrong or revoked).` };
      }
      const text = error instanceof BackendError ? error.message : String(error);
      return { ok: false, health, message: `Backend ${health.version} is running, but scoring failed: ${text}` };
    }
    return { ok: true, health, message: `Connected to BotLens ${health.version}${describeModels(health)}.` };
  });
}

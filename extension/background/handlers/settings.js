// @ts-check
import { loadSettings } from '../settings.js';

/**
 * settings.site: { type, platform } -> { ok: true, enabled }
 *   Whether BotLens is switched on for a site. Content scripts ask this rather than reading
 *   storage themselves, so only extension code decides what settings mean.
 */

/**
 * @param {import('../message-router.js').MessageRouter} router
 * @param {{ storage: typeof chrome.storage.local }} deps
 */
export function registerSettingsHandlers(router, { storage }) {
  router.register('settings.site', async (message) => {
    const settings = await loadSettings(storage);
    const enabled = settings.sites[/** @type {keyof typeof settings.sites} */ (message.platform)];
    return { ok: true, enabled: enabled !== false };
  });
}

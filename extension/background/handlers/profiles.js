// @ts-check
/**
 * profile.enrich: { type, profile, instanceOrigin? } -> { ok: true, profile }
 *   Fills exact counts, creation date and the bot flag from the site's public API (Bluesky
 *   AppView; the Mastodon instance the page is on) over what the page showed. When the API
 *   is unavailable the page's profile comes back unchanged.
 */

/**
 * @param {import('../message-router.js').MessageRouter} router
 * @param {{ publicProfiles: import('../public-profiles.js').PublicProfiles }} deps
 */
export function registerProfileHandlers(router, { publicProfiles }) {
  router.register('profile.enrich', async (message) => {
    const profile = message.profile;
    if (!profile || typeof profile.handle !== 'string' || typeof profile.platform !== 'string') {
      return { ok: false, error: { kind: 'bad_request', message: 'profile.enrich needs a profile with platform and handle' } };
    }
    if (profile.platform !== 'bluesky' && profile.platform !== 'mastodon') return { ok: true, profile };
    const instanceOrigin = profile.platform === 'mastodon' && typeof message.instanceOrigin === 'string'
      ? message.instanceOrigin : undefined;
    const exact = await publicProfiles.lookup({ platform: profile.platform, handle: profile.handle, instanceOrigin });
    if (!exact) return { ok: true, profile };
    // The page's text wins for what it shows (bio as rendered); the API wins for numbers and flags.
    return { ok: true, profile: { ...exact, ...pick(profile, ['display_name', 'bio']), handle: profile.handle } };
  });
}

/** @param {Record<string, unknown>} source @param {string[]} keys */
function pick(source, keys) {
  return Object.fromEntries(keys.filter((k) => source[k] != null).map((k) => [k, source[k]]));
}

// @ts-check
// The service worker's view of what it shares with the content scripts (../shared/ttl-cache.js).
import '../shared/ttl-cache.js';

const shared = /** @type {any} */ (globalThis).BotLens;
/** @type {typeof shared.TtlCache} */
export const TtlCache = shared.TtlCache;
/** @type {(profile: Record<string, unknown>) => number} */
export const profileDetail = shared.profileDetail;

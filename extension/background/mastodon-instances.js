// @ts-check
/**
 * Mastodon runs on thousands of domains, so its content scripts are registered at runtime
 * for the instances the user added (and granted host permission for) in the options page.
 * The registration is rebuilt from settings whenever they change and on every start.
 */

export const REGISTRATION_ID = 'botlens-mastodon-instances';

/**
 * Match pattern for an instance origin. Ports are left out: Chrome match patterns match any
 * port when none is given, which covers local test instances too.
 * @param {string} origin
 */
export function instanceMatchPattern(origin) {
  const url = new URL(origin);
  return `${url.protocol}//${url.hostname}/*`;
}

/**
 * @param {{
 *   scripting: typeof chrome.scripting, permissions: typeof chrome.permissions,
 *   contentScriptFiles: string[], contentStyleFiles?: string[], staticMatches: string[],
 * }} deps
 * @param {string[]} instanceOrigins from settings
 * @returns {Promise<string[]>} the match patterns now registered
 */
export async function syncMastodonRegistration({ scripting, permissions, contentScriptFiles, contentStyleFiles = [], staticMatches }, instanceOrigins) {
  const patterns = [];
  for (const origin of instanceOrigins) {
    let pattern;
    try {
      pattern = instanceMatchPattern(origin);
    } catch {
      continue;
    }
    // The manifest's own content script already covers these hosts; registering twice would
    // inject the scripts twice.
    if (staticMatches.includes(pattern)) continue;
    if (await permissions.contains({ origins: [pattern] })) patterns.push(pattern);
  }
  const existing = await scripting.getRegisteredContentScripts({ ids: [REGISTRATION_ID] });
  if (existing.length > 0) await scripting.unregisterContentScripts({ ids: [REGISTRATION_ID] });
  if (patterns.length > 0) {
    await scripting.registerContentScripts([{
      id: REGISTRATION_ID,
      matches: patterns,
      js: contentScriptFiles,
      css: contentStyleFiles,
      runAt: 'document_idle',
      persistAcrossSessions: true,
    }]);
  }
  return patterns;
}

// @ts-check
'use strict';
/**
 * Starts the compose check on a site that has compose boxes, unless the user switched it off
 * for this site, and follows the switch (and the opt-in to remember posts) as the user changes
 * it, without a reload. Independent of the badges: either can be on without the other.
 */
(function (BotLens) {
  if (BotLens.composeStarted) return;
  BotLens.composeStarted = true;

  const adapter = BotLens.adapters.adapterForHost(location.hostname);
  if (!adapter || !BotLens.compose.editors.supports(adapter.platform)) return;
  const { send } = BotLens.messaging;
  /** The storage keys of the compose settings (background/compose-settings.js). */
  const SETTING_KEYS = ['composeSites', 'composeRecentPostsOptIn'];

  /** @type {InstanceType<typeof BotLens.compose.ComposeWatcher> | null} */
  let watcher = null;
  let settled = Promise.resolve();

  /** Asks what the settings are now and (re)starts or stops the watcher to match. */
  function followSettings() {
    settled = settled.then(async () => {
      const setting = await send({ type: 'compose.site', platform: adapter.platform });
      if (watcher) watcher.stop();
      watcher = null;
      if (!setting.ok || !setting.enabled) return;
      watcher = new BotLens.compose.ComposeWatcher({
        document, window, platform: adapter.platform, send, remember: setting.remember === true,
      });
      watcher.start();
    });
  }

  if (chrome.storage && chrome.storage.onChanged) {
    chrome.storage.onChanged.addListener((changes, area) => {
      if (area === 'local' && SETTING_KEYS.some((key) => key in changes)) followSettings();
    });
  }
  followSettings();
})((globalThis.BotLens ??= {}));

// @ts-check
'use strict';
/**
 * Starts the compose check on a site that has compose boxes, unless the user switched it off
 * for this site. Independent of the badges: either can be on without the other.
 */
(function (BotLens) {
  if (BotLens.composeStarted) return;
  BotLens.composeStarted = true;

  const adapter = BotLens.adapters.adapterForHost(location.hostname);
  if (!adapter || !BotLens.compose.editors.supports(adapter.platform)) return;
  const { send } = BotLens.messaging;

  async function start() {
    const setting = await send({ type: 'compose.site', platform: adapter.platform });
    if (!setting.ok || !setting.enabled) return;
    const watcher = new BotLens.compose.ComposeWatcher({
      document, window, platform: adapter.platform, send, remember: setting.remember === true,
    });
    watcher.start();
  }

  start();
})((globalThis.BotLens ??= {}));

// @ts-check
'use strict';
/**
 * Entry point of the content scripts (loaded last): picks the adapter for this site, and while
 * the user has the site switched on, badges the profile header and every author as the page
 * changes; switched off, the badges leave the open tab at once. Answers the popup's question
 * about the profile on screen.
 */
(function (BotLens) {
  if (BotLens.started) return;
  BotLens.started = true;

  const adapter = BotLens.adapters.adapterForHost(location.hostname);
  if (!adapter) return;
  const { send } = BotLens.messaging;

  /** The profile header on screen and its outcome, for the popup. */
  let pageProfile = /** @type {{ profile: any, outcome: any } | null} */ (null);

  chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
    if (sender.id !== chrome.runtime.id || !message || message.type !== 'page.profile') return false;
    sendResponse({ ok: true, platform: adapter.platform, profile: pageProfile && pageProfile.profile, outcome: pageProfile && pageProfile.outcome });
    return false;
  });

  /**
   * Badges this page until stop() is called: the profile header and every author, rescanned as the
   * page changes.
   * @returns {{ stop: () => void, forget: () => void }}
   */
  function badgePage() {
    let stopped = false;
    const batcher = new BotLens.AuthorBatcher({ send });
    const layer = new BotLens.BadgeLayer({
      document,
      floating: new BotLens.FloatingLayer(document),
      onFeedback: (platform, handle, label) => send({ type: 'feedback.send', platform, handle, label }),
      unobserved: (change) => watcher.unobserved(change),
      onRetryDue: () => watcher.scanNow(),
    });

    // Bluesky and Mastodon pages show less of a profile than their public APIs give.
    const enriches = adapter.platform === 'bluesky' || adapter.platform === 'mastodon';

    /** @param {any} profile */
    async function enrich(profile) {
      const reply = await send({ type: 'profile.enrich', profile, instanceOrigin: location.origin });
      return reply.ok ? reply.profile : profile;
    }

    /** @param {import('./adapters/registry.js').Sighting} sighting @param {AbortSignal} signal */
    async function badgeProfile(sighting, signal) {
      pageProfile = { profile: sighting.profile, outcome: null };
      // Without enrichment the header is queued before the scan ends, so it goes in the scan's message.
      const profile = enriches ? await enrich(sighting.profile) : sighting.profile;
      if (signal.aborted) return layer.release(sighting.anchor);
      pageProfile = { profile, outcome: null };
      const outcome = await batcher.request(profile);
      if (signal.aborted) return layer.release(sighting.anchor);
      pageProfile = { profile, outcome };
      layer.show(sighting.anchor, outcome);
      const combined = BotLens.postingPatterns && await BotLens.postingPatterns.refine({ adapter, profile, outcome, send, document, location, signal });
      if (combined && !signal.aborted) { pageProfile = { profile, outcome: combined }; layer.show(sighting.anchor, combined); }
    }

    /** @type {import('./adapters/registry.js').IsHandled} */
    const isHandled = (block, fingerprint) => layer.isHandled(block, fingerprint);

    /** @param {import('./adapters/registry.js').Sighting} sighting @param {AbortSignal} signal */
    function badgeAuthor(sighting, signal) {
      const known = batcher.known(sighting.profile);
      if (!layer.claim(sighting, known)) return;
      /** @param {any} outcome */
      const answer = (outcome) => {
        if (!stopped && (!signal.aborted || sighting.anchor.isConnected)) layer.showSoon(sighting.anchor, outcome);
      };
      if (known) answer(known);
      else batcher.ask(sighting.profile, answer);
    }

    /** @param {AbortSignal} signal @param {Node[] | null} changed the parts of the page to read, or null for all */
    function scan(signal, changed) {
      const header = !changed || BotLens.dom.mayHoldProfile(changed, adapter.profileRoot)
        ? adapter.readProfile(document, location) : null;
      if (header && layer.claim(header)) badgeProfile(header, signal);
      for (const sighting of adapter.findAuthors(changed || document, location, isHandled)) badgeAuthor(sighting, signal);
      batcher.sendQueued();
    }

    const watcher = new BotLens.PageWatcher({
      document,
      window,
      onScan: scan,
      onNavigate: () => { pageProfile = null; },
    });
    watcher.start();
    return {
      stop() {
        stopped = true;
        watcher.stop();
        layer.removeAll();
        pageProfile = null;
      },
      forget: () => batcher.forget(),
    };
  }

  /** @type {{ stop: () => void, forget: () => void } | null} */
  let badging = null;
  let settled = Promise.resolve();

  /** Starts or stops the badges as the user's switch for this site says, now and whenever it changes. */
  function followSwitch() {
    settled = settled.then(async () => {
      const setting = await send({ type: 'settings.site', platform: adapter.platform });
      const enabled = setting.ok && setting.enabled;
      if (enabled && !badging) badging = badgePage();
      else if (!enabled && badging) {
        badging.stop();
        badging = null;
      }
    });
  }

  if (chrome.storage && chrome.storage.onChanged) {
    chrome.storage.onChanged.addListener((changes, area) => {
      if (area !== 'local') return;
      if (changes.sites) followSwitch();
      // The service worker drops its scores when the backend or token changes; so do the answers kept here.
      if (badging && (changes.backendUrl || changes.token)) badging.forget();
    });
  }
  followSwitch();
})((globalThis.BotLens ??= {}));

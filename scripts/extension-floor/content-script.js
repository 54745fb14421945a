// @ts-check
'use strict';
/**
 * The floor the benchmark compares the content script with: the least any badging content script
 * must do for each post X inserts, in the same isolated world and with the same badge. It watches
 * the page, reads each new post's author block once and puts in a badge that already shows its
 * verdict. It has no scoring, messaging, cache, retries, recycled-row or navigation handling and
 * no compose watcher: everything the real content script does beyond this is its overhead.
 * Loaded only into the benchmark's copy of the extension (scripts/extension-floor/build.mjs).
 */
(() => {
  const BLOCK = 'article[data-testid="tweet"] [data-testid="User-Name"]';
  const HANDLE = /@([A-Za-z0-9_]{1,15})/;
  // The real content script's schedule: soon after a quiet spell, then at most once per throttle.
  const SOON_MS = 30;
  const THROTTLE_MS = 150;

  const badge = document.createElement('botlens-badge');
  badge.setAttribute('data-botlens', 'badge');
  badge.setAttribute('data-botlens-tone', 'human');
  const button = document.createElement('button');
  button.setAttribute('type', 'button');
  button.setAttribute('data-symbol', '●');
  button.setAttribute('data-word', 'human-like');
  badge.append(button);

  /** @type {Element[]} */
  let added = [];
  /** @type {ReturnType<typeof setTimeout> | null} */
  let timer = null;
  let lastScan = -Infinity;
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) if (node.nodeType === 1) added.push(/** @type {Element} */ (node));
    }
    if (timer === null) timer = setTimeout(scan, Math.max(SOON_MS, lastScan + THROTTLE_MS - Date.now()));
  });
  const watch = () => observer.observe(document.documentElement, { childList: true, subtree: true });

  function scan() {
    timer = null;
    lastScan = Date.now();
    const roots = added;
    added = [];
    observer.disconnect();
    for (const root of roots) {
      for (const block of root.querySelectorAll(BLOCK)) {
        const handle = HANDLE.exec(block.textContent || '');
        const nameRow = block.firstElementChild;
        if (!handle || !nameRow) continue;
        const host = /** @type {Element} */ (badge.cloneNode(true));
        /** @type {Element} */ (host.firstChild).setAttribute('aria-label', `BotLens: ${handle[1]} looks human-like`);
        nameRow.append(host);
      }
    }
    watch();
  }

  added.push(document.documentElement);
  scan();
})();

// Driving an infinite-scroll feed like a reader: scroll, wait for the next page of posts, repeat.

/**
 * Scrolls with the mouse wheel until `total` items are on the page.
 * @param {import('playwright-core').Page} page @param {string} itemSelector @param {number} total
 */
export async function scrollUntilAllLoaded(page, itemSelector, total, { timeout = 120_000 } = {}) {
  await page.waitForSelector(itemSelector, { timeout: 30_000 });
  const deadline = Date.now() + timeout;
  let count = await page.locator(itemSelector).count();
  while (count < total) {
    if (Date.now() > deadline) throw new Error(`only ${count} of ${total} items loaded after scrolling`);
    await page.mouse.move(640, 450);
    await page.mouse.wheel(0, 4000);
    // The next page arrives after the fetch the scroll triggered. A wheel that lands while the feed is still
    // loading the previous page triggers nothing (as on the real sites), so when no posts come, scroll again.
    await page.waitForFunction(([selector, seen]) => document.querySelectorAll(selector).length > seen,
      [itemSelector, count], { timeout: 5_000 }).catch(() => {});
    count = await page.locator(itemSelector).count();
  }
  return count;
}

/**
 * Waits until at least `count` badges show one of the given tones (by default: any final state).
 * @param {import('playwright-core').Page} page @param {number} count
 * @param {{timeout?: number, tones?: string[]}} [options]
 */
export async function waitForSettledBadges(page, count, { timeout = 120_000, tones } = {}) {
  await page.waitForFunction(([n, wanted]) => {
    const hosts = [...document.querySelectorAll('[data-botlens="badge"]')];
    const settled = hosts.filter((h) => {
      const tone = h.getAttribute('data-botlens-tone') || 'pending';
      return wanted ? wanted.includes(tone) : tone !== 'pending';
    });
    return settled.length >= n;
  }, /** @type {[number, string[] | null]} */ ([count, tones || null]), { timeout, polling: 250 });
}

/**
 * For each item: the author it names (first link's first path segment) and the badges inside it.
 * @param {import('playwright-core').Page} page @param {string} itemSelector
 */
export async function badgesPerItem(page, itemSelector) {
  return page.locator(itemSelector).evaluateAll((items) => items.map((item) => {
    const link = item.querySelector('a[href^="/"]');
    return {
      author: link ? decodeURIComponent((link.getAttribute('href') || '').split('/').filter(Boolean)[0] || '') : '',
      badges: [...item.querySelectorAll('[data-botlens="badge"]')].map((host) => {
        const button = host.querySelector('button');
        return { tone: host.getAttribute('data-botlens-tone'),
          word: (button && button.getAttribute('data-word')) || '',
          label: (button && button.getAttribute('aria-label')) || '' };
      }),
    };
  }));
}

// The content script's cost in a real Chromium, on the browser tests' fake X timeline (tests/browser/harness).
//
// Time: V8's sampling CPU profiler on the page (which runs the content script's isolated world too) while each
// page of 100 posts is inserted by the site's infinite scroll and its badges settle; a sample counts for the
// content script when any frame on its stack comes from chrome-extension://<id>/. Then one run more timed by a
// DevTools trace instead (scripts/extension-timing.mjs has both clocks). User Timing measures named botlens* are
// read as well, should the content script ever record its own.
// Memory: the page's JS heap after a forced GC once 1,000 posts carry badges, against the same page with the
// extension switched off for the site (the per-site switch in its settings); the difference is what the
// content script keeps. Prints progress on stderr and one JSON object on the last line of stdout.
//
// The floor: the same timeline with a copy of the extension whose only content script does the least any badging
// script must do per post (scripts/extension-floor), timed the same way; each timed run is followed by one of it,
// and the trace times it once too.
//
// --runs=N (default 3) repeats the timed run, each in a fresh browser and backend, and reports the mean over all;
// --time-only stops after the timed runs (per-page figures and the hottest places on stderr, no JSON); --delays-only
// measures only how long each page's badges take to show;
// BOTLENS_BENCH_PROFILE_DIR=<folder> keeps each page's CPU profile there (content-page-N and
// floor-page-N.cpuprofile, from the last run of each; they open in DevTools).
import { writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { startSession } from '../tests/browser/harness/session.mjs';
import { scrollUntilAllLoaded, waitForSettledBadges } from '../tests/browser/harness/timeline.mjs';
import { World } from '../tests/browser/pages/sites.mjs';
import { crowd } from '../tests/browser/pages/people.mjs';
import { buildFloorExtension } from './extension-floor/build.mjs';
import { ProfilerClock, TraceClock, hottest, STEADY_SAMPLE_MS } from './extension-timing.mjs';

const POSTS = 1000;
const PAGE = 100;
const AUTHORS = 500; // each author twice: the second time the extension's cache answers, as on a real feed
const ITEM = 'article[data-testid="tweet"]';
const log = (/** @type {string} */ line) => process.stderr.write(`${line}\n`);
/** A folder to keep each page's raw CPU profile in (.cpuprofile, for DevTools), when the environment names one. */
const PROFILE_DIR = process.env.BOTLENS_BENCH_PROFILE_DIR || '';
/** --time-only: the content script's time alone (no run with the extension off, no memory figures). */
const TIME_ONLY = process.argv.includes('--time-only');
/** --delays-only: only how long each page's badges take to show. */
const DELAYS_ONLY = process.argv.includes('--delays-only');

const authors = crowd(AUTHORS, 'bn', 20261124);
const world = new World();
world.timeline = { platform: 'x', pageSize: PAGE,
  posts: Array.from({ length: POSTS }, (_, i) => ({ author: authors[(i * 7) % AUTHORS], text: `Bench post ${i}` })) };

/** @param {import('playwright-core').CDPSession} cdp */
async function heapAfterGc(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = await cdp.send('Runtime.getHeapUsage');
  return usage.usedSize / (1024 * 1024);
}

/** @param {number[]} values */
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * Loads the timeline and scrolls it to 1,000 posts, timing each page of 100 after the first.
 * @param {import('../tests/browser/harness/session.mjs').Session} session @param {boolean} badges
 * @param {{ kept?: string, Clock?: typeof ProfilerClock | typeof TraceClock }} [how] kept: the name each kept
 *   profile starts with ("content" or "floor"); Clock: how each page is timed (the sampling profiler unless told)
 */
async function runTimeline(session, badges, { kept = 'content', Clock = ProfilerClock } = {}) {
  const page = await session.context.newPage();
  const cdp = await session.context.newCDPSession(page);
  const clock = new Clock(cdp, `chrome-extension://${session.extensionId}/`);
  await page.goto('https://x.com/home');
  await page.waitForSelector(ITEM);
  if (badges) await waitForSettledBadges(page, PAGE);
  await clock.prepare();
  await cdp.send('HeapProfiler.enable');
  const heapStart = await heapAfterGc(cdp);
  /** @type {any[]} */
  const perPage = [];
  for (let shown = 2 * PAGE; shown <= POSTS; shown += PAGE) {
    await clock.start();
    await scrollUntilAllLoaded(page, ITEM, shown);
    if (badges) await waitForSettledBadges(page, shown);
    // Let the throttled rescans that follow the last badge run before stopping the clock.
    await page.waitForTimeout(400);
    const { profile, ...time } = /** @type {any} */ (await clock.stop());
    if (PROFILE_DIR && badges && profile) {
      mkdirSync(PROFILE_DIR, { recursive: true });
      writeFileSync(path.join(PROFILE_DIR, `${kept}-page-${shown / PAGE}.cpuprofile`), JSON.stringify(profile));
    }
    perPage.push(time);
  }
  const heapEnd = await heapAfterGc(cdp);
  const posts = await page.locator(ITEM).count();
  const badgeCount = await page.locator('[data-botlens="badge"]').count();
  // A virtualised feed drops posts that scrolled far away; what the extension still holds afterwards is
  // either bounded caches or a leak.
  await page.evaluate((selector) => document.querySelectorAll(selector).forEach((node) => node.remove()), ITEM);
  await page.waitForTimeout(600);
  const heapAfterRemoval = await heapAfterGc(cdp);
  const marks = await page.evaluate(() => performance.getEntriesByType('measure')
    .filter((entry) => /^botlens/i.test(entry.name)).reduce((sum, entry) => sum + entry.duration, 0));
  await page.close();
  return { perPage, heapStart, heapEnd, heapAfterRemoval, marks, posts, badgeCount };
}

/** @param {import('../tests/browser/harness/session.mjs').Session} session @param {boolean} enabled */
async function setSiteEnabled(session, enabled) {
  await session.serviceWorker.evaluate(async (on) => {
    const { sites } = await chrome.storage.local.get('sites');
    await chrome.storage.local.set({ sites: { ...(sites || {}), x: on } });
  }, enabled);
}

/**
 * How long readers wait for badges: from a page of posts going in until each of its posts shows its answer,
 * read in the page's own world (a MutationObserver; no profiler running), once per page of 100 posts.
 * @param {import('../tests/browser/harness/session.mjs').Session} session @returns {Promise<number[]>} ms per page
 */
async function badgeDelays(session) {
  const page = await session.context.newPage();
  await page.goto('https://x.com/home');
  await page.waitForSelector(ITEM);
  await waitForSettledBadges(page, PAGE);
  await page.evaluate((item) => {
    const settled = '[data-botlens="badge"]:not([data-botlens-tone="pending"])';
    /** @type {number | null} */
    let since = null;
    const delays = /** @type {number[]} */ ([]);
    Object.defineProperty(window, 'badgeDelays', { value: delays });
    new MutationObserver((records) => {
      const now = performance.now();
      if (since === null && records.some((r) => [...r.addedNodes].some((n) => n.nodeType === 1 && /** @type {Element} */ (n).matches(item)))) since = now;
      if (since !== null && document.querySelectorAll(settled).length >= document.querySelectorAll(item).length) {
        delays.push(now - since);
        since = null;
      }
    }).observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-botlens-tone'] });
  }, ITEM);
  for (let shown = 2 * PAGE; shown <= POSTS; shown += PAGE) {
    await scrollUntilAllLoaded(page, ITEM, shown);
    await waitForSettledBadges(page, shown);
  }
  const delays = await page.evaluate(() => /** @type {any} */ (window).badgeDelays.slice());
  await page.close();
  return delays;
}

/** Timed runs, each in a fresh browser and backend: on two cores one run's figure swings by a third. */
const RUNS = Math.max(1, Number((process.argv.find((arg) => arg.startsWith('--runs=')) || '--runs=3').slice(7)));

/** @param {number[]} values */
const meanOf = (values) => values.reduce((sum, v) => sum + v, 0) / values.length;

/**
 * Runs the timeline with the extension on in a fresh session; the last run also measures memory against
 * the same timeline with the extension switched off.
 * @param {number} run @returns {Promise<{ on: any, off: any }>}
 */
async function timedRun(run) {
  const session = await startSession({ name: 'bench-extension', world });
  try {
    log(`run ${run} of ${RUNS}: timeline with the extension on ...`);
    const on = await runTimeline(session, true);
    const perHundred = on.perPage.map((/** @type {any} */ p) => p.extension);
    log(`per page: ${perHundred.map((v) => v.toFixed(1)).join(', ')} ms; mean ${meanOf(perHundred).toFixed(2)} ms; median ${median(perHundred).toFixed(2)} ms`);
    if (TIME_ONLY || run < RUNS) return { on, off: null };
    log('the same timeline with the extension switched off for x.com ...');
    await setSiteEnabled(session, false);
    const off = await runTimeline(session, false);
    await setSiteEnabled(session, true);
    return { on, off };
  } finally {
    await session.close();
  }
}

/**
 * One timeline's clock readings per page of 100 posts, in a fresh session of its own: the floor's, or with
 * TraceClock either extension's.
 * @param {{ label: string, extensionDir?: string, kept?: string, Clock?: typeof ProfilerClock | typeof TraceClock }} how
 * @returns {Promise<any[]>} each page's { extension, ... } as the clock gives it
 */
async function pageTimes({ label, extensionDir, kept = 'floor', Clock = ProfilerClock }) {
  const session = await startSession({ name: 'bench-extension-pages', world, extensionDir });
  try {
    const { perPage } = await runTimeline(session, true, { kept, Clock });
    const times = perPage.map((/** @type {any} */ p) => p.extension);
    log(`${label} per page: ${times.map((v) => v.toFixed(1)).join(', ')} ms; mean ${meanOf(times).toFixed(2)} ms`);
    return perPage;
  } finally {
    await session.close();
  }
}

/** What splitByAuthors's two parts hold, as the table names them. */
const AUTHOR_PAGES = { fresh: 'new authors (pages 2-5)', known: 'known authors (pages 6-10)' };

/**
 * @template T @param {T[]} pages one value per page of 100, pages 2-10 @returns {{ fresh: T[], known: T[] }}
 */
function splitByAuthors(pages) {
  // Pages 2-5 bring authors not seen yet (a message to the backend); pages 6-10 the same authors again.
  const firstKnown = AUTHORS / PAGE - 1;
  return { fresh: pages.slice(0, firstKnown), known: pages.slice(firstKnown) };
}

/**
 * The traced thread time of some pages, per page: in all, and the callbacks that took most, "callback ms".
 * @param {any[]} pages TraceClock readings
 */
function tracedPerPage(pages) {
  /** @type {Record<string, number>} */
  const total = {};
  for (const page of pages) for (const [callback, ms] of Object.entries(page.byCallback)) total[callback] = (total[callback] || 0) + ms;
  const top = Object.entries(total).sort((a, b) => b[1] - a[1]).slice(0, 4)
    .map(([callback, ms]) => `${callback} ${(ms / pages.length).toFixed(2)}`);
  return { mean: meanOf(pages.map((p) => p.extension)), top };
}

/** @returns {Promise<{ fresh: number[], known: number[] }>} */
async function measureDelays() {
  const session = await startSession({ name: 'bench-extension-delays', world });
  try {
    const { fresh, known } = splitByAuthors(await badgeDelays(session));
    log(`badges shown after: new authors ${fresh.map((v) => v.toFixed(0)).join(', ')} ms; known ${known.map((v) => v.toFixed(0)).join(', ')} ms`);
    return { fresh, known };
  } finally {
    await session.close();
  }
}

async function main() {
  if (DELAYS_ONLY) {
    await measureDelays();
    return;
  }
  const runs = [];
  /** @type {any[][]} */
  const floorRuns = [];
  /** @type {{ content: any[], floor: any[] }} TraceClock readings per page */
  const traced = { content: [], floor: [] };
  const floor = buildFloorExtension();
  try {
    for (let run = 1; run <= RUNS; run += 1) {
      runs.push(await timedRun(run));
      // Alternated with the timed runs, so both see the machine in the same state.
      floorRuns.push(await pageTimes({ label: 'floor', extensionDir: floor.dir }));
    }
    // The second clock, once each: agreeing with the first, it shows the figure is not the profiler's own cost.
    traced.content = await pageTimes({ label: 'traced content script', kept: 'content', Clock: TraceClock });
    traced.floor = await pageTimes({ label: 'traced floor', extensionDir: floor.dir, Clock: TraceClock });
  } finally {
    floor.remove();
  }
  const floorMean = meanOf(floorRuns.flat().map((p) => p.extension));
  const floorSteady = meanOf(floorRuns.flat().map((p) => p.steady));
  const pages = runs.flatMap(({ on }) => on.perPage);
  const perHundred = pages.map((p) => p.extension);
  // Total over the runs divided by the pages: a page whose posts arrived just outside its own window (the
  // feed loaded it early) shows 0 and its neighbour twice as much, which moves a median but not this.
  const mean = meanOf(perHundred);
  const runMeans = runs.map(({ on }) => meanOf(on.perPage.map((/** @type {any} */ p) => p.extension)));
  const steady = meanOf(pages.map((p) => p.steady));
  log(`mean over ${runs.length} runs: ${mean.toFixed(2)} ms (runs ${runMeans.map((v) => v.toFixed(2)).join(', ')}); floor ${
    floorMean.toFixed(2)} ms, ratio ${(mean / floorMean).toFixed(2)}`);
  log(`samples counted at most ${STEADY_SAMPLE_MS} ms: content script ${steady.toFixed(2)} ms, floor ${floorSteady.toFixed(2)} ms`);
  const tracedMean = { content: meanOf(traced.content.map((p) => p.extension)), floor: meanOf(traced.floor.map((p) => p.extension)) };
  log(`traced: content script ${tracedMean.content.toFixed(2)} ms, floor ${tracedMean.floor.toFixed(2)} ms per page`);
  const tracedBy = { content: splitByAuthors(traced.content), floor: splitByAuthors(traced.floor) };
  const tracedKinds = /** @type {const} */ (['fresh', 'known']).map((kind) => ({
    kind, content: tracedPerPage(tracedBy.content[kind]), floor: tracedPerPage(tracedBy.floor[kind]),
  }));
  for (const { kind, content, floor: floorTraced } of tracedKinds) {
    log(`traced, pages of ${AUTHOR_PAGES[kind]}: content script ${content.mean.toFixed(2)} ms (${content.top.join('; ')}), floor ${
      floorTraced.mean.toFixed(2)} ms (${floorTraced.top.join('; ')})`);
  }
  log(`where, summed over ${pages.length} pages:\n  ${hottest(pages, 20).join('\n  ')}`);
  if (TIME_ONLY) return;
  const delays = await measureDelays();
  const { on, off } = runs[runs.length - 1];
  const retained = (on.heapEnd - on.heapStart) - (off.heapEnd - off.heapStart);
  const metrics = [
    { label: `content script time per 100 inserted posts (mean over pages 2-10 of ${runs.length} runs)`, value: mean, unit: 'ms',
      target: 2.0, note: `CPU-profile samples with an extension frame, over pages 2-10 of 100 posts; runs (each a fresh browser) ${
        runMeans.map((v) => v.toFixed(2)).join(', ')} ms; page's own script time with the extension off: ${
        median(off.perPage.map((/** @type {any} */ p) => p.busy)).toFixed(1)} ms per page` },
    { label: 'the floor per 100 inserted posts (mean over pages 2-10, same runs)', value: floorMean, unit: 'ms',
      note: `a content script that only finds each new post's author block and puts in a finished badge (scripts/extension-floor), ${
        ''}timed the same way, one run after each timed run: ${floorRuns.map((times) => meanOf(times.map((p) => p.extension)).toFixed(2)).join(', ')} ms` },
    { label: `content script time per 100 inserted posts, each sample counted at most ${STEADY_SAMPLE_MS} ms (same pages)`,
      value: steady, unit: 'ms', note: `a longer gap is either the renderer preempted (not the script's time) or the sampler ${
        ''}starved while the script ran (its time); this drops both, the row above counts both; the floor counted the same way: ${
        floorSteady.toFixed(2)} ms, ratio ${(steady / floorSteady).toFixed(2)}` },
    { label: 'content script overhead vs the floor', value: mean / floorMean, unit: 'x',
      note: 'what scoring, caching, batching, retries, recycled rows, navigation and the compose watcher add to the DOM work itself' },
    { label: 'content script thread time per 100 inserted posts, DevTools trace (mean over pages 2-10, one run)',
      value: tracedMean.content, unit: 'ms', target: 2.0,
      note: `FunctionCall events whose script is the extension's (its observer, timer, microtask and event callbacks), ${
        ''}thread time; the floor timed the same way: ${tracedMean.floor.toFixed(2)} ms, ratio ${
        (tracedMean.content / tracedMean.floor).toFixed(2)}` },
    ...tracedKinds.map(({ kind, content, floor: floorTraced }) => ({
      label: `content script thread time per 100 inserted posts, pages of ${AUTHOR_PAGES[kind]}`,
      value: content.mean, unit: 'ms',
      note: `same trace; callbacks, ms per page: ${content.top.join('; ')}; the floor ${floorTraced.mean.toFixed(2)} ms (${floorTraced.top.join('; ')})`,
    })),
    { label: 'content script time per 100 inserted posts (median page)', value: median(perHundred), unit: 'ms' },
    { label: 'content script time per 100 inserted posts (worst page)', value: Math.max(...perHundred), unit: 'ms',
      note: `where (innermost extension frame > running function; steady samples), summed over ${pages.length} pages: ${hottest(pages).join('; ')
      }; time inside the adapter's findAuthors per page, last run: ${on.perPage.map((/** @type {any} */ p) => p.scanning.toFixed(1)).join(', ')} ms` },
    { label: 'time until a page of 100 posts by new authors shows every badge (median of pages 2-5)', value: median(delays.fresh),
      unit: 'ms', note: `from the posts going in to the last answer shown, in the page's own world, one run: ${
        delays.fresh.map((v) => v.toFixed(0)).join(', ')} ms (the scan's throttle, the message, the backend request)` },
    { label: 'time until a page of 100 posts by known authors shows every badge (median of pages 6-10)', value: median(delays.known),
      unit: 'ms', note: `answers kept in the tab: ${delays.known.map((v) => v.toFixed(0)).join(', ')} ms` },
    { label: 'page JS heap kept by the extension after 1,000 posts', value: retained, unit: 'MiB',
      note: `after GC: growth ${(on.heapEnd - on.heapStart).toFixed(2)} MiB with the extension, ${
        (off.heapEnd - off.heapStart).toFixed(2)} MiB with it off (${on.posts} posts, ${on.badgeCount} badges); the service worker's heap is not included` },
    { label: 'page JS heap after 1,000 posts, extension on', value: on.heapEnd, unit: 'MiB',
      note: `extension off: ${off.heapEnd.toFixed(2)} MiB` },
    { label: 'page JS heap the extension still holds once the 1,000 posts are removed', unit: 'MiB',
      value: (on.heapAfterRemoval - on.heapStart) - (off.heapAfterRemoval - off.heapStart),
      note: `after GC, against the start of the run: ${(on.heapAfterRemoval - on.heapStart).toFixed(2)} MiB with the ${
        ''}extension, ${(off.heapAfterRemoval - off.heapStart).toFixed(2)} MiB with it off; near 0 means nothing grows ${
        ''}with posts beyond bounded caches` },
  ];
  if (on.marks > 0) {
    metrics.push({ label: 'botlens User Timing measures, total over 1,000 posts', value: on.marks, unit: 'ms' });
  }
  process.stdout.write(`${JSON.stringify({ metrics })}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error && error.stack ? error.stack : error}\n`);
  process.exit(1);
});

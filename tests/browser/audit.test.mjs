// Scenario 4: a follower audit on the Mastodon-style site. The extension pages through 1,000 followers on the
// instance's public API, shows its progress, and opens a report with the fake share, its interval, a histogram
// and exports, all matching what the backend computed.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cropTo, startSession, screenshot } from './harness/session.mjs';
import { watchPageErrors, EXTENSION_DIR } from './harness/browser.mjs';
import { BADGE, PANEL, settledBadge } from './harness/badges.mjs';
import { waitFor } from './harness/wait.mjs';
import { World, PROFILE_URL } from './pages/sites.mjs';
import { crowd, humanLike } from './pages/people.mjs';

const FOLLOWERS = 1000;
const MASTODON_PAGE = 80; // the most followers Mastodon's API returns per page
const world = new World();
const anna = world.add('mastodon', humanLike('anna_reads', 'Anna Reads', { followers: FOLLOWERS }));
world.followersOf[anna.handle] = crowd(FOLLOWERS, 'fol', 42);

// Bluesky: cursor paging on the public AppView, then profile details in batches.
const BLUESKY_FOLLOWERS = 250;
const BLUESKY_PAGE = 100; // getFollowers' largest page
const ben = world.add('bluesky', humanLike('ben.bsky.social', 'Ben', { followers: BLUESKY_FOLLOWERS }));
world.followersOf[ben.handle] = crowd(BLUESKY_FOLLOWERS, 'bf', 7).map((p) => ({ ...p, handle: `${p.handle}.bsky.social` }));

const shipsAudit = existsIn(EXTENSION_DIR, 'content/audit/collect-followers.js');
const skip = shipsAudit ? false : 'the extension has no follower audit yet (no content/audit/collect-followers.js)';

/** @param {string} dir @param {string} file */
function existsIn(dir, file) {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  return (manifest.content_scripts || []).some((/** @type {any} */ c) => c.js.includes(file));
}

/** Every "12.3%" in a text, as numbers. @param {string} text */
const percents = (text) => [...text.matchAll(/(\d+(?:\.\d+)?)\s*%/g)].map((m) => Number(m[1]));

describe('follower audit on Mastodon', { timeout: 300_000, skip }, () => {
  /** @type {import('./harness/session.mjs').Session} */
  let session;
  /** @type {import('playwright-core').Page} */
  let report;
  /** @type {any} */
  let audit;
  /** @type {string[]} */
  let progress = [];
  before(async () => { session = await startSession({ name: 'audit', world }); });
  after(async () => { await session?.close(); });

  test('"Audit followers" on the badge card pages the followers with visible progress', async () => {
    const page = await session.context.newPage();
    const errors = watchPageErrors(page);
    await page.goto(PROFILE_URL.mastodon(anna.handle));
    const badge = page.locator(`.account__header h1 ${BADGE}`);
    await settledBadge(badge);
    await badge.locator('button').click();
    const auditButton = page.locator(`${PANEL}[role="dialog"] button[data-action="audit-followers"]`);
    const opened = session.context.waitForEvent('page', { predicate: (p) => p.url().includes('/audit/report.html') });
    await auditButton.click();
    report = await opened;
    const reportErrors = watchPageErrors(report);

    // While the pages come in, the report shows how many followers were collected so far.
    await report.waitForFunction(() => {
      const bar = /** @type {HTMLProgressElement | null} */ (document.querySelector('#audit-progress'));
      return document.body.dataset.status === 'collecting' && bar && bar.value > 0 && bar.value < bar.max;
    }, undefined, { timeout: 60_000, polling: 'raf' });
    progress.push((await report.locator('#audit-status').textContent()) || '');
    await screenshot(report, 'audit-progress');
    await report.waitForFunction(() => document.body.dataset.status === 'done' || document.body.dataset.status === 'error',
      undefined, { timeout: 240_000 });
    assert.equal(await report.getAttribute('body', 'data-status'), 'done', await report.locator('#audit-error-message').textContent() || '');
    assert.match(progress[0], /\d+ followers of 1,000/);
    assert.deepEqual(errors, []);
    assert.deepEqual(reportErrors, []);
  });

  test('every follower was fetched over paged API calls and sent to the backend once', async () => {
    const pages = session.sites.requestsTo('mastodon.social', '/api/v1/accounts/').filter((r) => r.path.includes('/followers'));
    assert.equal(pages.length, Math.ceil(FOLLOWERS / MASTODON_PAGE), 'one request per page of 80');
    const audits = session.proxy.sent('/api/v1/followers/audit');
    assert.equal(audits.length, 1);
    audit = audits[0];
    assert.equal(audit.status, 200);
    const sent = audit.request.followers.map((/** @type {any} */ f) => f.handle);
    assert.equal(new Set(sent).size, FOLLOWERS);
    assert.deepEqual(new Set(sent), new Set(world.followersOf[anna.handle].map((p) => `${p.handle}@mastodon.social`)));
    assert.equal(audit.request.sampling, 'recent', 'Mastodon lists newest followers first');
  });

  test('the report shows the backend\'s fake share, its interval, the histogram and the sampling note', async () => {
    const r = audit.response;
    const [fake] = percents((await report.locator('#fake-share').textContent()) || '');
    assert.ok(Math.abs(fake - 100 * r.fake_share) <= 0.51, `fake share ${fake}% is the backend's ${r.fake_share}`);
    const interval = percents((await report.locator('#fake-share-ci').textContent()) || '').slice(-2);
    assert.equal(interval.length, 2);
    interval.forEach((value, i) => assert.ok(Math.abs(value - 100 * r.fake_share_ci95[i]) <= 0.51, `interval bound ${value}%`));
    const bars = await report.locator('#histogram svg rect.bar').evaluateAll((rects) => rects.map((x) => Number(x.getAttribute('data-count'))));
    assert.deepEqual(bars, r.histogram.counts, 'one bar per bin, with the backend\'s counts');
    assert.equal(bars.reduce((a, b) => a + b, 0), r.n_scored);
    assert.equal(r.n_scored, FOLLOWERS);
    const notes = (await report.locator('#notes').textContent()) || '';
    assert.match(notes, /recent|newest/i, 'the report says how the followers were sampled');
    await report.locator('#audit-results').scrollIntoViewIfNeeded();
    await screenshot(report, 'audit-report', { docs: 'follower-audit', clip: await cropTo(report, '#audit-results', 600) });
  });

  test('the report exports as JSON and CSV with the same figures', async () => {
    const json = await download(report, '#export-json');
    const exported = JSON.parse(json);
    assert.equal(exported.report.fake_share, audit.response.fake_share);
    assert.deepEqual(exported.report.histogram, audit.response.histogram);
    const csv = await download(report, '#export-csv');
    assert.match(csv, /fake_share/);
    assert.ok(csv.includes(String(audit.response.fake_share)), 'the CSV has the fake share');
    const followers = await download(report, '#export-followers-csv');
    assert.equal(followers.trim().split('\n').length, FOLLOWERS + 1, 'a header and one row per follower');
  });
});

describe('follower audit on Bluesky', { timeout: 300_000, skip }, () => {
  /** @type {import('./harness/session.mjs').Session} */
  let session;
  before(async () => { session = await startSession({ name: 'audit-bluesky', world }); });
  after(async () => { await session?.close(); });

  test('the followers come over cursor-paged AppView calls and every one is audited', async () => {
    const page = await session.context.newPage();
    await page.goto(PROFILE_URL.bluesky(ben.handle));
    const badge = page.locator(`div:has(> [data-testid="profileHeaderDisplayName"]) ${BADGE}`);
    await settledBadge(badge);
    await badge.locator('button').click();
    const opened = session.context.waitForEvent('page', { predicate: (p) => p.url().includes('/audit/report.html') });
    await page.locator(`${PANEL}[role="dialog"] button[data-action="audit-followers"]`).click();
    const report = await opened;
    await report.waitForFunction(() => ['done', 'error'].includes(document.body.dataset.status || ''), undefined, { timeout: 240_000 });
    assert.equal(await report.getAttribute('body', 'data-status'), 'done', await report.locator('#audit-error-message').textContent() || '');

    const pages = session.sites.requestsTo('public.api.bsky.app', '/xrpc/app.bsky.graph.getFollowers');
    assert.equal(pages.length, Math.ceil(BLUESKY_FOLLOWERS / BLUESKY_PAGE));
    const [exchange] = session.proxy.sent('/api/v1/followers/audit');
    const sent = new Set(exchange.request.followers.map((/** @type {any} */ f) => f.handle));
    assert.deepEqual(sent, new Set(world.followersOf[ben.handle].map((p) => p.handle)));
    assert.equal(exchange.response.n_scored, BLUESKY_FOLLOWERS);
    assert.ok(exchange.request.followers.every((/** @type {any} */ f) => Number.isInteger(f.followers_count)),
      'each follower carries the counts the profile lookups added');
    const [fake] = percents((await report.locator('#fake-share').textContent()) || '');
    assert.ok(Math.abs(fake - 100 * exchange.response.fake_share) <= 0.51);
  });
});

/** Clicks an export button and returns the downloaded file's text. @param {import('playwright-core').Page} page @param {string} button */
async function download(page, button) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
  const path = await waitFor(() => file.path(), { what: 'the download to finish' });
  return readFileSync(path, 'utf8');
}

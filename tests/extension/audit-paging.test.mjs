// Paging followers through the public APIs: Link headers, cursors, the limit, stop and cancel, 429s.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FollowerPager, rateLimitDelayMs, clampLimit, DEFAULT_FOLLOWER_LIMIT } from '../../extension/background/follower-paging.js';
import { parseLinkHeader } from '../../extension/background/link-header.js';
import { fakeMastodon, fakeBluesky, recordingSleep } from './helpers/fake-social-apis.mjs';

const ORIGIN = 'https://mastodon.example';
const never = () => new AbortController().signal;

test('parseLinkHeader: rel values quoted or not, several links, several rels, odd spacing', () => {
  const header = '<https://m.example/api/v1/accounts/1/followers?max_id=7>; rel="next", '
    + '<https://m.example/api/v1/accounts/1/followers?since_id=9>;rel=prev,'
    + '<https://m.example/x?a=1,2>; title="a, b; c"; rel="alternate  self"';
  assert.deepEqual(parseLinkHeader(header), {
    next: 'https://m.example/api/v1/accounts/1/followers?max_id=7',
    prev: 'https://m.example/api/v1/accounts/1/followers?since_id=9',
    alternate: 'https://m.example/x?a=1,2',
    self: 'https://m.example/x?a=1,2',
  });
  assert.deepEqual(parseLinkHeader(null), {});
  assert.deepEqual(parseLinkHeader('<https://m.example/a>; title="no rel"'), {});
});

test('Mastodon: follows rel="next" until the list ends, 80 a page, every follower once, newest first', async () => {
  const api = fakeMastodon({ followers: 250 });
  const { sleep, waits } = recordingSleep();
  const progress = [];
  const pager = new FollowerPager({ fetch: api.fetch, sleep, paceMs: 300 });
  const page = await pager.mastodon({ origin: ORIGIN, acct: 'owner@mastodon.example', limit: 2000, signal: never(),
    onProgress: (p) => progress.push(p.seen) });
  assert.equal(page.followers.length, 250);
  assert.equal(page.complete, true);
  assert.deepEqual(page.followers.slice(0, 3).map((f) => f.handle), ['f0@remote.example', 'f1@mastodon.example', 'f2@mastodon.example']);
  assert.equal(new Set(page.followers.map((f) => f.handle)).size, 250);
  const listing = api.requests.filter((u) => u.pathname.endsWith('/followers'));
  assert.equal(listing.length, 4, '250 followers at 80 a page');
  assert.ok(listing.every((u) => u.searchParams.get('limit') === '80'));
  assert.equal(api.requests[0].searchParams.get('acct'), 'owner', 'local account looked up without its domain');
  assert.deepEqual(progress, [0, 80, 160, 240, 250]);
  assert.deepEqual(waits, [300, 300, 300, 300], 'paced between requests, not before the first');
  assert.equal(page.account.followers_count, 250);
});

test('Mastodon: stops at the limit and says the list was not complete', async () => {
  const api = fakeMastodon({ followers: 500 });
  const pager = new FollowerPager({ fetch: api.fetch, sleep: recordingSleep().sleep });
  const page = await pager.mastodon({ origin: ORIGIN, acct: 'owner', limit: 100, signal: never() });
  assert.equal(page.followers.length, 100);
  assert.equal(page.complete, false);
  assert.equal(api.requests.filter((u) => u.pathname.endsWith('/followers')).length, 2, 'no page fetched past the limit');
});

test('Mastodon: a next link to another host is not followed', async () => {
  const api = fakeMastodon({ followers: 200, nextLinkHost: 'evil.example' });
  const pager = new FollowerPager({ fetch: api.fetch, sleep: recordingSleep().sleep });
  const page = await pager.mastodon({ origin: ORIGIN, acct: 'owner', limit: 2000, signal: never() });
  assert.equal(page.followers.length, 80);
  assert.ok(api.requests.every((u) => u.host === 'mastodon.example'));
});

test('Mastodon: 429 waits for Retry-After, then goes on; without it the waits double', async () => {
  const limited = new Set([3, 4]);
  const api = fakeMastodon({ followers: 200, rateLimit: (n) => (limited.has(n)
    ? new Response('{}', { status: 429, headers: n === 3 ? { 'Retry-After': '7' } : {} }) : null) });
  const { sleep, waits } = recordingSleep();
  const pager = new FollowerPager({ fetch: api.fetch, sleep, paceMs: 100, initialBackoffMs: 1000 });
  const page = await pager.mastodon({ origin: ORIGIN, acct: 'owner', limit: 2000, signal: never() });
  assert.equal(page.followers.length, 200);
  assert.ok(waits.includes(7000), `Retry-After honoured: ${waits}`);
  assert.ok(waits.includes(2000), `second failure backs off 2x the first: ${waits}`);
});

test('the announced reset time (Mastodon ISO, Bluesky Unix seconds) sets the wait without Retry-After; waits are capped', () => {
  const now = Date.parse('2026-11-23T12:00:00Z');
  const headers = new Headers({ 'X-RateLimit-Reset': '2026-11-23T12:00:30.000Z' });
  assert.equal(rateLimitDelayMs(headers, 0, now, { initialBackoffMs: 1000, maxBackoffMs: 60_000 }), 30_000);
  assert.equal(rateLimitDelayMs(headers, 0, now, { initialBackoffMs: 1000, maxBackoffMs: 10_000 }), 10_000);
  assert.equal(rateLimitDelayMs(new Headers(), 3, now, { initialBackoffMs: 1000, maxBackoffMs: 60_000 }), 8000);
  const bluesky = new Headers({ 'RateLimit-Reset': String(now / 1000 + 12) });
  assert.equal(rateLimitDelayMs(bluesky, 0, now, { initialBackoffMs: 1000, maxBackoffMs: 60_000 }), 12_000);
});

test('Mastodon: an API that keeps answering 429 ends with a clear error after the retries', async () => {
  const api = fakeMastodon({ followers: 10, rateLimit: () => new Response('{}', { status: 429 }) });
  const pager = new FollowerPager({ fetch: api.fetch, sleep: recordingSleep().sleep, maxRetries: 2 });
  await assert.rejects(pager.mastodon({ origin: ORIGIN, acct: 'owner', limit: 10, signal: never() }),
    (error) => error.name === 'PublicApiError' && error.status === 429 && /rate-limiting/.test(error.message));
  assert.equal(api.requests.length, 3);
});

test('cancel: aborting stops paging before the next request and rejects', async () => {
  const api = fakeMastodon({ followers: 1000 });
  const cancel = new AbortController();
  const pager = new FollowerPager({ fetch: api.fetch, sleep: recordingSleep().sleep });
  const run = pager.mastodon({ origin: ORIGIN, acct: 'owner', limit: 2000, signal: cancel.signal,
    onProgress: (p) => { if (p.seen >= 160) cancel.abort('cancel'); } });
  await assert.rejects(run, (reason) => reason === 'cancel');
  assert.equal(api.requests.filter((u) => u.pathname.endsWith('/followers')).length, 2);
});

test('stop: ends paging early but keeps what was collected', async () => {
  const api = fakeMastodon({ followers: 1000 });
  const stop = new AbortController();
  const pager = new FollowerPager({ fetch: api.fetch, sleep: recordingSleep().sleep });
  const page = await pager.mastodon({ origin: ORIGIN, acct: 'owner', limit: 2000, signal: never(), until: stop.signal,
    onProgress: (p) => { if (p.seen >= 240) stop.abort('stop'); } });
  assert.equal(page.followers.length, 240);
  assert.equal(page.complete, false);
});

test('Bluesky: cursor paging to the limit, then counts from getProfiles in batches of at most 25', async () => {
  const api = fakeBluesky({ followers: 330 });
  const phases = [];
  const pager = new FollowerPager({ fetch: api.fetch, sleep: recordingSleep().sleep });
  const page = await pager.bluesky({ actor: 'owner.bsky.social', limit: 260, signal: never(), onProgress: (p) => phases.push(`${p.phase}:${p.seen}`) });
  assert.equal(page.followers.length, 260);
  const listing = api.requests.filter((u) => u.pathname.endsWith('getFollowers'));
  assert.deepEqual(listing.map((u) => [u.searchParams.get('limit'), u.searchParams.get('cursor')]),
    [['100', null], ['100', '100'], ['60', '200']], 'the last page asks only for what the limit leaves');
  const batches = api.requests.filter((u) => u.pathname.endsWith('getProfiles')).map((u) => u.searchParams.getAll('actors').length);
  assert.equal(batches.reduce((a, b) => a + b, 0), 260);
  assert.ok(batches.every((n) => n <= 25));
  assert.equal(page.followers[7].followers_count, 7);
  assert.equal(page.followers[7].posts_count, 21);
  assert.equal(page.followers[7].has_banner, true);
  assert.equal(page.followers[6].default_avatar, true);
  assert.equal(page.account.followers_count, 330);
  assert.equal(phases.at(-1), 'details:260');
  assert.equal(page.complete, false);
});

test('Bluesky: a list that ends before the limit is complete; an unknown actor is an error', async () => {
  const api = fakeBluesky({ followers: 42 });
  const pager = new FollowerPager({ fetch: api.fetch, sleep: recordingSleep().sleep });
  const page = await pager.bluesky({ actor: 'owner.bsky.social', limit: 2000, signal: never(), withCounts: false });
  assert.equal(page.followers.length, 42);
  assert.equal(page.complete, true);
  assert.equal(page.followers[0].followers_count, undefined);
  await assert.rejects(pager.bluesky({ actor: 'nobody.bsky.social', limit: 10, signal: never() }), /answered 400/);
});

test('clampLimit: default 2,000; at most 50,000; nonsense falls back to the default', () => {
  assert.equal(clampLimit(undefined), DEFAULT_FOLLOWER_LIMIT);
  assert.equal(clampLimit('abc'), DEFAULT_FOLLOWER_LIMIT);
  assert.equal(clampLimit(-5), DEFAULT_FOLLOWER_LIMIT);
  assert.equal(clampLimit(750.9), 750);
  assert.equal(clampLimit(1e9), 50_000);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TtlCache } from '../../extension/background/ttl-cache.js';
import { Backoff } from '../../extension/background/backoff.js';
import { parseRetryAfter } from '../../extension/background/backend-errors.js';

test('the cache stays within its size, evicting the least recently used entry', () => {
  const cache = new TtlCache({ ttlMs: 1000, maxEntries: 2, now: () => 0 });
  cache.set('a', 1);
  cache.set('b', 2);
  assert.equal(cache.get('a'), 1);
  cache.set('c', 3);
  assert.equal(cache.size, 2);
  assert.equal(cache.get('b'), undefined, 'b was least recently used');
  assert.equal(cache.get('a'), 1);
  assert.equal(cache.get('c'), 3);
});

test('entries expire after the TTL', () => {
  let now = 0;
  const cache = new TtlCache({ ttlMs: 100, maxEntries: 10, now: () => now });
  cache.set('a', 1);
  now = 99;
  assert.equal(cache.get('a'), 1);
  now = 100;
  assert.equal(cache.get('a'), undefined);
  assert.equal(cache.size, 0);
});

test('backoff doubles up to its ceiling and honours Retry-After', () => {
  let now = 0;
  const backoff = new Backoff({ initialMs: 1000, maxMs: 5000, now: () => now });
  const waits = [];
  for (let i = 0; i < 5; i++) {
    backoff.recordFailure();
    waits.push(backoff.remainingMs());
  }
  assert.deepEqual(waits, [1000, 2000, 4000, 5000, 5000]);
  backoff.recordFailure(1500);
  assert.equal(backoff.remainingMs(), 1500);
  now += 1500;
  assert.equal(backoff.isBlocked(), false);
  assert.equal(parseRetryAfter('7', 0), 7000);
  assert.equal(parseRetryAfter(new Date(60_000).toUTCString(), 0), 60_000);
  assert.equal(parseRetryAfter('soon', 0), null);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { adapterOn, plain } from './helpers/content-loader.mjs';

test('Bluesky profile header: handle without bidi marks, rounded counts flagged', () => {
  const page = adapterOn('bluesky-profile.html', 'https://bsky.app/profile/alice.example.com');
  assert.equal(page.adapter.platform, 'bluesky');
  assert.deepEqual(plain(page.profile().profile), {
    platform: 'bluesky',
    handle: 'alice.example.com',
    display_name: 'Alice 🦋',
    bio: 'Birds, code & <img src=x onerror=alert(1)>',
    has_banner: true,
    followers_count: 12300,
    following_count: 456,
    posts_count: 1024,
    counts_approximate: true,
  });
});

test('Bluesky feed items: author handle from the item test id, name from its link', () => {
  const page = adapterOn('bluesky-profile.html', 'https://bsky.app/profile/alice.example.com');
  assert.deepEqual(plain(page.authors().map((s) => s.profile)), [
    { platform: 'bluesky', handle: 'alice.example.com', display_name: 'Alice 🦋' },
    { platform: 'bluesky', handle: 'bob.bsky.social', display_name: 'Bob' },
  ]);
});

test('Bluesky pages that are not profiles have no header sighting', () => {
  const page = adapterOn('bluesky-profile.html', 'https://bsky.app/');
  assert.equal(page.profile(), null);
});

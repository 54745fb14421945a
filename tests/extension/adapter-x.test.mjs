import { test } from 'node:test';
import assert from 'node:assert/strict';
import { adapterOn, plain } from './helpers/content-loader.mjs';

test('X profile header becomes a Profile with exact field names', () => {
  const page = adapterOn('x-profile.html', 'https://x.com/ada_example');
  assert.equal(page.adapter.platform, 'x');
  const sighting = page.profile();
  assert.equal(sighting.kind, 'profile');
  assert.deepEqual(plain(sighting.profile), {
    platform: 'x',
    handle: 'ada_example',
    display_name: 'Ada Example',
    bio: 'Engineer. Writes about <script>alert("x")</script> & "quotes".',
    location: 'London, UK',
    url: 'ada.example.org',
    created_at: '2015-03-01T00:00:00Z',
    verified: true,
    protected: false,
    has_banner: true,
    default_avatar: false,
    followers_count: 56700,
    following_count: 1234,
    posts_count: 12300,
    counts_approximate: true,
  });
  assert.ok(sighting.anchor.closest('[data-testid="UserName"]'), 'badge goes beside the name');
});

test('X timeline: every tweet author and user cell, with handles from the page', () => {
  const page = adapterOn('x-profile.html', 'https://x.com/ada_example');
  const authors = plain(page.authors().map((s) => s.profile));
  assert.deepEqual(authors, [
    { platform: 'x', handle: 'ada_example', display_name: 'Ada Example', verified: true },
    { platform: 'x', handle: 'promo_bot_4471', display_name: 'Crypto Gains 💰', verified: false },
    { platform: 'x', handle: 'grace_h', display_name: 'Grace H', verified: false, protected: true },
  ]);
  for (const sighting of page.authors()) assert.equal(sighting.kind, 'author');
});

test('X adapter is chosen for twitter.com too, and finds no profile on a page without a header', () => {
  const page = adapterOn('youtube-watch.html', 'https://twitter.com/home');
  assert.equal(page.adapter.platform, 'x');
  assert.equal(page.profile(), null);
  assert.equal(page.authors().length, 0);
});

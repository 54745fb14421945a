import { test } from 'node:test';
import assert from 'node:assert/strict';
import { adapterOn, plain } from './helpers/content-loader.mjs';

test('YouTube channel (current header): exact counts from the About rows replace rounded ones', () => {
  const page = adapterOn('youtube-channel.html', 'https://www.youtube.com/@ExampleChannel');
  assert.equal(page.adapter.platform, 'youtube');
  assert.deepEqual(plain(page.profile().profile), {
    platform: 'youtube',
    handle: 'ExampleChannel',
    display_name: 'Example Channel',
    bio: 'Weekly videos about <b>birds</b>.',
    verified: true,
    has_banner: true,
    followers_count: 1234567,
    posts_count: 345,
    counts_approximate: false,
    created_at: '2012-03-05T00:00:00Z',
  });
});

test('YouTube channel (older header) in German: "1,2 Mio." and "3.456"', () => {
  const page = adapterOn('youtube-channel-legacy.html', 'https://www.youtube.com/@KanalBeispiel');
  assert.deepEqual(plain(page.profile().profile), {
    platform: 'youtube',
    handle: 'KanalBeispiel',
    display_name: 'Kanal Beispiel',
    verified: true,
    has_banner: true,
    followers_count: 1200000,
    posts_count: 3456,
    counts_approximate: true,
  });
});

test('YouTube comments of both generations, replies included', () => {
  const page = adapterOn('youtube-watch.html', 'https://www.youtube.com/watch?v=abc');
  assert.equal(page.profile(), null);
  assert.deepEqual(plain(page.authors().map((s) => s.profile)), [
    { platform: 'youtube', handle: 'RealViewer' },
    { platform: 'youtube', handle: 'free-giftcards-4u' },
    { platform: 'youtube', handle: 'OldLayoutUser', verified: true },
  ]);
});

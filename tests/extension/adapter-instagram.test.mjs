import { test } from 'node:test';
import assert from 'node:assert/strict';
import { adapterOn, plain } from './helpers/content-loader.mjs';

test('Instagram profile header: exact followers from span[title], rounded text ignored', () => {
  const page = adapterOn('instagram-profile.html', 'https://www.instagram.com/lens_example/');
  assert.equal(page.adapter.platform, 'instagram');
  assert.deepEqual(plain(page.profile().profile), {
    platform: 'instagram',
    handle: 'lens_example',
    display_name: 'Lens Example',
    bio: 'Photos of light. <a href=x>link</a>',
    verified: true,
    followers_count: 45678,
    following_count: 321,
    posts_count: 1024,
    counts_approximate: false,
  });
});

test('Instagram feed posts: the author link in each article header', () => {
  const page = adapterOn('instagram-profile.html', 'https://www.instagram.com/');
  assert.equal(page.profile(), null, 'the home feed is not a profile');
  assert.deepEqual(plain(page.authors().map((s) => s.profile)), [
    { platform: 'instagram', handle: 'lens_example' },
    { platform: 'instagram', handle: 'followme.now' },
  ]);
});

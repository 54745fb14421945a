import { test } from 'node:test';
import assert from 'node:assert/strict';
import { adapterOn, plain } from './helpers/content-loader.mjs';

test('Mastodon account header: exact counts from title attributes, bot flag, join date', () => {
  const page = adapterOn('mastodon-profile.html', 'https://mastodon.example/@newsbot');
  assert.equal(page.adapter.platform, 'mastodon', 'unknown hosts fall back to the Mastodon adapter');
  const sighting = page.profile();
  assert.deepEqual(plain(sighting.profile), {
    platform: 'mastodon',
    handle: 'newsbot@mastodon.example',
    display_name: 'News Bot 📰',
    bio: 'Posts headlines every 10 minutes. <b>not bold</b>',
    created_at: '2017-03-15T00:00:00Z',
    protected: true,
    self_declared_bot: true,
    has_banner: true,
    default_avatar: true,
    posts_count: 48213,
    following_count: 12,
    followers_count: 1234567,
    counts_approximate: false,
  });
  assert.equal(sighting.anchor.tagName, 'H1');
});

test('Mastodon statuses: local and remote authors, boosts by name only are skipped', () => {
  const page = adapterOn('mastodon-profile.html', 'https://mastodon.example/@newsbot');
  assert.deepEqual(plain(page.authors().map((s) => s.profile)), [
    { platform: 'mastodon', handle: 'newsbot@mastodon.example', display_name: 'News Bot 📰' },
    { platform: 'mastodon', handle: 'alice@other.example', display_name: 'Alice' },
  ]);
  for (const sighting of page.authors()) {
    assert.ok(sighting.anchor.classList.contains('status__info'), 'badge sits in the info row, outside the link');
  }
});

test('Mastodon redesigned header without the <small> acct: the handle comes from the path', () => {
  const page = adapterOn('mastodon-profile.html', 'https://mastodon.example/@alice@other.example');
  page.document.querySelector('.account__header h1 small').remove();
  const sighting = page.profile();
  assert.equal(sighting.profile.handle, 'alice@other.example');
  assert.equal(sighting.profile.followers_count, 1234567);
});

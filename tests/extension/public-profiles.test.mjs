import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PublicProfiles, profileFromMastodon, profileFromBluesky } from '../../extension/background/public-profiles.js';
import { TtlCache } from '../../extension/background/ttl-cache.js';

test('a Mastodon Account entity maps onto the Profile schema', () => {
  const profile = profileFromMastodon({
    id: '1', username: 'newsbot', acct: 'newsbot', display_name: 'News Bot', locked: false, bot: true,
    created_at: '2017-03-15T00:00:00.000Z', note: '<p>html</p>', url: 'https://mastodon.example/@newsbot',
    avatar: 'https://mastodon.example/avatars/original/missing.png', header: 'https://files.example/h.png',
    followers_count: 1234567, following_count: 12, statuses_count: 48213,
  }, 'mastodon.example');
  assert.deepEqual(profile, {
    platform: 'mastodon', handle: 'newsbot@mastodon.example', display_name: 'News Bot',
    followers_count: 1234567, following_count: 12, posts_count: 48213, created_at: '2017-03-15T00:00:00.000Z',
    default_avatar: true, has_banner: true, protected: false, self_declared_bot: true,
    url: 'https://mastodon.example/@newsbot', counts_approximate: false,
  });
  assert.equal(profileFromMastodon({ acct: 'alice@other.example' }, 'mastodon.example').handle, 'alice@other.example');
});

test('a Bluesky profileViewDetailed maps onto the Profile schema', () => {
  const profile = profileFromBluesky({ handle: 'Bob.bsky.social', followersCount: 3, followsCount: 4000, postsCount: 0, verification: { verifiedStatus: 'valid' } });
  assert.deepEqual(profile, {
    platform: 'bluesky', handle: 'bob.bsky.social', followers_count: 3, following_count: 4000, posts_count: 0,
    default_avatar: true, has_banner: false, verified: true, self_declared_bot: false, counts_approximate: false,
  });
});

test('Mastodon lookups go to the instance the page is on, deduplicated and cached; failures give null', async () => {
  const calls = [];
  let fail = false;
  const fetch = async (url) => {
    calls.push(url);
    if (fail) throw new TypeError('Failed to fetch');
    return new Response(JSON.stringify({ acct: 'alice', followers_count: 5 }), { status: 200 });
  };
  const lookups = new PublicProfiles({ fetch, cache: new TtlCache({ ttlMs: 1000, maxEntries: 10 }) });
  const [a, b] = await Promise.all([
    lookups.lookup({ platform: 'mastodon', handle: 'alice@mastodon.example', instanceOrigin: 'https://mastodon.example' }),
    lookups.lookup({ platform: 'mastodon', handle: 'alice@mastodon.example', instanceOrigin: 'https://mastodon.example' }),
  ]);
  assert.equal(calls.length, 1);
  assert.equal(calls[0], 'https://mastodon.example/api/v1/accounts/lookup?acct=alice%40mastodon.example');
  assert.equal(a.followers_count, 5);
  assert.deepEqual(a, b);
  fail = true;
  assert.equal(await lookups.lookup({ platform: 'mastodon', handle: 'x@y.example', instanceOrigin: 'https://mastodon.example' }), null);
  assert.equal(await lookups.lookup({ platform: 'mastodon', handle: 'no-origin' }), null);
});

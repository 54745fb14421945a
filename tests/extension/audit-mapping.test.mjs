// Follower JSON from the public APIs onto Profile, and Mastodon's HTML notes to text without a DOM.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { htmlToText, decodeEntities, mastodonFollowerProfile, blueskyFollowerProfile } from '../../extension/background/follower-mapping.js';
import { postFromBlueskyFeedItem, postFromMastodonStatus } from '../../extension/background/account-posts.js';

const OBSERVED = '2026-11-23T12:00:00.000Z';

test('htmlToText: paragraphs and line breaks become newlines, links keep their text, entities decode once', () => {
  const note = '<p>Teacher in <a href="https://x.org" rel="nofollow">Sevilla</a> &amp; cyclist</p><p>Books<br>coffee &#x1F600; &#8212; &lt;b&gt;not bold&lt;/b&gt;</p>';
  assert.equal(htmlToText(note), 'Teacher in Sevilla & cyclist\nBooks\ncoffee 😀 — <b>not bold</b>');
});

test('htmlToText: hostile markup leaves no script, handler or tag in the text', () => {
  const hostile = '<p>hi<script>window.pwned = "<p>x</p>"</script><style>p{}</style>'
    + '<img src=x onerror="alert(\'>\')">there<svg onload=alert(1)><text>svg text</text></svg>'
    + '<!-- <b>comment</b> --><a href="javascript:alert(1)" title="a > b">link</a></p>';
  const text = htmlToText(hostile);
  assert.equal(text, 'hitherelink');
  assert.doesNotMatch(text, /<|pwned|alert|onerror|comment|svg text/);
});

test('htmlToText: a lone "<" is text, an unterminated tag is dropped, double-escaped entities stay escaped once', () => {
  assert.equal(htmlToText('<p>1 < 2 and 3 > 2</p>'), '1 < 2 and 3 > 2');
  assert.equal(htmlToText('before <a href="x'), 'before');
  assert.equal(htmlToText('&amp;lt;script&amp;gt;'), '&lt;script&gt;');
  assert.equal(htmlToText(null), '');
  assert.equal(htmlToText(42), '');
});

test('decodeEntities: out-of-range and surrogate code points become the replacement character; unknown names stay', () => {
  assert.equal(decodeEntities('&#0;&#xD800;&#x110000;'), '\ufffd\ufffd\ufffd');
  assert.equal(decodeEntities('&notarealentity; &quot;q&quot; &#39;s&#39;'), '&notarealentity; "q" \'s\'');
});

test('a Mastodon Account maps onto Profile: counts, dates, bot flag, default avatar, note as text, last status day', () => {
  const account = {
    id: '109', username: 'eve', acct: 'eve', display_name: 'Eve "><img src=x>', locked: false, bot: true,
    created_at: '2024-02-20T00:00:00.000Z', note: '<p>Hi &amp; <script>x()</script>welcome</p>',
    url: 'https://mastodon.social/@eve', avatar: 'https://mastodon.social/avatars/original/missing.png',
    header: 'https://files.mastodon.social/h/eve.jpg', followers_count: 3, following_count: 1640,
    statuses_count: 0, last_status_at: '2026-11-20',
  };
  assert.deepEqual(mastodonFollowerProfile(account, 'mastodon.social', OBSERVED), {
    platform: 'mastodon', handle: 'eve@mastodon.social', display_name: 'Eve "><img src=x>',
    followers_count: 3, following_count: 1640, posts_count: 0, created_at: '2024-02-20T00:00:00.000Z',
    default_avatar: true, has_banner: true, protected: false, self_declared_bot: true,
    url: 'https://mastodon.social/@eve', counts_approximate: false, bio: 'Hi & welcome',
    last_post_at: '2026-11-20T00:00:00.000Z', observed_at: OBSERVED,
  });
  const remote = mastodonFollowerProfile({ acct: 'Bob@Other.Example', avatar: 'https://c/a.png', note: '' }, 'mastodon.social', OBSERVED);
  assert.equal(remote.handle, 'bob@other.example');
  assert.equal(remote.default_avatar, false);
  assert.equal('bio' in remote, false, 'an empty note is unknown, not ""');
  assert.equal('last_post_at' in remote, false);
});

test('a Bluesky profileView has no counts or banner: has_banner is left unknown; the detailed view fills them', () => {
  const plainView = { did: 'did:plc:abc', handle: 'Ann.bsky.social', displayName: 'Ann', description: 'hello',
    createdAt: '2023-05-01T10:00:00Z', labels: [{ val: 'bot' }] };
  const brief = blueskyFollowerProfile(plainView, OBSERVED);
  assert.equal(brief.handle, 'ann.bsky.social');
  assert.equal(brief.default_avatar, true);
  assert.equal(brief.self_declared_bot, true);
  assert.equal('has_banner' in brief, false);
  assert.equal('followers_count' in brief, false);
  const detailed = blueskyFollowerProfile({ ...plainView, avatar: 'https://cdn/a.jpg', followersCount: 12, followsCount: 30,
    postsCount: 4, labels: [] }, OBSERVED);
  assert.equal(detailed.has_banner, false);
  assert.equal(detailed.followers_count, 12);
  assert.equal(detailed.following_count, 30);
  assert.equal(detailed.posts_count, 4);
  assert.equal(detailed.default_avatar, false);
  assert.equal(detailed.observed_at, OBSERVED);
});

test('the account’s own posts: Bluesky reposts are left out, replies flagged, counts kept; hostile Mastodon HTML becomes text', () => {
  const own = { post: { record: { text: 'gm', createdAt: '2026-11-01T08:00:00Z', reply: { parent: {} } }, likeCount: 3, repostCount: 0, replyCount: 1 } };
  const repost = { post: { record: { text: 'theirs' }, likeCount: 900 }, reason: { $type: 'app.bsky.feed.defs#reasonRepost' } };
  assert.deepEqual(postFromBlueskyFeedItem(own), { text: 'gm', created_at: '2026-11-01T08:00:00.000Z', is_repost: false, is_reply: true, likes: 3, reposts: 0, replies: 1 });
  assert.equal(postFromBlueskyFeedItem(repost), null);
  const status = { content: '<p>x<script>steal()</script><img src=x onerror=alert(1)>y</p>', created_at: 'not a date', favourites_count: -1 };
  assert.deepEqual(postFromMastodonStatus(status), { text: 'xy', is_repost: false, is_reply: false });
  assert.equal(postFromMastodonStatus({ reblog: {} }), null);
});

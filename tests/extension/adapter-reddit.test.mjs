import { test } from 'node:test';
import assert from 'node:assert/strict';
import { adapterOn, plain } from './helpers/content-loader.mjs';

test('Reddit post and comments: authors from the author attribute, deleted ones skipped', () => {
  const page = adapterOn('reddit-post.html', 'https://www.reddit.com/r/example/comments/abc/a_question/');
  assert.equal(page.adapter.platform, 'reddit');
  const authors = page.authors();
  assert.deepEqual(plain(authors.map((s) => s.profile)), [
    { platform: 'reddit', handle: 'throwaway_8812' },
    { platform: 'reddit', handle: 'helpful_person' },
    { platform: 'reddit', handle: 'Spam_Acct_99' },
  ]);
  // Each badge goes beside that item's own author link, not a nested reply's.
  assert.equal(authors[1].anchor.querySelector('a').getAttribute('href'), '/user/helpful_person/');
  assert.equal(authors[2].anchor.querySelector('a').getAttribute('href'), '/user/Spam_Acct_99/');
  assert.equal(page.profile(), null, 'a post page is not a profile');
});

test('Reddit profile: exact faceplate-number counts and the cake day; karma is not passed off as likes', () => {
  const page = adapterOn('reddit-profile.html', 'https://www.reddit.com/user/helpful_person/');
  assert.deepEqual(plain(page.profile().profile), {
    platform: 'reddit',
    handle: 'helpful_person',
    display_name: 'Helpful Person',
    followers_count: 310,
    counts_approximate: false,
    created_at: '2015-03-05T00:00:00Z',
  });
});

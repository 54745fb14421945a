// Each adapter names the element a profile header cannot be without (profileRoot), so a rescan reads the
// header again only when what changed could hold one. Checked on the known pages: the header read is at the
// first such element, and the rescan predicate on header and non-header parts. (It is a pre-filter: a post
// with its own <header> on Instagram, or a post's <h1> on Reddit, may match it; readProfile decides.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { adapterOn } from './helpers/content-loader.mjs';

const PROFILE_PAGES = [
  ['x-profile.html', 'https://x.com/ada_example'],
  ['mastodon-profile.html', 'https://mastodon.example/@newsbot'],
  ['bluesky-profile.html', 'https://bsky.app/profile/alice.example.com'],
  ['reddit-profile.html', 'https://www.reddit.com/user/helpful_person/'],
  ['youtube-channel.html', 'https://www.youtube.com/@ExampleChannel'],
  ['youtube-channel-legacy.html', 'https://www.youtube.com/@KanalBeispiel'],
  ['instagram-profile.html', 'https://www.instagram.com/lens_example/'],
];
const OTHER_PAGES = [
  ['reddit-post.html', 'https://www.reddit.com/r/example/comments/abc/a_question/'],
  ['youtube-watch.html', 'https://www.youtube.com/watch?v=abc'],
];

for (const [name, url] of PROFILE_PAGES) {
  test(`${name}: one profile root, and a rescan reads the header only for changes in or around it`, () => {
    const page = adapterOn(name, url);
    const roots = page.document.querySelectorAll(page.adapter.profileRoot);
    assert.ok(roots.length >= 1, page.adapter.profileRoot);
    const header = page.profile();
    assert.ok(header, 'the header is read');
    assert.ok(roots[0].contains(header.anchor) || header.anchor.contains(roots[0]) || roots[0].parentElement.contains(header.anchor),
      'the badge goes by the profile root');
    const { mayHoldProfile } = page.BotLens.dom;
    const textInside = page.document.createTreeWalker(roots[0], 4).nextNode();
    assert.ok(textInside, 'the root has text');
    assert.equal(mayHoldProfile([textInside], page.adapter.profileRoot), true, 'its text edited');
    assert.equal(mayHoldProfile([roots[0]], page.adapter.profileRoot), true, 'the root inserted');
    assert.equal(mayHoldProfile([page.document.body], page.adapter.profileRoot), true, 'a subtree holding it inserted');
    const elsewhere = page.document.createElement('article');
    page.document.body.append(elsewhere);
    assert.equal(mayHoldProfile([elsewhere], page.adapter.profileRoot), false, 'a new post elsewhere');
  });
}

for (const [name, url] of OTHER_PAGES) {
  test(`${name}: no header, and new posts are no reason to look for one`, () => {
    const page = adapterOn(name, url);
    assert.equal(page.profile(), null);
    const post = page.document.createElement('article');
    post.append(page.document.createElement('p'));
    page.document.body.append(post);
    assert.equal(page.BotLens.dom.mayHoldProfile([post], page.adapter.profileRoot), false);
  });
}

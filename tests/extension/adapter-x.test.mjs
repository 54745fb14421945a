import { test } from 'node:test';
import assert from 'node:assert/strict';
import { adapterOn, loadContent, plain } from './helpers/content-loader.mjs';

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

/** A timeline post's author block as X lays it out: the name row, then "@handle·time". */
function postBlock(nameRowHtml, handleRowHtml) {
  return `<article data-testid="tweet"><div data-testid="User-Name">
    <div>${nameRowHtml}</div>
    <div>${handleRowHtml}</div>
  </div></article>`;
}

function authorsIn(body) {
  const loaded = loadContent({ html: `<!doctype html><html><body>${body}</body></html>`, url: 'https://x.com/home' });
  const adapter = loaded.BotLens.adapters.adapterForHost('x.com');
  return plain(adapter.findAuthors(loaded.document, loaded.location).map((s) => s.profile));
}

test('X authors: a display name that looks like a handle, RTL or emoji stays the name; the handle row decides', () => {
  const handleRow = (h) => `<a href="/${h}" role="link" tabindex="-1"><span>@${h}</span></a><span>·</span><a href="/${h}/status/9"><time>2h</time></a>`;
  const authors = authorsIn([
    postBlock('<a href="/real_one" role="link"><span>@elonmusk·</span></a>', handleRow('real_one')),
    postBlock('<a href="/rtl_user" role="link"><span>\u202Bمرحبا\u202C  🌙</span></a>', handleRow('rtl_user')),
    postBlock('<a href="/long_handle_1234" role="link"><span>  Spaced   Name </span></a>', handleRow('long_handle_1234')),
  ].join(''));
  assert.deepEqual(authors, [
    { platform: 'x', handle: 'real_one', display_name: '@elonmusk·', verified: false },
    { platform: 'x', handle: 'rtl_user', display_name: '\u202Bمرحبا\u202C 🌙', verified: false },
    // 16 characters is not an X handle: the text after the name is not taken as one, and the link's path
    // names the account instead.
    { platform: 'x', handle: 'long_handle_1234', display_name: 'Spaced Name', verified: false },
  ]);
});

test('X authors: a block laid out otherwise falls back to its links', () => {
  const authors = authorsIn([
    // No "@handle" after the name row (a layout X may ship): the handle comes from the links.
    postBlock('<a href="/ada" role="link"><span>Ada</span></a>', '<a href="/ada/status/1"><time>2h</time></a>'),
    // The name row holds the handle link too (as in a user cell).
    postBlock('<a href="/bob" role="link"><span>Bob</span></a><a href="/bob" role="link"><span>@bob</span></a>', '<span>Follows you</span>'),
  ].join(''));
  assert.deepEqual(authors, [
    { platform: 'x', handle: 'ada', display_name: 'Ada', verified: false },
    { platform: 'x', handle: 'bob', display_name: 'Bob', verified: false },
  ]);
});

test('X authors: verified and protected icons are read whether one, both or neither is there', () => {
  const row = (h) => `<a href="/${h}" role="link"><span>@${h}</span></a>`;
  const authors = authorsIn([
    postBlock('<a href="/v" role="link"><span>V</span></a><svg data-testid="icon-verified"></svg>', row('v')),
    postBlock('<a href="/l" role="link"><span>L</span></a>', `${row('l')}<svg data-testid="icon-lock"></svg>`),
    postBlock('<a href="/b" role="link"><span>B</span></a><svg data-testid="icon-lock"></svg><svg data-testid="icon-verified"></svg>', row('b')),
  ].join(''));
  assert.deepEqual(authors, [
    { platform: 'x', handle: 'v', display_name: 'V', verified: true },
    { platform: 'x', handle: 'l', display_name: 'L', verified: false, protected: true },
    { platform: 'x', handle: 'b', display_name: 'B', verified: true, protected: true },
  ]);
});

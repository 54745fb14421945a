// Collecting followers from X and Instagram follower lists, and reading a profile's visible posts,
// with the real content scripts over linkedom pages; only chrome.runtime is stood in for.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { coreScripts, fixture, loadContent, plain } from './helpers/content-loader.mjs';

const AUDIT_FILES = ['content/audit/follower-cards.js', 'content/audit/visible-posts.js', 'content/audit/collect-followers.js'];

function runtimeStub(replies = {}) {
  const sent = [];
  const listeners = [];
  return {
    sent,
    listeners,
    chrome: {
      runtime: {
        id: 'botlens-test-id',
        sendMessage: async (message) => { sent.push(structuredClone(message)); return (replies[message.type] || (() => ({ ok: true })))(message); },
        onMessage: { addListener: (fn) => listeners.push(fn) },
      },
    },
  };
}

function xCell(handle, name, { locked = false } = {}) {
  return `<div data-testid="cellInnerDiv"><div data-testid="UserCell" role="button"><div>
    <a href="/${handle}" role="link"><div><span>${name}</span></div></a>
    <a href="/${handle}" role="link" tabindex="-1"><div dir="ltr"><span>@${handle}</span></div></a>
    ${locked ? '<svg data-testid="icon-lock"></svg>' : ''}</div>
    <div dir="auto"><span>bio of ${name}</span></div></div></div>`;
}

function xFollowersPage(cells, sidebar = '') {
  return `<!doctype html><html><body><main role="main"><div data-testid="primaryColumn">
    <section aria-label="Timeline: Followers"><div id="list">${cells.join('')}</div></section></div>
    <div data-testid="sidebarColumn"><aside>${sidebar}</aside></div></main></body></html>`;
}

function loadPage(html, url, stub = runtimeStub()) {
  return {
    ...loadContent({ html, url, files: [...coreScripts(), ...AUDIT_FILES],
      globals: { chrome: stub.chrome, setInterval: () => 0, clearInterval: () => {} } }),
    stub,
  };
}

test('listOwner: only followers-list paths name an owner', () => {
  const { BotLens } = loadPage(xFollowersPage([]), 'https://x.com/owner/followers');
  const owner = (platform, path) => BotLens.followerCards.listOwner(platform, new URL(`https://example.org${path}`));
  assert.equal(owner('x', '/Owner/followers'), 'owner');
  assert.equal(owner('x', '/owner/verified_followers'), 'owner');
  assert.equal(owner('x', '/owner/following'), null);
  assert.equal(owner('x', '/owner'), null);
  assert.equal(owner('instagram', '/some.one/followers/'), 'some.one');
  assert.equal(owner('mastodon', '/@a/followers'), null);
});

test('X followers list: the cells of the list through the X adapter, not the sidebar’s suggestions', () => {
  const html = xFollowersPage([xCell('alice', 'Alice'), xCell('bob_1', 'Bob', { locked: true })], xCell('suggested', 'Sidebar'));
  const { BotLens, document, location } = loadPage(html, 'https://x.com/owner/followers');
  const adapter = BotLens.adapters.adapterForHost('x.com');
  assert.deepEqual(plain(BotLens.followerCards.readFollowerCards(adapter, document, location)), [
    { platform: 'x', handle: 'alice', display_name: 'Alice', verified: false },
    { platform: 'x', handle: 'bob_1', display_name: 'Bob', verified: false, protected: true },
  ]);
});

test('FollowerCollection: one entry per handle whatever its case, never the owner, stops at the limit', () => {
  const { BotLens } = loadPage(xFollowersPage([]), 'https://x.com/owner/followers');
  const collection = new BotLens.followerCards.FollowerCollection({ owner: 'Owner', limit: 3 });
  assert.equal(collection.add([{ handle: 'a' }, { handle: 'A' }, { handle: 'owner' }, { handle: '' }, {}]), 1);
  assert.equal(collection.add([{ handle: 'b' }, { handle: 'a' }]), 1);
  assert.equal(collection.full, false);
  assert.equal(collection.add([{ handle: 'c' }, { handle: 'd' }]), 1);
  assert.equal(collection.full, true);
  assert.deepEqual(plain(collection.list().map((p) => p.handle)), ['a', 'b', 'c']);
});

test('ScrollEnd: ends after several idle steps in a row, any progress resets it, the limit ends at once', () => {
  const { BotLens } = loadPage(xFollowersPage([]), 'https://x.com/owner/followers');
  const end = new BotLens.followerCards.ScrollEnd({ idleSteps: 3 });
  const idle = { added: 0, moved: false, full: false };
  assert.equal(end.record(idle), 'continue');
  assert.equal(end.record(idle), 'continue');
  assert.equal(end.record({ added: 0, moved: true, full: false }), 'continue');
  assert.equal(end.record(idle), 'continue');
  assert.equal(end.record(idle), 'continue');
  assert.equal(end.record(idle), 'end');
  assert.equal(new BotLens.followerCards.ScrollEnd().record({ added: 5, moved: true, full: true }), 'limit');
});

test('Instagram followers dialog: one follower per row link, reserved paths skipped, name from the row', () => {
  const row = (h, name) => `<li><div><a href="/${h}/" role="link"><img alt=""></a><div><a href="/${h}/"><span>${h}</span></a>
    <span>${name}</span></div><button>Follow</button></div></li>`;
  const html = `<!doctype html><html><body><main><header></header></main>
    <div role="dialog"><h1>Followers</h1><ul>${row('anna.k', 'Anna K')}${row('ben_b', 'Ben')}<li><a href="/explore/">Explore</a></li></ul></div></body></html>`;
  const { BotLens, document, location } = loadPage(html, 'https://www.instagram.com/owner/followers/');
  const adapter = BotLens.adapters.adapterForHost('www.instagram.com');
  assert.deepEqual(plain(BotLens.followerCards.readFollowerCards(adapter, document, location)), [
    { platform: 'instagram', handle: 'anna.k', display_name: 'Anna K' },
    { platform: 'instagram', handle: 'ben_b', display_name: 'Ben' },
  ]);
});

test('collecting on X: the panel counts new cells as the list grows, then sends them with the page’s count', async () => {
  const stub = runtimeStub({ 'audit.limit': () => ({ ok: true, limit: 2000 }), 'audit.submit': () => ({ ok: true, auditId: 'z' }) });
  const page = loadPage(xFollowersPage([xCell('alice', 'Alice'), xCell('bob_1', 'Bob')]), 'https://x.com/owner/followers', stub);
  const reply = await page.BotLens.audit.begin();
  assert.deepEqual(plain(reply), { ok: true, mode: 'collecting' });
  const host = page.document.querySelector('[data-botlens="audit-collector"]');
  assert.equal(host.getAttribute('data-seen'), '2');
  // The site's virtual list drops the old cells and shows later ones (one repeated).
  page.document.getElementById('list').innerHTML = [xCell('bob_1', 'Bob'), xCell('carol', 'Carol'), xCell('owner', 'Me')].join('');
  page.BotLens.audit.current().scan();
  assert.equal(host.getAttribute('data-seen'), '3');
  assert.match(host.shadowRoot.querySelector('.count').textContent, /^3 followers seen \(limit 2,000\)/);
  await page.BotLens.audit.current().submit();
  const submitted = stub.sent.find((m) => m.type === 'audit.submit');
  assert.deepEqual(submitted.followers.map((f) => f.handle), ['alice', 'bob_1', 'carol']);
  assert.equal(submitted.platform, 'x');
  assert.equal(submitted.handle, 'owner');
  assert.equal(page.document.querySelector('[data-botlens="audit-collector"]'), null, 'panel closes once sent');
});

test('starting on an X profile: the profile’s own visible posts are kept for the engagement check, reposts are not', async () => {
  const stub = runtimeStub({ 'audit.limit': () => ({ ok: true, limit: 100 }) });
  const page = loadPage(fixture('x-profile.html'), 'https://x.com/ada_example', stub);
  assert.deepEqual(plain(await page.BotLens.audit.begin()), { ok: true, mode: 'collecting' });
  const collector = page.BotLens.audit.current();
  assert.deepEqual(plain(collector.posts.map((p) => p.text)), ['Hello world']);
  assert.equal(collector.account.followers_count, 56700);
  const host = page.document.querySelector('[data-botlens="audit-collector"]');
  assert.equal(host.getAttribute('data-seen'), '0', 'the profile page is not the followers list: nothing counted yet');
  assert.match(host.shadowRoot.querySelector('p:not(.count)').textContent, /Open the followers list/);
});

test('on Mastodon, "Audit followers" hands the account to the service worker with the page’s instance', async () => {
  const stub = runtimeStub({ 'audit.start': () => ({ ok: true, auditId: 'm1' }) });
  const page = loadPage(fixture('mastodon-profile.html'), 'https://mastodon.social/@ada', stub);
  const reply = await page.BotLens.audit.begin();
  assert.deepEqual(plain(reply), { ok: true, mode: 'paged', auditId: 'm1' });
  const start = stub.sent.find((m) => m.type === 'audit.start');
  assert.equal(start.platform, 'mastodon');
  assert.equal(start.instanceOrigin, 'https://mastodon.social');
  assert.equal(start.handle, start.account.handle);
  assert.match(start.handle, /@/);
});

test('visible posts on an X profile: text, time, and whether the owner wrote or reposted each one', () => {
  const page = loadPage(fixture('x-profile.html'), 'https://x.com/ada_example');
  const adapter = page.BotLens.adapters.adapterForHost('x.com');
  const posts = plain(page.BotLens.postingPatterns.readVisiblePosts(adapter, page.document, page.location, 'ada_example'));
  assert.deepEqual(posts, [
    { text: 'Hello world', is_repost: false, created_at: '2024-05-01T10:00:00.000Z' },
    { text: '@ada_example follow back!!', is_repost: true, created_at: '2024-05-01T11:00:00.000Z' },
  ]);
});

test('foldPostingPattern: strong automation over enough posts makes the verdict bot-like; a few posts change nothing', () => {
  const { BotLens } = loadPage(xFollowersPage([]), 'https://x.com/owner');
  const outcome = { ok: true, result: { verdict: 'likely_human', bot_probability: 0.2, fake_follower_probability: 0.1,
    reasons: [{ code: 'age', message: 'Old account', impact: -0.3 }] } };
  const posting = { automation_probability: 0.92, signals: [{ code: 'interval_regularity', message: 'Posts every 60 minutes', value: 0.98 }] };
  const folded = plain(BotLens.postingPatterns.foldPostingPattern(outcome, posting, 12));
  assert.equal(folded.result.verdict, 'likely_bot');
  assert.equal(folded.result.bot_probability, 0.92);
  assert.equal(folded.result.reasons[0].code, 'posting_pattern');
  assert.match(folded.result.reasons[0].message, /12 visible posts .*92% automated \(Posts every 60 minutes\)/);
  assert.equal(folded.result.reasons[1].code, 'age');
  assert.equal(outcome.result.verdict, 'likely_human', 'the original outcome is not changed');
  const moderate = BotLens.postingPatterns.foldPostingPattern(outcome, { automation_probability: 0.6 }, 12);
  assert.equal(moderate.result.verdict, 'uncertain');
  assert.equal(moderate.result.bot_probability, 0.2);
  assert.equal(BotLens.postingPatterns.foldPostingPattern(outcome, posting, 2), outcome);
  const offline = { ok: false, error: { kind: 'offline' } };
  assert.equal(BotLens.postingPatterns.foldPostingPattern(offline, posting, 12), offline);
});

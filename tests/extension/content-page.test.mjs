// The content scripts on a fixture page, talking to the real service worker (backend HTTP stubbed).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startWorker, openPage, badges, until } from './helpers/content-page.mjs';

const { chrome, backend } = await startWorker();

test('X profile page: every account badged with the backend verdict, all in one backend request', async () => {
  const before = backend.scoreRequests().length;
  const page = openPage(chrome, 'x-profile.html', 'https://x.com/ada_example');
  await until(() => badges(page.document).length === 4 && badges(page.document).every((b) => b.tone !== 'pending'));
  const shown = badges(page.document);
  assert.deepEqual(shown.map((b) => b.word), ['human-like', 'human-like', 'bot-like', 'human-like']);
  assert.match(shown[2].label, /promo_bot_4471 looks bot-like \(bot 90%, fake follower 5%\)/);
  for (const badge of shown) {
    assert.equal(badge.button.tagName, 'BUTTON', 'keyboard-focusable');
    assert.ok(badge.button.getAttribute('data-symbol'), 'a shape as well as a colour');
    assert.equal(badge.host.textContent, '', 'the badge adds no text to the post the site (and the adapter) reads');
    assert.equal(badge.host.shadowRoot, null, 'a plain element: one clone, no shadow root per badge');
  }
  const requests = backend.scoreRequests().slice(before);
  assert.equal(requests.length, 1);
  assert.deepEqual(requests[0].body.accounts.map((a) => a.handle).sort(), ['ada_example', 'grace_h', 'promo_bot_4471']);
  const header = requests[0].body.accounts.find((a) => a.handle === 'ada_example');
  assert.equal(header.followers_count, 56700, 'the profile header’s details are what gets scored');

  const popupView = await page.askPage({ type: 'page.profile' });
  assert.equal(popupView.profile.handle, 'ada_example');
  assert.equal(popupView.outcome.result.verdict, 'likely_human');
});

test('a rescan after more content loads badges only the new authors', async () => {
  const page = openPage(chrome, 'x-profile.html', 'https://x.com/ada_example');
  await until(() => badges(page.document).length === 4 && badges(page.document).every((b) => b.tone !== 'pending'));
  const before = backend.scoreRequests().length;
  const firstTweet = page.document.querySelector('[data-testid="cellInnerDiv"]');
  const extra = page.document.createElement('div');
  extra.setAttribute('data-testid', 'cellInnerDiv');
  extra.innerHTML = firstTweet.innerHTML.replaceAll('ada_example', 'newcomer_42').replaceAll('Ada Example', 'Newcomer');
  for (const copiedBadge of extra.querySelectorAll('[data-botlens]')) copiedBadge.remove();
  firstTweet.parentElement.append(extra);
  await until(() => badges(page.document).length === 5 && badges(page.document).every((b) => b.tone !== 'pending'));
  const requests = backend.scoreRequests().slice(before);
  assert.deepEqual(requests.flatMap((r) => r.body.accounts.map((a) => a.handle)), ['newcomer_42']);
});

test('switching X off takes the badges off an open tab and stops reading it; on badges it again, without a reload', async () => {
  const page = openPage(chrome, 'x-profile.html', 'https://x.com/ada_example');
  await until(() => badges(page.document).length === 4 && badges(page.document).every((b) => b.tone !== 'pending'));
  await chrome.storage.local.set({ sites: { x: false } });
  await until(() => badges(page.document).length === 0);
  const before = backend.scoreRequests().length;
  const extra = page.document.createElement('div');
  extra.setAttribute('data-testid', 'cellInnerDiv');
  extra.innerHTML = page.document.querySelector('[data-testid="cellInnerDiv"]').innerHTML
    .replaceAll('ada_example', 'late_comer').replaceAll('Ada Example', 'Late Comer');
  page.document.querySelector('[data-testid="cellInnerDiv"]').parentElement.append(extra);
  // Longer than the page watcher's rescan delay: a watcher still running would have read the new post by now.
  await new Promise((resolve) => setTimeout(resolve, 400));
  assert.equal(backend.scoreRequests().length, before, 'switched off: the new post is not read');
  assert.equal(badges(page.document).length, 0);
  const popupView = await page.askPage({ type: 'page.profile' });
  assert.equal(popupView.profile, null, 'switched off: the popup is told of no profile');
  await chrome.storage.local.set({ sites: { x: true } });
  await until(() => badges(page.document).length === 5 && badges(page.document).every((b) => b.tone !== 'pending'));
  const asked = backend.scoreRequests().slice(before).flatMap((r) => r.body.accounts.map((a) => a.handle));
  assert.ok(asked.includes('late_comer'), 'the post added while off is read once switched on');
});

test('card: both probabilities, reasons as text (never markup), and Report a mistake sends feedback', async () => {
  backend.state.override = (request) => {
    if (request.path !== '/api/v1/accounts/score') return null;
    const results = request.body.accounts.map((a) => ({
      platform: a.platform, handle: a.handle, bot_probability: 0.81, fake_follower_probability: 0.12, verdict: 'likely_bot',
      reasons: [{ code: 'x', message: '<img src=x onerror="globalThis.pwned=1">Posts every 10 minutes', impact: 0.42 }],
    }));
    return new Response(JSON.stringify({ model_version: 'm-2', results }), { status: 200, headers: { 'Content-Type': 'application/json' } });
  };
  try {
    const page = openPage(chrome, 'mastodon-profile.html', 'https://mastodon.example/@hostile_reasons');
    await until(() => badges(page.document).length > 0 && badges(page.document).every((b) => b.tone === 'bot'));
    const [badge] = badges(page.document);
    // As a real click: it bubbles and crosses the shadow boundary to the badge's host.
    badge.host.dispatchEvent(new page.window.Event('click', { bubbles: true, composed: true }));
    const floating = page.document.querySelector('[data-botlens="floating"]');
    const card = floating.shadowRoot.querySelector('[role="dialog"]');
    assert.ok(card, 'the card opens on click');
    assert.match(card.textContent, /Bot probability\s*81%/);
    assert.match(card.textContent, /Fake-follower probability\s*12%/);
    assert.match(card.textContent, /<img src=x onerror="globalThis.pwned=1">Posts every 10 minutes \(\+0\.42\)/);
    assert.equal(card.querySelectorAll('img').length, 0, 'backend text is never parsed as HTML');
    assert.match(card.textContent, /Model m-2/);

    card.querySelector('button[data-label="human"]').dispatchEvent(new page.window.Event('click'));
    await until(() => /Thank you/.test(card.querySelector('.status[role="status"]').textContent));
    assert.deepEqual(backend.state.feedback.at(-1), { platform: 'mastodon', handle: 'newsbot@mastodon.example', label: 'human' });
  } finally {
    backend.state.override = null;
  }
});

test('backend unreachable: grey badges that say so, nothing else on the page changes', async () => {
  backend.state.override = (request) => (request.path === '/api/v1/accounts/score' ? 'network' : null);
  try {
    const page = openPage(chrome, 'reddit-post.html', 'https://www.reddit.com/r/example/comments/zzz/');
    const htmlBefore = page.document.querySelector('shreddit-post h1').outerHTML;
    await until(() => badges(page.document).length === 3 && badges(page.document).every((b) => b.tone === 'offline'));
    assert.ok(badges(page.document).every((b) => b.word === 'offline'));
    assert.match(badges(page.document)[0].label, /not reachable/);
    assert.equal(page.document.querySelector('shreddit-post h1').outerHTML, htmlBefore);
  } finally {
    backend.state.override = null;
  }
});

test('a switched-off site gets no badges and sends nothing', async () => {
  await chrome.storage.local.set({ sites: { youtube: false } });
  const before = backend.state.requests.length;
  const page = openPage(chrome, 'youtube-watch.html', 'https://www.youtube.com/watch?v=abc');
  await new Promise((resolve) => setTimeout(resolve, 300));
  assert.equal(badges(page.document).length, 0);
  assert.equal(backend.state.requests.length, before);
  await chrome.storage.local.set({ sites: {} });
});

// The compose check end to end: content scripts on a page with a compose box, the real service
// worker, and the backend's HTTP stubbed. Timers in the page are driven by the test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startWorker, until } from './helpers/content-page.mjs';
import { sendToWorker } from './helpers/chrome-stub.mjs';
import { manualTimers, settle } from './helpers/fake-backend.mjs';
import { loadContent, manifestScripts } from './helpers/content-loader.mjs';

const { chrome, backend } = await startWorker();
const storage = chrome.storage.local;
storage.remove ??= async (keys) => storage.set(Object.fromEntries([].concat(keys).map((k) => [k, undefined])));

/** The backend's answer, computed from the draft; spans in code points as Python counts them. */
function composeAnswer({ text, recent_posts: recent = [] }) {
  const points = [...text];
  const tips = [];
  const hash = points.indexOf('#');
  if (hash >= 0) tips.push({ code: 'too_many_hashtags', message: 'Use fewer hashtags.', span: [hash, points.length] });
  if (recent.includes(text)) tips.push({ code: 'repeated_post', message: 'You posted this before.' });
  const spam = /FREE/.test(text);
  return {
    spam_probability: spam ? 0.93 : tips.length ? 0.5 : 0.04,
    verdict: spam ? 'spam_like' : tips.length ? 'borderline' : 'fine',
    tips,
    model_version: 'compose-test-1',
  };
}

/** Lets the page's promises settle, then runs the timers they set (the debounce, the throttled rescan). */
async function runPending(/** @type {{ timers: { runAll: () => Promise<void> | void } }} */ page) {
  await settle();
  await page.timers.runAll();
}

/** When set, each compose request waits until the test releases it. */
let held = null;
backend.state.override = async (request) => {
  if (request.path !== '/api/v1/compose/check') return null;
  if (held) await new Promise((release) => held.push({ request, release }));
  return new Response(JSON.stringify(composeAnswer(request.body)), { status: 200, headers: { 'Content-Type': 'application/json' } });
};
const composeRequests = () => backend.state.requests.filter((r) => r.path === '/api/v1/compose/check');

function openCompose(body, url, { hearsStorage = false } = {}) {
  const timers = manualTimers();
  const replies = [];
  const contentChrome = {
    runtime: {
      id: chrome.runtime.id,
      sendMessage: async (message) => {
        const reply = await sendToWorker(chrome, structuredClone(message), { id: chrome.runtime.id, tab: { id: 1 } });
        replies.push({ message, reply });
        return reply;
      },
      onMessage: { addListener: () => {} },
    },
    // Every extension context hears the same storage changes (the options page saving a switch).
    ...(hearsStorage ? { storage: { onChanged: chrome.storage.onChanged } } : {}),
  };
  const loaded = loadContent({
    html: `<!doctype html><html><body>${body}</body></html>`,
    url,
    files: [...manifestScripts(), 'content/main.js'],
    globals: { chrome: contentChrome, setInterval: () => 0, setTimeout: timers.setTimer, clearTimeout: timers.clearTimer },
    beforeRun: ({ window, location }) => { window.location = location; },
  });
  const answered = (type) => replies.some((r) => r.message.type === type);
  return { ...loaded, timers, replies, answered };
}

function meters(document) {
  return [...document.querySelectorAll('[data-botlens="compose-meter"]')].map((host) => ({
    host,
    verdict: host.getAttribute('data-botlens-verdict'),
    word: host.shadowRoot.querySelector('.verdict').textContent,
    tips: [...host.shadowRoot.querySelectorAll('.tips li')].map((li) => li.textContent),
  }));
}

const MASTODON_FORM = '<form class="compose-form"><textarea class="autosuggest-textarea__textarea"></textarea>'
  + '<div class="compose-form__publish"><button type="submit"><span>Post</span></button></div></form>';
const X_EDITOR = '<div class="DraftEditor-root"><div class="public-DraftEditor-content" contenteditable="true" data-testid="tweetTextarea_0">'
  + '<div data-contents="true"><div data-block="true"><div><span><span data-text="true" id="draft-text"></span></span></div></div></div></div></div>'
  + '<div data-testid="toolBar"><button data-testid="tweetButtonInline">Post</button></div>';

/** The user puts the caret in a box: the browser makes it the active element and fires focusin. */
function focusBox(page, element) {
  Object.defineProperty(page.document, 'activeElement', { value: element, configurable: true });
  element.dispatchEvent(new page.window.Event('focusin', { bubbles: true, composed: true }));
}

/** Opens the page and puts the caret in its compose box. */
function openAndFocus(body, url, selector, options) {
  const page = openCompose(body, url, options);
  focusBox(page, page.document.querySelector(selector));
  return page;
}

function type(page, textarea, value) {
  textarea.value = value;
  textarea.dispatchEvent(new page.window.Event('input', { bubbles: true }));
}

test('typing in Mastodon’s box: one check after the pause, with the last text, shown in the meter', async () => {
  const page = openCompose(MASTODON_FORM, 'https://mastodon.social/home');
  await runPending(page);
  assert.equal(meters(page.document).length, 0, 'a box the user has not gone into has no meter');
  const textarea = page.document.querySelector('textarea');
  focusBox(page, textarea);
  await until(() => meters(page.document).length === 1);
  const before = composeRequests().length;
  for (const value of ['S', 'Sun', 'Sunny day ☀️ #', 'Sunny day ☀️ #sun #sky']) type(page, textarea, value);
  assert.equal(composeRequests().length, before, 'nothing is sent while the user is typing');
  await page.timers.runAll();
  await until(() => meters(page.document)[0].verdict === 'borderline');
  const sent = composeRequests().slice(before);
  assert.equal(sent.length, 1);
  assert.deepEqual(sent[0].body, { text: 'Sunny day ☀️ #sun #sky', platform: 'mastodon' });
  const [meter] = meters(page.document);
  assert.equal(meter.word, 'Borderline');
  assert.deepEqual(meter.tips, ['Use fewer hashtags.']);
  assert.equal(meter.host.hidden, false);
  assert.equal(textarea.value, 'Sunny day ☀️ #sun #sky', 'the draft is untouched');

  type(page, textarea, '   ');
  await page.timers.runAll();
  assert.equal(meters(page.document)[0].host.hidden, true, 'an empty box shows no meter');
  assert.equal(composeRequests().length, before + 1, 'and is not sent');
});

test('X’s Draft.js box is read through DOM changes; an older answer arriving last is dropped', async () => {
  const page = openAndFocus(X_EDITOR, 'https://x.com/home', '[data-testid="tweetTextarea_0"]');
  await until(() => meters(page.document).length === 1);
  const textNode = page.document.getElementById('draft-text');
  held = [];
  textNode.textContent = 'Launch day #ship';
  await runPending(page);
  await until(() => held.length === 1);
  textNode.textContent = 'FREE followers, click now';
  await runPending(page);
  await until(() => held.length === 2);
  assert.deepEqual(held.map((h) => h.request.body.text), ['Launch day #ship', 'FREE followers, click now']);
  const [older, newer] = held;
  held = null;
  newer.release();
  await until(() => meters(page.document)[0].verdict === 'spam_like');
  older.release();
  await runPending(page);
  assert.equal(meters(page.document)[0].verdict, 'spam_like', 'the answer about the old text does not replace the new one');
  assert.equal(meters(page.document)[0].word, 'Reads like spam');
});

test('navigating inside the app drops the pending answer; the box the user is still in is checked afresh', async () => {
  const page = openAndFocus(X_EDITOR, 'https://x.com/home', '[data-testid="tweetTextarea_0"]');
  await until(() => meters(page.document).length === 1);
  const [before] = meters(page.document);
  held = [];
  page.document.getElementById('draft-text').textContent = 'Hello #world';
  await runPending(page);
  await until(() => held.length === 1);
  page.window.location = new URL('https://x.com/compose/post');
  page.window.dispatchEvent(new page.window.Event('popstate'));
  assert.equal(before.host.isConnected, false, 'the meter of the old page view is gone');
  await until(() => held.length === 2);
  const [old, fresh] = held;
  held = null;
  assert.equal(fresh.request.body.text, 'Hello #world', 'the new page view checks the draft itself');
  old.release();
  await settle();
  assert.equal(meters(page.document).length, 1);
  assert.notEqual(meters(page.document)[0].verdict, 'borderline', 'the old answer is not shown');
  fresh.release();
  await until(() => meters(page.document)[0].verdict === 'borderline');
});

test('each supported site: its compose box gets a meter and its checks say which platform', async () => {
  const sites = [
    ['https://bsky.app/', '<div role="dialog"><div class="tiptap ProseMirror" contenteditable="true"><p></p></div><button data-testid="composerPublishBtn">Post</button></div>', '.ProseMirror', 'bluesky'],
    ['https://www.reddit.com/r/test/comments/1/x/', '<comment-composer-host><shreddit-composer><div contenteditable="true" role="textbox"><p></p></div></shreddit-composer></comment-composer-host>', 'shreddit-composer [contenteditable]', 'reddit'],
    ['https://www.youtube.com/watch?v=abc', '<ytd-commentbox><div id="contenteditable-root" contenteditable="true"></div></ytd-commentbox>', '#contenteditable-root', 'youtube'],
  ];
  for (const [url, body, selector, platform] of sites) {
    const page = openAndFocus(body, url, selector);
    await until(() => meters(page.document).length === 1);
    const editor = page.document.querySelector(selector);
    editor.firstElementChild ? (editor.firstElementChild.textContent = 'مرحبا 👋 #hi') : (editor.textContent = 'مرحبا 👋 #hi');
    editor.dispatchEvent(new page.window.Event('input', { bubbles: true }));
    await runPending(page);
    await until(() => meters(page.document)[0].verdict === 'borderline');
    assert.deepEqual(composeRequests().at(-1).body, { text: 'مرحبا 👋 #hi', platform }, platform);
  }
});

test('switched off for a site: no meter and nothing sent', async () => {
  await storage.set({ composeSites: { youtube: false } });
  const before = composeRequests().length;
  const page = openCompose('<ytd-commentbox><div id="contenteditable-root" contenteditable="true">FREE stuff</div></ytd-commentbox>', 'https://www.youtube.com/watch?v=abc');
  await until(() => page.answered('compose.site'));
  focusBox(page, page.document.getElementById('contenteditable-root'));
  await page.timers.runAll();
  assert.equal(meters(page.document).length, 0);
  assert.equal(composeRequests().length, before);
  await storage.set({ composeSites: {} });
});

test('the switch applies to an open tab at once: off takes the meter away, on brings it back', async () => {
  const page = openAndFocus(MASTODON_FORM, 'https://mastodon.social/home', 'textarea', { hearsStorage: true });
  await until(() => meters(page.document).length === 1);
  await storage.set({ composeSites: { mastodon: false } });
  await until(() => meters(page.document).length === 0);
  const before = composeRequests().length;
  type(page, page.document.querySelector('textarea'), 'FREE followers #now');
  await page.timers.runAll();
  await settle();
  assert.equal(composeRequests().length, before, 'switched off: typing sends nothing');
  await storage.set({ composeSites: {} });
  await until(() => meters(page.document).length === 1);
  type(page, page.document.querySelector('textarea'), 'FREE followers #now!');
  await page.timers.runAll();
  await until(() => meters(page.document)[0].verdict === 'spam_like');
});

test('with the opt-in, a sent post is remembered and goes with the next check on that site', async () => {
  await storage.set({ composeRecentPostsOptIn: true });
  const page = openAndFocus(MASTODON_FORM, 'https://mastodon.social/home', 'textarea');
  await until(() => meters(page.document).length === 1);
  type(page, page.document.querySelector('textarea'), 'Come see my shop today');
  page.document.querySelector('.compose-form__publish span').dispatchEvent(new page.window.Event('click', { bubbles: true }));
  await until(() => page.answered('compose.posted'));
  const stored = (await storage.get('composeRecentPosts')).composeRecentPosts;
  assert.deepEqual(stored.map((p) => [p.platform, p.text]), [['mastodon', 'Come see my shop today']]);

  const next = openAndFocus(MASTODON_FORM, 'https://mastodon.social/home', 'textarea');
  await until(() => meters(next.document).length === 1);
  type(next, next.document.querySelector('textarea'), 'Come see my shop today');
  await next.timers.runAll();
  await until(() => meters(next.document)[0].tips.includes('You posted this before.'));
  assert.deepEqual(composeRequests().at(-1).body.recent_posts, ['Come see my shop today']);
  await storage.set({ composeRecentPostsOptIn: false });
});

test('a box gets its meter when the user goes into it; what the page inserts is never searched for boxes', async () => {
  const page = openCompose('<main id="feed"><div id="later"></div></main>', 'https://x.com/home');
  await runPending(page);
  const editorQueries = [];
  for (const target of [page.window.Element.prototype, page.document]) {
    for (const name of ['querySelector', 'querySelectorAll', 'matches', 'closest']) {
      const original = target[name];
      if (typeof original !== 'function') continue;
      target[name] = function spied(selector, ...rest) {
        if (String(selector).includes('tweetTextarea')) editorQueries.push(name);
        return original.call(this, selector, ...rest);
      };
    }
  }
  const feed = page.document.getElementById('feed');
  for (let i = 0; i < 20; i++) {
    const post = page.document.createElement('article');
    post.textContent = `post ${i}`;
    feed.append(post);
  }
  const reply = page.document.createElement('div');
  reply.innerHTML = X_EDITOR;
  feed.append(reply);
  await runPending(page);
  assert.deepEqual(editorQueries, [], 'no box in use: nothing the page adds is searched for one');
  assert.equal(meters(page.document).length, 0, 'a box nobody went into has no meter');

  focusBox(page, reply.firstElementChild.firstElementChild);
  await until(() => meters(page.document).length === 1);

  // A box the site turns editable where it stands is one as soon as the user goes into it.
  const inPlace = page.document.getElementById('later');
  inPlace.setAttribute('data-testid', 'tweetTextarea_1');
  inPlace.setAttribute('contenteditable', 'true');
  focusBox(page, inPlace);
  await until(() => meters(page.document).length === 2);
  focusBox(page, reply.firstElementChild.firstElementChild);
  await runPending(page);
  assert.equal(meters(page.document).length, 2, 'going back into a box keeps its one meter');
});

test('scrolling is listened to only while a meter is on the page', async () => {
  const page = openCompose('<main id="feed"></main>', 'https://x.com/home');
  await runPending(page);
  const moves = [];
  for (const name of ['addEventListener', 'removeEventListener']) {
    const original = page.window[name];
    page.window[name] = function spied(type, ...rest) {
      if (type === 'scroll' || type === 'resize') moves.push(`${name === 'addEventListener' ? '+' : '-'}${type}`);
      return original.call(this, type, ...rest);
    };
  }
  const feed = page.document.getElementById('feed');
  feed.append(page.document.createElement('article'));
  await runPending(page);
  assert.deepEqual(moves, [], 'no meter: no scroll listener');
  const box = page.document.createElement('div');
  box.innerHTML = X_EDITOR;
  feed.append(box);
  await runPending(page);
  assert.deepEqual(moves, [], 'a box nobody went into: no scroll listener');
  focusBox(page, box.firstElementChild.firstElementChild);
  await until(() => meters(page.document).length === 1);
  assert.deepEqual(moves, ['+scroll', '+resize']);
  box.remove();
  feed.append(page.document.createElement('article'));
  await runPending(page);
  await until(() => meters(page.document).length === 0);
  assert.deepEqual(moves, ['+scroll', '+resize', '-scroll', '-resize'], 'the box is gone: so are the listeners');
});

// Posting patterns end to end inside the extension: a profile page's visible posts go from the content
// scripts through the real service worker to POST /api/v1/posts/score, and the answer reaches the badge.
// Only the backend's HTTP is stood in for.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startWorker, badges, until } from './helpers/content-page.mjs';
import { fixture, loadContent, manifestScripts } from './helpers/content-loader.mjs';
import { sendToWorker } from './helpers/chrome-stub.mjs';
import { settle } from './helpers/fake-backend.mjs';

const { chrome, backend } = await startWorker();

function tweet(handle, name, text, minute) {
  return `<div data-testid="cellInnerDiv"><article data-testid="tweet" role="article"><div data-testid="User-Name">
    <div><a href="/${handle}" role="link"><div dir="ltr"><span>${name}</span></div></a></div>
    <div><a href="/${handle}" role="link" tabindex="-1"><div dir="ltr"><span>@${handle}</span></div></a>
    <a href="/${handle}/status/${minute}"><time datetime="2024-05-02T10:${String(minute).padStart(2, '0')}:00.000Z">x</time></a></div></div>
    <div data-testid="tweetText" lang="en"><span>${text}</span></div>
    <div role="group"><button data-testid="like" aria-label="${minute} Likes. Like"><span>${minute}</span></button></div></article></div>`;
}

function openProfile(extraTweets) {
  const html = fixture('x-profile.html').replace('</div></section>', `${extraTweets.join('')}</div></section>`);
  const contentChrome = {
    runtime: {
      id: chrome.runtime.id,
      sendMessage: (message) => sendToWorker(chrome, structuredClone(message), { id: chrome.runtime.id, tab: { id: 1 } }),
      onMessage: { addListener: () => {} },
    },
  };
  return loadContent({ html, url: 'https://x.com/ada_example', files: manifestScripts(),
    globals: { chrome: contentChrome, setInterval: () => 0 },
    beforeRun: ({ window, location }) => { window.location = location; } });
}

test('a profile whose visible posts look automated: the badge turns bot-like and says why', async () => {
  const postsRequests = [];
  backend.state.override = (request) => {
    if (request.path !== '/api/v1/posts/score') return null;
    postsRequests.push(request.body);
    const n = request.body.posts.length;
    const regular = request.body.posts.filter((p) => p.created_at).length / n;
    return new Response(JSON.stringify({
      automation_probability: regular, model_version: 'posts-test', per_post: request.body.posts.map(() => ({ spam_probability: 0.5 })),
      signals: [{ code: 'interval_regularity', message: 'Posts exactly every minute', value: 1 }],
    }), { status: 200, headers: { 'Content-Type': 'application/json' } });
  };
  try {
    const page = openProfile([1, 2, 3].map((m) => tweet('ada_example', 'Ada Example', `Same promo ${m}`, m)));
    const header = () => badges(page.document).find((b) => b.host.closest('[data-testid="UserName"]'));
    await until(() => header() && /automated/.test(header().label), 400);
    assert.equal(header().word, 'bot-like');
    assert.match(header().label, /Posting pattern of 5 visible posts looks 100% automated \(Posts exactly every minute\)/);
    assert.equal(postsRequests.length, 1);
    const [body] = postsRequests;
    assert.equal(body.account.handle, 'ada_example');
    assert.deepEqual(body.posts.map((p) => p.is_repost), [false, true, false, false, false]);
    assert.deepEqual(body.posts.slice(2).map((p) => p.likes), [1, 2, 3], 'exact counts from the buttons’ labels');
    assert.equal(body.posts[2].created_at, '2024-05-02T10:01:00.000Z');
  } finally {
    backend.state.override = null;
  }
});

test('posts.score refuses posts without text, and a backend without the posts model leaves the badge as it was', async () => {
  const refused = await sendToWorker(chrome, { type: 'posts.score', posts: [{ likes: 3 }] });
  assert.equal(refused.ok, false);
  assert.equal(refused.error.kind, 'bad_request');
  const page = openProfile([1, 2, 3].map((m) => tweet('ada_example', 'Ada Example', `Ordinary post ${m}`, m + 10)));
  const header = () => badges(page.document).find((b) => b.host.closest('[data-testid="UserName"]'));
  await until(() => header() && header().tone !== 'pending');
  await until(() => backend.state.requests.some((r) => r.path === '/api/v1/posts/score' && r.body.posts.some((p) => p.text === 'Ordinary post 1')));
  await settle();
  assert.equal(header().word, 'human-like', 'the fake backend answers 404 for posts/score; the profile verdict stays');
  assert.doesNotMatch(header().label, /Posting pattern/);
});

// The audit job in the service worker: page followers, send them to /followers/audit, keep the state where
// the report page reads it. Only the HTTP of the public APIs and of the backend is stood in for.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BackendClient } from '../../extension/background/backend-client.js';
import { AuditJobs, auditKey, followersKey, mastodonOrigins } from '../../extension/background/audit-jobs.js';
import { MessageRouter } from '../../extension/background/message-router.js';
import { registerAuditHandlers } from '../../extension/background/handlers/audit.js';
import { fakeMastodon, fakeBluesky, recordingSleep } from './helpers/fake-social-apis.mjs';

const BACKEND = 'http://127.0.0.1:8765';

function memoryArea() {
  const data = {};
  const writes = [];
  return {
    data, writes,
    async get(key) {
      if (key === null) return structuredClone(data);
      return key in data ? { [key]: structuredClone(data[key]) } : {};
    },
    async set(items) { for (const [k, v] of Object.entries(items)) { data[k] = structuredClone(v); writes.push(structuredClone(v)); } },
    async remove(keys) { for (const k of [].concat(keys)) delete data[k]; },
  };
}

/** An audit endpoint whose figures follow from the followers it gets (share with no followers, no posts). */
function auditBackend({ status = 200 } = {}) {
  const bodies = [];
  async function fetch(url, init = {}) {
    const body = init.body ? JSON.parse(init.body) : undefined;
    bodies.push({ path: new URL(url).pathname, body, auth: init.headers.Authorization });
    if (status !== 200) return new Response(JSON.stringify({ title: 'Unauthorized', status }), { status, headers: { 'Content-Type': 'application/problem+json' } });
    const n = body.followers.length;
    const fake = body.followers.filter((f) => f.followers_count === 0).length / n;
    return new Response(JSON.stringify({
      n_scored: n, followers_total: body.followers_total ?? null, fake_share: fake, fake_share_ci95: [fake / 2, Math.min(1, fake * 1.5)],
      bot_share: 0, bot_share_ci95: [0, 0], inactive_share: 0, inactive_share_ci95: [0, 0],
      effective_audience: body.followers_total ? Math.round(body.followers_total * (1 - fake)) : null, effective_audience_ci95: null,
      histogram: { edges: [0, 0.5, 1], counts: [n - Math.round(fake * n), Math.round(fake * n)] },
      top_reasons: [], notes: [`sampling=${body.sampling}`], model_version: 'test',
    }), { status: 200, headers: { 'Content-Type': 'application/json' } });
  }
  return { fetch, bodies };
}

/** Routes fetch by host: the backend, or the social API. */
function router(backend, social) {
  return (url, init) => (String(url).startsWith(BACKEND) ? backend.fetch(url, init) : social.fetch(url, init));
}

function makeJobs({ social, backend = auditBackend(), opened = [] }) {
  const session = memoryArea();
  const client = new BackendClient({ fetch: router(backend, social), getConnection: async () => ({ backendUrl: BACKEND, token: 'tok' }) });
  let n = 0;
  let clock = Date.parse('2026-11-23T10:00:00Z');
  const jobs = new AuditJobs({
    client, fetch: social.fetch, session, openReport: (id) => opened.push(id), newId: () => `a${++n}`, now: () => (clock += 1000),
    pagerOptions: { sleep: recordingSleep().sleep },
  });
  return { jobs, session, backend, opened };
}

test('Mastodon audit: pages every follower, posts them with sampling "recent" and the account’s follower count', async () => {
  const social = fakeMastodon({ host: 'mastodon.example', followers: 300 });
  const { jobs, session, backend, opened } = makeJobs({ social });
  const id = await jobs.startPaging({ platform: 'mastodon', handle: 'owner@mastodon.example', limit: 2000 });
  assert.deepEqual(opened, [id], 'report page opened once the job started');
  await jobs.running.get(id).done;
  const [call] = backend.bodies;
  assert.equal(call.path, '/api/v1/followers/audit');
  assert.equal(call.auth, 'Bearer tok');
  assert.equal(call.body.sampling, 'recent');
  assert.equal(call.body.followers.length, 300);
  assert.equal(call.body.followers_total, 300);
  assert.equal(call.body.account.handle, 'owner@mastodon.example');
  const state = session.data[auditKey(id)];
  assert.equal(state.status, 'done');
  assert.equal(state.report.n_scored, 300);
  assert.equal(state.report.fake_share, 100 / 300, 'every third follower of the fixture has no followers');
  assert.match(state.clientNotes[0], /public followers API, which lists the newest followers first/);
  assert.equal(session.data[followersKey(id)].length, 300);
  const statuses = session.writes.filter((w) => w.id === id).map((w) => w.status);
  assert.deepEqual([...new Set(statuses)], ['collecting', 'scoring', 'done']);
  const seen = session.writes.filter((w) => w.id === id && w.status === 'collecting').map((w) => w.seen);
  assert.ok(seen.includes(80) && seen.includes(160), `progress written per page: ${seen}`);
});

test('the account’s recent posts go with the audit for the engagement check; an instance that refuses them does not stop it', async () => {
  const statuses = [
    { id: '1', content: '<p>Hello <b>world</b></p>', created_at: '2026-11-20T10:00:00Z', favourites_count: 4, reblogs_count: 1, replies_count: 2 },
    { id: '2', content: '', reblog: { id: '9' }, created_at: '2026-11-19T10:00:00Z' },
    { id: '3', content: '<p>@a thanks</p>', in_reply_to_id: '77', created_at: '2026-11-18T10:00:00Z', favourites_count: 0, reblogs_count: 0, replies_count: 0 },
  ];
  const withPosts = makeJobs({ social: fakeMastodon({ host: 'mastodon.example', followers: 90, statuses }) });
  const id = await withPosts.jobs.startPaging({ platform: 'mastodon', handle: 'owner@mastodon.example', limit: 2000 });
  await withPosts.jobs.running.get(id).done;
  assert.deepEqual(withPosts.backend.bodies[0].body.posts, [
    { text: 'Hello world', created_at: '2026-11-20T10:00:00.000Z', is_repost: false, is_reply: false, likes: 4, reposts: 1, replies: 2 },
    { text: '@a thanks', created_at: '2026-11-18T10:00:00.000Z', is_repost: false, is_reply: true, likes: 0, reposts: 0, replies: 0 },
  ]);
  const refused = makeJobs({ social: fakeMastodon({ host: 'mastodon.example', followers: 90, statuses: null }) });
  const id2 = await refused.jobs.startPaging({ platform: 'mastodon', handle: 'owner@mastodon.example', limit: 2000 });
  await refused.jobs.running.get(id2).done;
  assert.equal('posts' in refused.backend.bodies[0].body, false);
  assert.equal(refused.session.data[auditKey(id2)].status, 'done');
});

test('stop part-way: what was collected is scored, with a note that the list was cut short', async () => {
  const social = fakeMastodon({ host: 'mastodon.example', followers: 1000 });
  const { jobs, session, backend } = makeJobs({ social });
  const set = session.set;
  session.set = async (items) => {
    await set(items);
    const state = Object.values(items)[0];
    if (state && state.seen >= 160) jobs.stop(state.id); // the user presses "Stop" once two pages are in
  };
  const id = await jobs.startPaging({ platform: 'mastodon', handle: 'owner@mastodon.example', limit: 2000 });
  await jobs.running.get(id).done;
  const state = session.data[auditKey(id)];
  assert.equal(state.status, 'done');
  const sent = backend.bodies[0].body.followers.length;
  assert.ok(sent >= 160 && sent <= 240 && sent % 80 === 0, `stopped within a page of the press: ${sent}`);
  assert.ok(state.clientNotes.some((n) => /^Stopped after/.test(n)));
});

test('cancel: the report says cancelled and nothing is sent to the backend', async () => {
  const social = fakeMastodon({ host: 'mastodon.example', followers: 1000 });
  const { jobs, session, backend } = makeJobs({ social });
  const id = await jobs.startPaging({ platform: 'mastodon', handle: 'owner@mastodon.example', limit: 2000 });
  const { done } = jobs.running.get(id);
  assert.equal(await jobs.cancel(id), true);
  await done;
  assert.equal(session.data[auditKey(id)].status, 'cancelled');
  assert.equal(backend.bodies.length, 0);
  assert.equal(jobs.running.has(id), false);
});

test('a backend that rejects the token: the audit ends in an error the report can show', async () => {
  const social = fakeBluesky({ followers: 30 });
  const { jobs, session } = makeJobs({ social, backend: auditBackend({ status: 401 }) });
  const id = await jobs.startPaging({ platform: 'bluesky', handle: 'owner.bsky.social', limit: 2000 });
  await jobs.running.get(id).done;
  const state = session.data[auditKey(id)];
  assert.equal(state.status, 'error');
  assert.match(state.error, /token/);
});

test('an account the instance does not know: the error names the instance', async () => {
  const social = fakeMastodon({ host: 'mastodon.example', followers: 5 });
  const { jobs, session } = makeJobs({ social });
  const id = await jobs.startPaging({ platform: 'mastodon', handle: 'ghost@mastodon.example', limit: 10 });
  await jobs.running.get(id).done;
  assert.match(session.data[auditKey(id)].error, /mastodon\.example answered 404/);
});

test('collected followers (X, Instagram) are scored with sampling "visible" and the page’s follower count', async () => {
  const { jobs, session, backend } = makeJobs({ social: fakeMastodon({ followers: 0 }) });
  const followers = [{ platform: 'x', handle: 'a', followers_count: 0 }, { platform: 'x', handle: 'b', followers_count: 5 }];
  const id = await jobs.submitCollected({ platform: 'x', handle: 'owner', followers, followersTotal: 1200 });
  await jobs.running.get(id).done;
  assert.equal(backend.bodies[0].body.sampling, 'visible');
  assert.equal(backend.bodies[0].body.followers_total, 1200);
  const state = session.data[auditKey(id)];
  assert.equal(state.report.effective_audience, 600);
  assert.match(state.clientNotes[0], /list the page showed/);
});

test('only the newest audits are kept in session storage, with their followers', async () => {
  const { jobs, session } = makeJobs({ social: fakeMastodon({ followers: 0 }) });
  const ids = [];
  for (let i = 0; i < 7; i++) {
    const id = await jobs.submitCollected({ platform: 'x', handle: `owner${i}`, followers: [{ platform: 'x', handle: `f${i}` }] });
    await jobs.running.get(id).done;
    ids.push(id);
  }
  const kept = Object.keys(session.data).filter((k) => /^audit:[^:]+$/.test(k)).map((k) => k.slice('audit:'.length));
  assert.deepEqual(kept.sort(), ids.slice(2).sort());
  assert.deepEqual(Object.keys(session.data).filter((k) => k.endsWith(':followers')).sort(), ids.slice(2).map(followersKey).sort());
});

test('mastodonOrigins: the page’s instance when it is the account’s home, else the home first', () => {
  assert.deepEqual(mastodonOrigins('eve@mastodon.social', 'https://mastodon.social'), ['https://mastodon.social']);
  assert.deepEqual(mastodonOrigins('eve@fosstodon.org', 'https://mastodon.social'), ['https://fosstodon.org', 'https://mastodon.social']);
  assert.deepEqual(mastodonOrigins('eve@127.0.0.1', 'http://127.0.0.1:3000'), ['http://127.0.0.1:3000']);
  assert.deepEqual(mastodonOrigins('eve', undefined), []);
});

test('handlers: bad messages are refused without starting anything; the limit comes from settings', async () => {
  const calls = [];
  const jobs = { startPaging: async (r) => { calls.push(r); return 'id1'; }, submitCollected: async () => 'id2', stop: () => false, cancel: async () => false };
  const local = memoryArea();
  local.data.auditLimit = 500;
  const messages = new MessageRouter();
  registerAuditHandlers(messages, { client: /** @type {any} */ ({}), fetch: /** @type {any} */ (null), local, jobs });
  const sender = /** @type {any} */ ({});
  assert.equal((await messages.dispatch({ type: 'audit.start', platform: 'x', handle: 'a' }, sender)).ok, false);
  assert.equal((await messages.dispatch({ type: 'audit.start', platform: 'bluesky' }, sender)).ok, false);
  assert.equal((await messages.dispatch({ type: 'audit.submit', platform: 'x', handle: 'a', followers: [] }, sender)).ok, false);
  assert.equal((await messages.dispatch({ type: 'audit.submit', platform: 'x', handle: 'a', followers: [{ handle: 'b' }] }, sender)).ok, false);
  assert.equal(calls.length, 0);
  const reply = await messages.dispatch({ type: 'audit.start', platform: 'bluesky', handle: 'Owner.bsky.social' }, sender);
  assert.deepEqual(reply, { ok: true, auditId: 'id1' });
  assert.equal(calls[0].limit, 500);
  assert.equal(calls[0].handle, 'owner.bsky.social');
  assert.deepEqual(await messages.dispatch({ type: 'audit.limit' }, sender), { ok: true, limit: 500, max: 50_000 });
});

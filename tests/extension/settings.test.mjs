import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  mergeSettings, parseBackendUrl, backendPermissionPattern, parseInstanceOrigin, isLoopbackHost, DEFAULT_BACKEND_URL,
} from '../../extension/background/settings.js';
import { instanceMatchPattern } from '../../extension/background/mastodon-instances.js';

test('defaults: loopback backend, every site on, no token', () => {
  const settings = mergeSettings(undefined);
  assert.equal(settings.backendUrl, DEFAULT_BACKEND_URL);
  assert.equal(settings.token, '');
  assert.ok(Object.values(settings.sites).every(Boolean));
  assert.deepEqual(mergeSettings({ sites: { reddit: false } }).sites.reddit, false);
  assert.deepEqual(mergeSettings({ mastodonInstances: ['https://a.example', 5] }).mastodonInstances, ['https://a.example']);
});

test('backend URL: loopback may be http, anything else must be https', () => {
  assert.deepEqual(parseBackendUrl('http://127.0.0.1:8765/'), { ok: true, url: 'http://127.0.0.1:8765', origin: 'http://127.0.0.1:8765', loopback: true });
  assert.equal(parseBackendUrl('http://localhost:9000').ok, true);
  assert.equal(parseBackendUrl('https://botlens.team.example/base/').url, 'https://botlens.team.example/base');
  assert.equal(parseBackendUrl('http://botlens.team.example').ok, false);
  assert.equal(parseBackendUrl('ftp://127.0.0.1').ok, false);
  assert.equal(parseBackendUrl('not a url').ok, false);
  assert.match(parseBackendUrl('https://user:secret@botlens.example').message, /token/);
});

test('only a non-loopback backend needs a runtime host permission', () => {
  assert.equal(backendPermissionPattern('http://127.0.0.1:8765'), null);
  assert.equal(backendPermissionPattern('https://botlens.team.example:8443/x'), 'https://botlens.team.example:8443/*');
  assert.equal(isLoopbackHost('127.8.9.10'), true);
  assert.equal(isLoopbackHost('127.example.com'), false);
});

test('Mastodon instance addresses: bare domains become https origins; patterns ignore ports', () => {
  assert.deepEqual(parseInstanceOrigin('fosstodon.org'), { ok: true, origin: 'https://fosstodon.org' });
  assert.deepEqual(parseInstanceOrigin(' https://Hachyderm.io/@someone '), { ok: true, origin: 'https://hachyderm.io' });
  assert.equal(parseInstanceOrigin('http://mastodon.example').ok, false);
  assert.equal(parseInstanceOrigin('http://127.0.0.1:3000').ok, true);
  assert.equal(parseInstanceOrigin('').ok, false);
  assert.equal(parseInstanceOrigin('localname').ok, false);
  assert.equal(instanceMatchPattern('http://127.0.0.1:3000'), 'http://127.0.0.1/*');
});

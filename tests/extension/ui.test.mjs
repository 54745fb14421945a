import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadContent } from './helpers/content-loader.mjs';

const { BotLens } = loadContent();
const { describeOutcome } = BotLens.verdict;
const outcome = (verdict, bot, fake) => ({
  ok: true, modelVersion: 'm1',
  result: { platform: 'x', handle: 'a', verdict, bot_probability: bot, fake_follower_probability: fake, reasons: [{ code: 'c', message: 'Few posts', impact: 0.3 }] },
});

test('each verdict has its own word and shape, not only a colour', () => {
  const views = [
    describeOutcome(outcome('likely_human', 0.1, 0.1), 'a'),
    describeOutcome(outcome('uncertain', 0.5, 0.2), 'a'),
    describeOutcome(outcome('likely_bot', 0.9, 0.7), 'a'),
    describeOutcome(outcome('uncertain', 0.4, 0.75), 'a'),
  ];
  assert.deepEqual(views.map((v) => [v.tone, v.word]), [
    ['human', 'human-like'], ['uncertain', 'uncertain'], ['bot', 'bot-like'], ['fake', 'fake-follower-like'],
  ]);
  assert.equal(new Set(views.map((v) => v.symbol)).size, 4);
  assert.match(views[2].label, /a looks bot-like \(bot 90%, fake follower 70%\)\. Few posts\. Press Enter/);
});

test('errors and waiting are grey and say what is wrong', () => {
  const offline = describeOutcome({ ok: false, error: { kind: 'offline', message: 'The BotLens backend at http://127.0.0.1:8765 is not reachable.' } }, 'a');
  assert.deepEqual([offline.tone, offline.word], ['offline', 'offline']);
  assert.match(offline.label, /not reachable/);
  assert.equal(describeOutcome({ ok: false, error: { kind: 'unauthorized', message: 'x' } }, 'a').word, 'token rejected');
  assert.equal(describeOutcome({ ok: false, error: { kind: 'not_configured', message: 'x' } }, 'a').word, 'not set up');
  assert.equal(describeOutcome(null, 'a').tone, 'pending');
});

test('reason impacts are shown signed', () => {
  assert.equal(BotLens.floatingFormat.formatImpact(0.423), '+0.42');
  assert.equal(BotLens.floatingFormat.formatImpact(-0.1), '−0.10');
});

test('a badge previews when the pointer comes onto it and ends when it leaves; moves inside it or elsewhere do nothing', () => {
  const { BotLens: lens, document, window } = loadContent({ html: '<!doctype html><html><body><p id="post"><span id="name">Ada</span></p></body></html>' });
  const calls = [];
  const handlers = { onPreview: (button, owner) => calls.push(['preview', owner]), onEndPreview: () => calls.push(['end']), onOpen: () => calls.push(['open']) };
  const badge = lens.createBadge(document, handlers, 'entry-1', lens.verdict.describeOutcome(outcome('likely_human', 0.1, 0.1), 'ada'));
  document.getElementById('name').append(badge.host);
  const move = (type, target, relatedTarget) => {
    const event = new window.Event(type, { bubbles: true });
    Object.defineProperty(event, 'relatedTarget', { value: relatedTarget });
    target.dispatchEvent(event);
  };
  const name = document.getElementById('name');
  const post = document.getElementById('post');
  move('mouseover', post, null);
  move('mouseout', post, name);
  assert.deepEqual(calls, [], 'the page’s own elements');
  move('mouseover', badge.host, name);
  move('mouseout', badge.host, badge.button);
  move('mouseover', badge.button, badge.host);
  assert.deepEqual(calls, [['preview', 'entry-1']], 'onto the badge once; host to button is not leaving');
  move('mouseout', badge.button, name);
  assert.deepEqual(calls.at(-1), ['end']);
  assert.equal(calls.length, 2);
});

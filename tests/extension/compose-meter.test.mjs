// The compose meter: what it says for each state, how it renders (textContent only, accessible),
// where it sits, and the debounce that decides when it asks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { composePage } from './helpers/compose-fixtures.mjs';
import { manualTimers } from './helpers/fake-backend.mjs';

function setup() {
  const loaded = composePage('');
  const focused = [];
  const meter = loaded.BotLens.compose.meter.createMeter(loaded.document, { onFocusTip: (i) => focused.push(i) });
  loaded.document.body.append(meter.host);
  const { describeCheck } = loaded.BotLens.compose.meterView;
  const shadow = meter.host.shadowRoot;
  return { ...loaded, meter, shadow, describeCheck, focused };
}

const RESULT = {
  spamProbability: 0.83,
  verdict: 'spam_like',
  modelVersion: 'compose-test-1',
  tips: [
    { code: 'too_many_hashtags', message: 'Use at most 2 hashtags <img src=x onerror=alert(1)>', span: [4, 20] },
    { code: 'dm_me', message: 'Asking people to "DM me" reads like spam & bots.', span: null },
  ],
};

test('describeCheck: a word, a shape and a tone per verdict, the probability, and every tip', () => {
  const { describeCheck } = setup();
  const spam = describeCheck({ status: 'done', result: RESULT });
  assert.equal(spam.state, 'spam_like');
  assert.equal(spam.word, 'Reads like spam');
  assert.equal(spam.detail, '83% spam-like');
  assert.equal(spam.tips.length, 2);
  assert.match(spam.label, /reads like spam, 83% spam-like, 2 tips\. Use at most 2 hashtags/);
  const words = ['fine', 'borderline', 'spam_like'].map((verdict) => describeCheck({ status: 'done', result: { ...RESULT, verdict, tips: [] } }));
  assert.deepEqual(words.map((v) => v.word), ['Reads fine', 'Borderline', 'Reads like spam']);
  assert.equal(new Set(words.map((v) => v.symbol)).size, 3, 'each verdict has its own shape, not only a colour');
  assert.equal(words[0].label, 'Draft check: reads fine, 83% spam-like.');
});

test('describeCheck: checking keeps the last verdict (marked stale); errors say what is wrong', () => {
  const { describeCheck } = setup();
  const done = describeCheck({ status: 'done', result: RESULT });
  const checking = describeCheck({ status: 'checking', previous: done });
  assert.equal(checking.state, 'spam_like');
  assert.equal(checking.stale, true);
  assert.equal(describeCheck({ status: 'checking', previous: null }).state, 'checking');
  assert.equal(describeCheck({ status: 'idle' }).state, 'idle');
  const notSetUp = describeCheck({ status: 'error', error: { kind: 'not_configured', message: 'No API token set.' } });
  assert.equal(notSetUp.word, 'BotLens not set up');
  assert.equal(notSetUp.detail, 'No API token set.');
  assert.equal(describeCheck({ status: 'error', error: { kind: 'offline', message: 'down' } }).word, 'Check unavailable');
  assert.equal(describeCheck({ status: 'error', error: undefined }).detail, 'The BotLens backend is not reachable.');
});

test('the meter renders in an open shadow root, through textContent only, as a polite live status', () => {
  const { meter, shadow, describeCheck } = setup();
  assert.equal(meter.host.getAttribute('data-botlens'), 'compose-meter');
  assert.equal(meter.host.hidden, true, 'nothing shows before there is a draft');
  meter.update(describeCheck({ status: 'done', result: RESULT }));
  assert.equal(meter.host.hidden, false);
  assert.equal(meter.host.getAttribute('data-botlens-verdict'), 'spam_like');
  const status = shadow.querySelector('[role="status"]');
  assert.equal(status.getAttribute('aria-live'), 'polite');
  assert.equal(shadow.querySelector('.verdict').textContent, 'Reads like spam');
  assert.match(status.textContent, /Reads like spam · 83% spam-like/);
  const items = [...shadow.querySelectorAll('.tips li')];
  assert.deepEqual(items.map((li) => li.getAttribute('data-code')), ['too_many_hashtags', 'dm_me']);
  assert.equal(items[0].textContent, RESULT.tips[0].message, 'markup in a message stays text');
  assert.equal(shadow.querySelectorAll('img').length, 0);
  assert.equal(items[0].getAttribute('tabindex'), '0', 'a tip with a span can be focused to highlight it');
  assert.equal(items[1].hasAttribute('tabindex'), false);
  assert.ok(shadow.querySelector('.bar').className.includes('tone-spam_like'));
});

test('the tips button opens and closes the list; focusing a tip asks for its highlight', () => {
  const { meter, shadow, describeCheck, window, focused } = setup();
  meter.update(describeCheck({ status: 'done', result: RESULT }));
  const toggle = shadow.querySelector('.toggle');
  const list = shadow.querySelector('.tips');
  assert.equal(toggle.textContent, '2 tips');
  assert.equal(toggle.getAttribute('aria-controls'), list.id);
  assert.equal(list.hidden, true);
  toggle.dispatchEvent(new window.Event('click'));
  assert.equal(list.hidden, false);
  assert.equal(toggle.getAttribute('aria-expanded'), 'true');
  list.querySelector('li').dispatchEvent(new window.Event('focus'));
  list.querySelector('li').dispatchEvent(new window.Event('blur'));
  assert.deepEqual(focused, [0, null]);
  toggle.dispatchEvent(new window.Event('click'));
  assert.equal(list.hidden, true);
  meter.update(describeCheck({ status: 'done', result: { ...RESULT, verdict: 'fine', tips: [] } }));
  assert.equal(toggle.hidden, true, 'no tips, no button');
  assert.equal(shadow.querySelectorAll('.tips li').length, 0);
});

test('meterPosition: inside the box’s corner, below a short box, never off screen', () => {
  const { BotLens } = setup();
  const { meterPosition } = BotLens.compose.meter;
  const viewport = { width: 1000, height: 800 };
  const meter = { width: 120, height: 20 };
  const box = (left, top, width, height) => ({ left, top, width, height, right: left + width, bottom: top + height });
  assert.deepEqual({ ...meterPosition(box(100, 100, 500, 120), meter, viewport) }, { left: 476, top: 196 });
  assert.deepEqual({ ...meterPosition(box(100, 100, 500, 22), meter, viewport) }, { left: 476, top: 126 });
  assert.deepEqual({ ...meterPosition(box(900, 790, 400, 22), meter, viewport) }, { left: 880, top: 780 });
});

test('debounce runs once after the last call, and cancel stops it', async () => {
  const { BotLens } = setup();
  const timers = manualTimers();
  let runs = 0;
  const debounced = BotLens.compose.debounce(() => { runs += 1; }, 300, { setTimeout: timers.setTimer, clearTimeout: timers.clearTimer });
  debounced.call();
  debounced.call();
  debounced.call();
  assert.equal(timers.count, 1, 'each call replaces the waiting one');
  assert.equal(debounced.pending, true);
  await timers.runAll();
  assert.equal(runs, 1);
  debounced.call();
  debounced.cancel();
  await timers.runAll();
  assert.equal(runs, 1);
  assert.equal(debounced.pending, false);
});

test('highlights are drawn in our own layer from the span’s rects, clipped to the box, without touching the editor', () => {
  const { BotLens, document } = setup();
  document.body.innerHTML = '<div contenteditable="true" id="e"><p>buy 😀 #now</p></div>';
  const editor = document.getElementById('e');
  const before = editor.outerHTML;
  const ranges = [];
  // Layout is the browser's: the stand-in Range returns rects and records where it was set.
  document.createRange = () => {
    const range = {
      setStart: (node, offset) => { range.start = [node, offset]; },
      setEnd: (node, offset) => { range.end = [node, offset]; },
      getClientRects: () => [{ left: 40, top: 10, right: 90, bottom: 30 }, { left: 0, top: 35, right: 400, bottom: 55 }],
    };
    ranges.push(range);
    return range;
  };
  editor.getBoundingClientRect = () => ({ left: 20, top: 5, right: 300, bottom: 50, width: 280, height: 45 });
  const layer = new BotLens.compose.highlight.HighlightLayer(document);
  const extraction = BotLens.compose.text.readEditor(editor);
  layer.draw(editor, extraction, [[7, 11], null], 0);
  assert.equal(extraction.text.slice(7, 11), '#now');
  assert.equal(ranges.length, 1, 'a tip without a span draws nothing');
  assert.equal(ranges[0].start[1], 7);
  assert.equal(ranges[0].end[1], 11);
  const host = document.querySelector('[data-botlens="compose-highlights"]');
  const marks = [...host.shadowRoot.querySelectorAll('.mark')];
  assert.deepEqual(marks.map((m) => [m.style.left, m.style.top, m.style.width, m.style.height]), [
    ['40px', '10px', '50px', '20px'],
    ['20px', '35px', '280px', '15px'],
  ]);
  assert.ok(marks.every((m) => m.className.includes('focused')));
  assert.equal(editor.outerHTML, before, 'the editor is exactly as it was');
  layer.clear();
  assert.equal(host.shadowRoot.querySelectorAll('.mark').length, 0);
});

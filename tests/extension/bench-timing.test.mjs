// The extension benchmark's clocks (scripts/extension-timing.mjs). The sampling clock on a small hand-made CPU profile:
// which samples count for the content script, and how a long gap between samples (the renderer not running) is
// counted. The trace clock on hand-made trace events: whose calls count, and by which callback.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extensionTime, tracedTime, STEADY_SAMPLE_MS } from '../../scripts/extension-timing.mjs';

const ORIGIN = 'chrome-extension://abcdef/';
const frame = (functionName, url = '', lineNumber = 0) => ({ functionName, url, lineNumber, scriptId: '0', columnNumber: 0 });

// (root) > scan (the extension) > append (native, called by it); (root) > render (the page's); (root) > (idle)
const profile = {
  nodes: [
    { id: 1, callFrame: frame('(root)'), children: [2, 4, 5] },
    { id: 2, callFrame: frame('scan', `${ORIGIN}content/main.js`, 78), children: [3] },
    { id: 3, callFrame: frame('append') },
    { id: 4, callFrame: frame('render', 'https://x.com/app.js') },
    { id: 5, callFrame: frame('(idle)') },
  ],
  // A sample lasts until the next one: append 0.15 ms, append again 1.5 ms (a stretched gap), the page 0.2 ms,
  // the scan itself 0.1 ms, idle 0.3 ms, and the last sample has no length.
  samples: [3, 3, 4, 2, 5, 4],
  timeDeltas: [0, 150, 1500, 200, 100, 300],
};

test('a sample counts for the content script when an extension frame is on its stack, for the time until the next', () => {
  const time = extensionTime(profile, ORIGIN);
  assert.ok(Math.abs(time.extension - 1.75) < 1e-9, String(time.extension));
  assert.ok(Math.abs(time.busy - 1.95) < 1e-9, 'everything but idle');
  assert.ok(Math.abs(time.byPlace['scan (content/main.js:79) > scan'] - 0.1) < 1e-9);
});

test('the steady reading, and where the time went, count a stretched gap as one ordinary sample', () => {
  const time = extensionTime(profile, ORIGIN);
  assert.ok(STEADY_SAMPLE_MS > 0.15 && STEADY_SAMPLE_MS < 1.5);
  assert.ok(Math.abs(time.steady - (0.15 + STEADY_SAMPLE_MS + 0.1)) < 1e-9, String(time.steady));
  assert.ok(time.steady < time.extension);
  assert.ok(Math.abs(time.byPlace['scan (content/main.js:79) > append'] - (0.15 + STEADY_SAMPLE_MS)) < 1e-9,
    'where the time went is counted the steady way too');
});

test('the trace clock sums the thread time of the extension’s calls, by the callback each ran', () => {
  const call = (url, functionName, lineNumber, dur, tdur) => ({ name: 'FunctionCall', ph: 'X', dur, tdur, args: { data: { url, functionName, lineNumber } } });
  const events = [
    call(`${ORIGIN}content/core/page-watcher.js`, '', 186, 2500, 2000), // the scan timer: thread time, not wall time
    call(`${ORIGIN}content/core/page-watcher.js`, '', 186, 1200, 1000),
    call(`${ORIGIN}content/core/page-watcher.js`, '', 37, 300, undefined), // no thread time recorded: wall time
    call('https://x.com/app.js', 'render', 10, 9000, 9000), // the page's own
    call('', '', 0, 100, 100),
  ];
  const time = tracedTime(events, ORIGIN);
  assert.equal(time.calls, 3);
  assert.ok(Math.abs(time.extension - 3.3) < 1e-9, String(time.extension));
  assert.deepEqual(Object.keys(time.byCallback).sort(), ['(anonymous) (content/core/page-watcher.js:186)', '(anonymous) (content/core/page-watcher.js:37)']);
  assert.ok(Math.abs(time.byCallback['(anonymous) (content/core/page-watcher.js:186)'] - 3.0) < 1e-9);
});

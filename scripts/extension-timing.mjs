// How the extension benchmark times the content script on each page of posts, two independent ways:
// - ProfilerClock: V8's sampling CPU profiler (100 us) on the page; a sample counts for the content script when
//   any frame on its stack comes from chrome-extension://<id>/ (so DOM calls it makes count, and so do promise
//   continuations). Also says where the time went. A steady reading counts each sample for at most 0.25 ms: a
//   sample stretched by the renderer being preempted would count wall time the script did not use, but a gap can
//   also be the sampler starved while the script ran, which this drops too. Neither reading replaces the trace.
// - TraceClock: a DevTools trace (what the Performance panel records); the thread time of the FunctionCall
//   events whose script is the extension's: its observer, timer, microtask and event callbacks.
// Each clock is started before a page of posts goes in and stopped once its badges settled.

/**
 * The most one sample counts for in `steady`. Samples come about 0.18 ms apart; a longer gap means the renderer
 * was not running (preempted by the browser's other processes on two cores) or the sampler was not.
 */
export const STEADY_SAMPLE_MS = 0.25;

/**
 * Milliseconds of samples with an extension frame anywhere on the stack (`extension`; `steady` counts each
 * sample for at most STEADY_SAMPLE_MS), and all non-idle sampled time.
 * @param {any} profile a CDP Profiler.Profile @param {string} origin
 */
export function extensionTime(profile, origin) {
  /** @type {Map<number, any>} */
  const nodes = new Map(profile.nodes.map((/** @type {any} */ n) => [n.id, n]));
  /** @type {Map<number, number>} */
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children || []) parent.set(child, node.id);
  /** @type {Map<number, boolean>} */
  const memo = new Map();
  const fromExtension = (/** @type {number} */ id) => {
    if (memo.has(id)) return /** @type {boolean} */ (memo.get(id));
    const node = nodes.get(id);
    const own = node.callFrame.url.startsWith(origin);
    const value = own || (parent.has(id) ? fromExtension(/** @type {number} */ (parent.get(id))) : false);
    memo.set(id, value);
    return value;
  };
  /** The innermost extension frame of a sample, as "function (file:line)", and the function that was running. */
  const where = (/** @type {number} */ id) => {
    const leaf = nodes.get(id).callFrame.functionName || '(anonymous)';
    let at = id;
    while (!nodes.get(at).callFrame.url.startsWith(origin)) at = /** @type {number} */ (parent.get(at));
    const frame = nodes.get(at).callFrame;
    return `${frame.functionName || '(anonymous)'} (${frame.url.slice(origin.length)}:${frame.lineNumber + 1}) > ${leaf}`;
  };
  /** Whether an extension function of this name is on the sample's stack. */
  const under = (/** @type {number} */ id, /** @type {string} */ name) => {
    for (let at = id; at !== undefined; at = /** @type {number} */ (parent.get(at))) {
      const frame = nodes.get(at).callFrame;
      if (frame.functionName === name && frame.url.startsWith(origin)) return true;
    }
    return false;
  };
  let extension = 0;
  let steady = 0;
  let busy = 0;
  let scanning = 0;
  /** @type {Record<string, number>} */
  const byPlace = {};
  for (let i = 0; i < profile.samples.length; i += 1) {
    const duration = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const name = nodes.get(profile.samples[i]).callFrame.functionName;
    if (name !== '(idle)') busy += duration;
    if (fromExtension(profile.samples[i])) {
      // A stretched sample would also name whatever happened to run before the renderer was preempted.
      const counted = Math.min(duration, STEADY_SAMPLE_MS);
      extension += duration;
      steady += counted;
      const place = where(profile.samples[i]);
      byPlace[place] = (byPlace[place] || 0) + counted;
      if (under(profile.samples[i], 'findAuthors')) scanning += duration;
    }
  }
  return { extension, steady, busy, byPlace, scanning };
}

/** The places that took most of the content script's time over all pages, "place: ms". */
export function hottest(/** @type {{byPlace: Record<string, number>}[]} */ pages, count = 5) {
  /** @type {Record<string, number>} */
  const total = {};
  for (const page of pages) for (const [place, ms] of Object.entries(page.byPlace)) total[place] = (total[place] || 0) + ms;
  return Object.entries(total).sort((a, b) => b[1] - a[1]).slice(0, count).map(([place, ms]) => `${place}: ${ms.toFixed(0)} ms`);
}

/** The sampling profiler's reading of each page. */
export class ProfilerClock {
  /** @param {import('playwright-core').CDPSession} cdp @param {string} origin chrome-extension://<id>/ */
  constructor(cdp, origin) {
    this.cdp = cdp;
    this.origin = origin;
  }

  async prepare() {
    await this.cdp.send('Profiler.enable');
    await this.cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  }

  async start() {
    await this.cdp.send('Profiler.start');
  }

  /** @returns {Promise<{ extension: number, steady: number, busy: number, byPlace: Record<string, number>, scanning: number, profile: any }>} */
  async stop() {
    const { profile } = await this.cdp.send('Profiler.stop');
    return { ...extensionTime(profile, this.origin), profile };
  }
}

/** The DevTools trace's reading of each page: thread time of the extension's own callbacks. */
export class TraceClock {
  /** @param {import('playwright-core').CDPSession} cdp @param {string} origin chrome-extension://<id>/ */
  constructor(cdp, origin) {
    this.cdp = cdp;
    this.origin = origin;
    /** @type {any[]} */
    this.events = [];
    cdp.on('Tracing.dataCollected', ({ value }) => {
      for (const event of value) if (event.name === 'FunctionCall' && event.ph === 'X') this.events.push(event);
    });
  }

  async prepare() {}

  async start() {
    this.events = [];
    await this.cdp.send('Tracing.start', {
      traceConfig: { includedCategories: ['devtools.timeline'], recordMode: 'recordAsMuchAsPossible' },
      transferMode: 'ReportEvents',
    });
  }

  /** @returns {Promise<{ extension: number, calls: number, byCallback: Record<string, number> }>} */
  async stop() {
    const complete = new Promise((resolve) => this.cdp.once('Tracing.tracingComplete', resolve));
    await this.cdp.send('Tracing.end');
    await complete;
    return tracedTime(this.events, this.origin);
  }
}

/**
 * Thread time of the trace's FunctionCall events whose script is the extension's, in all (`extension`, ms) and by
 * callback (`byCallback`: "function (file:line)" -> ms, where the callback was defined: a timer's or a microtask's
 * arrow function has no name, so its line tells the scan from the observer).
 * @param {any[]} events complete ('X') FunctionCall events of a DevTools trace @param {string} origin
 */
export function tracedTime(events, origin) {
  let threadMicros = 0;
  let calls = 0;
  /** @type {Record<string, number>} */
  const byCallback = {};
  for (const event of events) {
    const data = event.args && event.args.data;
    const url = data && data.url;
    if (typeof url !== 'string' || !url.startsWith(origin)) continue;
    const micros = event.tdur ?? event.dur ?? 0;
    // The trace's line numbers count from 1, unlike the CPU profile's.
    const callback = `${data.functionName || '(anonymous)'} (${url.slice(origin.length)}:${data.lineNumber ?? 0})`;
    byCallback[callback] = (byCallback[callback] || 0) + micros / 1000;
    threadMicros += micros;
    calls += 1;
  }
  return { extension: threadMicros / 1000, calls, byCallback };
}

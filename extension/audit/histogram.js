// @ts-check
/**
 * The histogram of fake-follower probabilities, drawn here as SVG with createElementNS and
 * textContent (no markup strings, no chart library). The geometry is a pure function so it is
 * tested without a DOM.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * @typedef {{ x: number, y: number, width: number, height: number, count: number, lo: number, hi: number }} Bar
 * @typedef {{ width: number, height: number, margin: { top: number, right: number, bottom: number, left: number } }} Frame
 */

export const DEFAULT_FRAME = /** @type {Frame} */ ({ width: 560, height: 220, margin: { top: 12, right: 12, bottom: 36, left: 48 } });

/**
 * Bars for counts over bins with the given edges: x is proportional to the probability, the
 * tallest bar fills the plot height, and an empty bin has height 0.
 * @param {number[]} edges n+1 increasing bin edges
 * @param {number[]} counts n counts
 * @param {Frame} [frame]
 * @returns {{ bars: Bar[], maxCount: number, plot: { x: number, y: number, width: number, height: number } }}
 */
export function histogramGeometry(edges, counts, frame = DEFAULT_FRAME) {
  const { width, height, margin } = frame;
  const plot = { x: margin.left, y: margin.top, width: width - margin.left - margin.right, height: height - margin.top - margin.bottom };
  const valid = Array.isArray(edges) && Array.isArray(counts) && counts.length > 0 && edges.length === counts.length + 1
    && edges.every((e, i) => Number.isFinite(e) && (i === 0 || e > edges[i - 1]))
    && counts.every((c) => Number.isFinite(c) && c >= 0);
  if (!valid) return { bars: [], maxCount: 0, plot };
  const lo = edges[0];
  const span = edges[edges.length - 1] - lo;
  const maxCount = Math.max(...counts);
  const bars = counts.map((c, i) => {
    const x0 = plot.x + ((edges[i] - lo) / span) * plot.width;
    const x1 = plot.x + ((edges[i + 1] - lo) / span) * plot.width;
    const h = maxCount > 0 ? (c / maxCount) * plot.height : 0;
    return { x: x0, y: plot.y + plot.height - h, width: x1 - x0, height: h, count: c, lo: edges[i], hi: edges[i + 1] };
  });
  return { bars, maxCount, plot };
}

/**
 * @param {Document} document @param {string} tag @param {Record<string, string | number>} attributes
 * @returns {SVGElement}
 */
function svg(document, tag, attributes = {}) {
  const node = /** @type {SVGElement} */ (document.createElementNS(SVG_NS, tag));
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  return node;
}

/** @param {number} n */
const round = (n) => Math.round(n * 100) / 100;

/**
 * @param {Document} document
 * @param {{ edges: number[], counts: number[] }} histogram
 * @param {Frame} [frame]
 * @returns {SVGElement}
 */
export function drawHistogram(document, histogram, frame = DEFAULT_FRAME) {
  const { bars, maxCount, plot } = histogramGeometry(histogram.edges, histogram.counts, frame);
  const root = svg(document, 'svg', {
    viewBox: `0 0 ${frame.width} ${frame.height}`, width: frame.width, height: frame.height, role: 'img',
    'aria-labelledby': 'histogram-title',
  });
  const title = svg(document, 'title', { id: 'histogram-title' });
  title.textContent = 'How many followers got each fake-follower probability';
  root.append(title);
  root.append(svg(document, 'line', { class: 'axis', x1: plot.x, y1: plot.y + plot.height, x2: plot.x + plot.width, y2: plot.y + plot.height }));
  root.append(svg(document, 'line', { class: 'axis', x1: plot.x, y1: plot.y, x2: plot.x, y2: plot.y + plot.height }));
  for (const bar of bars) {
    const rect = svg(document, 'rect', {
      class: bar.lo >= 0.5 ? 'bar high' : 'bar', x: round(bar.x + 1), y: round(bar.y),
      width: round(Math.max(0, bar.width - 2)), height: round(bar.height),
      'data-count': bar.count, 'data-lo': bar.lo, 'data-hi': bar.hi,
    });
    const tip = svg(document, 'title');
    tip.textContent = `${bar.count} followers with probability ${bar.lo.toFixed(2)}–${bar.hi.toFixed(2)}`;
    rect.append(tip);
    root.append(rect);
  }
  const ticks = bars.length ? [bars[0].lo, ...bars.map((b) => b.hi)] : [];
  const every = Math.max(1, Math.ceil(ticks.length / 6));
  ticks.forEach((value, i) => {
    if (i % every !== 0 && i !== ticks.length - 1) return;
    const x = i === 0 ? bars[0].x : bars[i - 1].x + bars[i - 1].width;
    const label = svg(document, 'text', { class: 'tick', x: round(x), y: plot.y + plot.height + 14, 'text-anchor': 'middle' });
    label.textContent = value.toFixed(1);
    root.append(label);
  });
  const axisLabel = svg(document, 'text', { class: 'label', x: plot.x + plot.width / 2, y: frame.height - 4, 'text-anchor': 'middle' });
  axisLabel.textContent = 'fake-follower probability';
  const top = svg(document, 'text', { class: 'tick', x: plot.x - 6, y: plot.y + 4, 'text-anchor': 'end' });
  top.textContent = String(maxCount);
  const zero = svg(document, 'text', { class: 'tick', x: plot.x - 6, y: plot.y + plot.height, 'text-anchor': 'end' });
  zero.textContent = '0';
  root.append(axisLabel, top, zero);
  return root;
}

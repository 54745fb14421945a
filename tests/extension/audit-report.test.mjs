// The report page's pure parts: CSV export (quoting, formula injection), the histogram geometry and
// its SVG, and the figures as text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHTML } from 'linkedom';
import { csvCell, toCsv, reportRows, followerRows, FOLLOWER_COLUMNS, percent, percentInterval, effectiveAudience, exportName }
  from '../../extension/audit/report-format.js';
import { histogramGeometry, drawHistogram, DEFAULT_FRAME } from '../../extension/audit/histogram.js';

test('csvCell: cells a spreadsheet would run as a formula get a leading apostrophe', () => {
  for (const hostile of ['=HYPERLINK("http://x","click")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1', '  =cmd|"/c calc"!A1']) {
    const cell = csvCell(hostile);
    const unquoted = cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell;
    assert.equal(unquoted[0], "'", `${JSON.stringify(hostile)} -> ${cell}`);
    assert.equal(unquoted.slice(1), hostile);
  }
  assert.equal(csvCell('ordinary name'), 'ordinary name');
  assert.equal(csvCell('a@b.example'), 'a@b.example', 'an @ inside the text is harmless');
  assert.equal(csvCell(-0.5), '-0.5', 'numbers are numbers, not text');
});

test('csvCell/toCsv: commas, quotes and newlines are quoted as RFC 4180 says; empty values are empty', () => {
  assert.equal(csvCell('a,b'), '"a,b"');
  assert.equal(csvCell('say "hi"'), '"say ""hi"""');
  assert.equal(csvCell('line1\nline2'), '"line1\nline2"');
  assert.equal(csvCell(null), '');
  assert.equal(csvCell(undefined), '');
  assert.equal(csvCell(true), 'true');
  assert.equal(csvCell(Number.NaN), '');
  assert.equal(toCsv([['h1', 'h2'], ['x,y', 3]]), 'h1,h2\r\n"x,y",3\r\n');
});

test('followerRows: one row per follower in fixed columns, hostile bios defused', () => {
  const rows = followerRows([
    { platform: 'mastodon', handle: 'eve@m.example', display_name: '=1+1', bio: '@evil, "quoted"', followers_count: 3 },
    { platform: 'mastodon', handle: 'bob@m.example' },
  ]);
  assert.deepEqual(rows[0], FOLLOWER_COLUMNS);
  const csv = toCsv(rows).split('\r\n');
  assert.equal(csv.length, 4);
  assert.ok(csv[1].includes(",'=1+1,"));
  assert.ok(csv[1].endsWith(`"'@evil, ""quoted"""`));
  assert.equal(csv[2].split(',').length, FOLLOWER_COLUMNS.length);
});

const REPORT = {
  n_scored: 1000, followers_total: 12000, fake_share: 0.31, fake_share_ci95: [0.27, 0.35], bot_share: 0.04,
  bot_share_ci95: [0.02, 0.06], inactive_share: 0.1, inactive_share_ci95: [0.08, 0.12], effective_audience: 7080,
  effective_audience_ci95: [6500, 7600], histogram: { edges: [0, 0.25, 0.5, 0.75, 1], counts: [500, 150, 100, 250] },
  top_reasons: [{ code: 'no_posts', message: 'Has never posted', count: 200, share: 0.57 }],
  notes: ['Recent followers are not a random sample.'], model_version: 'account-1',
};

test('reportRows: every figure with its interval, each histogram bin, the reasons and notes', () => {
  const state = { platform: 'mastodon', handle: 'owner@m.example', sampling: 'recent', report: REPORT, clientNotes: ['Newest first.'] };
  const rows = reportRows(/** @type {any} */ (state));
  const find = (section, key) => rows.find((r) => r[0] === section && r[1] === key);
  assert.deepEqual(find('summary', 'fake_share').slice(3), [0.31, 0.27, 0.35]);
  assert.deepEqual(find('summary', 'effective_audience').slice(3), [7080, 6500, 7600]);
  assert.equal(rows.filter((r) => r[0] === 'histogram').length, 4);
  assert.deepEqual(find('histogram', '0.75–1.00').slice(3), [250, 0.75, 1]);
  assert.deepEqual(find('reason', 'no_posts').slice(2, 4), ['Has never posted', 200]);
  assert.deepEqual(rows.filter((r) => r[0] === 'note').map((r) => r[2]), ['Newest first.', 'Recent followers are not a random sample.']);
  assert.equal(toCsv(rows).split('\r\n')[0], 'section,key,label,value,lower_95,upper_95');
});

test('figures as text: percentages, the interval, the effective audience against the follower count', () => {
  assert.equal(percent(0.31), '31%');
  assert.equal(percent(0.043), '4.3%');
  assert.equal(percent(0), '0%');
  assert.equal(percent(null), '—');
  assert.equal(percentInterval([0.27, 0.35]), '95% interval 27% – 35%');
  assert.equal(percentInterval(undefined), '');
  const audience = effectiveAudience(REPORT);
  assert.equal(audience.text, '7,080 of 12,000');
  assert.match(audience.detail, /6,500 – 7,600/);
  assert.equal(effectiveAudience({ ...REPORT, followers_total: null, effective_audience: null }).value, null);
  assert.equal(exportName('Eve@M.example/../x', 'csv'), 'botlens-audit-eve_m.example_.._x.csv');
});

test('histogramGeometry: bars tile the plot left to right, the tallest fills it, heights are proportional', () => {
  const { bars, maxCount, plot } = histogramGeometry(REPORT.histogram.edges, REPORT.histogram.counts);
  assert.equal(maxCount, 500);
  assert.equal(bars.length, 4);
  assert.equal(bars[0].x, plot.x);
  for (let i = 1; i < bars.length; i++) assert.ok(Math.abs(bars[i].x - (bars[i - 1].x + bars[i - 1].width)) < 1e-9);
  assert.ok(Math.abs(bars.at(-1).x + bars.at(-1).width - (plot.x + plot.width)) < 1e-9);
  assert.equal(bars[0].height, plot.height);
  assert.ok(Math.abs(bars[3].height - plot.height * 0.5) < 1e-9);
  for (const bar of bars) assert.ok(Math.abs(bar.y + bar.height - (plot.y + plot.height)) < 1e-9, 'bars stand on the axis');
});

test('histogramGeometry: unequal bins get widths in proportion; all-zero counts give flat bars; bad input gives none', () => {
  const { bars, plot } = histogramGeometry([0, 0.1, 1], [0, 0]);
  assert.ok(Math.abs(bars[0].width - plot.width * 0.1) < 1e-9);
  assert.ok(bars.every((b) => b.height === 0));
  assert.equal(histogramGeometry([0, 1], [1, 2]).bars.length, 0, 'edges must be one more than counts');
  assert.equal(histogramGeometry([0, 0.5, 0.4], [1, 2]).bars.length, 0, 'edges must increase');
  assert.equal(histogramGeometry([0, 0.5, 1], [1, -2]).bars.length, 0);
  assert.equal(histogramGeometry(/** @type {any} */ (null), [1]).bars.length, 0);
});

test('drawHistogram: an SVG built from elements, one rect per bin carrying its count, labels as text', () => {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const svg = drawHistogram(document, REPORT.histogram);
  document.body.append(svg);
  assert.equal(svg.tagName.toLowerCase(), 'svg');
  assert.equal(svg.getAttribute('viewBox'), `0 0 ${DEFAULT_FRAME.width} ${DEFAULT_FRAME.height}`);
  const rects = [...svg.querySelectorAll('rect')];
  assert.deepEqual(rects.map((r) => Number(r.getAttribute('data-count'))), [500, 150, 100, 250]);
  assert.deepEqual(rects.map((r) => r.getAttribute('class')), ['bar', 'bar', 'bar high', 'bar high']);
  assert.ok(Number(rects[0].getAttribute('height')) > Number(rects[3].getAttribute('height')));
  assert.equal(rects[1].querySelector('title').textContent, '150 followers with probability 0.25–0.50');
  assert.ok([...svg.querySelectorAll('text')].some((t) => t.textContent === 'fake-follower probability'));
  assert.equal(svg.querySelector('script'), null);
});

// @ts-check
/**
 * Pure formatting for the follower-audit report: numbers as the page shows them, and the CSV
 * exports. CSV cells that a spreadsheet would read as a formula (starting with = + - @, or a
 * tab or carriage return) get a leading apostrophe, as OWASP's CSV-injection advice says: the
 * followers' names and bios are written by strangers.
 */

/** @param {number | null | undefined} p a share in [0, 1] */
export function percent(p) {
  if (p === null || p === undefined || !Number.isFinite(p)) return '—';
  const value = Math.round(p * 1000) / 10;
  return `${value.toFixed(value >= 10 || value === 0 ? 0 : 1)}%`;
}

/** @param {[number, number] | null | undefined} interval */
export function percentInterval(interval) {
  if (!Array.isArray(interval) || interval.length !== 2) return '';
  return `95% interval ${percent(interval[0])} – ${percent(interval[1])}`;
}

/** @param {number | null | undefined} n */
export function count(n) {
  return n === null || n === undefined || !Number.isFinite(n) ? '—' : Math.round(n).toLocaleString('en-US');
}

/**
 * "The real audience": followers_total x (1 - fake - inactive), as the backend computed it.
 * @param {any} report the /followers/audit response
 * @returns {{ text: string, detail: string, value: number | null, total: number | null }}
 */
export function effectiveAudience(report) {
  const total = Number.isFinite(report && report.followers_total) ? report.followers_total : null;
  const value = Number.isFinite(report && report.effective_audience) ? report.effective_audience : null;
  if (value === null || total === null) {
    return { text: '—', detail: 'The account’s follower count is not known, so only shares can be given.', value, total };
  }
  const ci = report.effective_audience_ci95;
  const range = Array.isArray(ci) && ci.length === 2 ? ` (95% interval ${count(ci[0])} – ${count(ci[1])})` : '';
  return { text: `${count(value)} of ${count(total)}`, detail: `real, active followers${range}`, value, total };
}

/** @param {number} lo @param {number} hi */
export function binLabel(lo, hi) {
  return `${lo.toFixed(2)}–${hi.toFixed(2)}`;
}

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell: formula-looking text defused, then quoted when it holds a comma, quote or newline.
 * @param {unknown} value
 */
export function csvCell(value) {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  let text = String(value);
  if (FORMULA_START.test(text) || FORMULA_START.test(text.trimStart())) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** @param {unknown[][]} rows @returns {string} CRLF-separated, as RFC 4180 has it */
export function toCsv(rows) {
  return `${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/**
 * The report as one long table: section, key, label, value, lower, upper.
 * @param {import('../background/audit-jobs.js').AuditState} state
 */
export function reportRows(state) {
  const r = state.report || {};
  /** @type {unknown[][]} */
  const rows = [['section', 'key', 'label', 'value', 'lower_95', 'upper_95']];
  const ci = (/** @type {any} */ pair) => (Array.isArray(pair) ? pair : [null, null]);
  rows.push(['account', 'platform', '', state.platform, null, null]);
  rows.push(['account', 'handle', '', state.handle, null, null]);
  rows.push(['account', 'sampling', '', state.sampling, null, null]);
  rows.push(['summary', 'n_scored', 'followers scored', r.n_scored, null, null]);
  rows.push(['summary', 'followers_total', 'follower count', r.followers_total, null, null]);
  rows.push(['summary', 'fake_share', 'fake followers', r.fake_share, ...ci(r.fake_share_ci95)]);
  rows.push(['summary', 'bot_share', 'bots', r.bot_share, ...ci(r.bot_share_ci95)]);
  rows.push(['summary', 'inactive_share', 'inactive', r.inactive_share, ...ci(r.inactive_share_ci95)]);
  rows.push(['summary', 'effective_audience', 'real, active followers', r.effective_audience, ...ci(r.effective_audience_ci95)]);
  rows.push(['summary', 'model_version', '', r.model_version, null, null]);
  const edges = r.histogram && Array.isArray(r.histogram.edges) ? r.histogram.edges : [];
  const counts = r.histogram && Array.isArray(r.histogram.counts) ? r.histogram.counts : [];
  counts.forEach((/** @type {number} */ n, /** @type {number} */ i) => {
    if (edges[i + 1] !== undefined) rows.push(['histogram', binLabel(edges[i], edges[i + 1]), 'fake-follower probability', n, edges[i], edges[i + 1]]);
  });
  for (const reason of Array.isArray(r.top_reasons) ? r.top_reasons : []) {
    rows.push(['reason', reason.code, reason.message, reason.count, null, null]);
  }
  [...(state.clientNotes || []), ...(Array.isArray(r.notes) ? r.notes : [])].forEach((note, i) => {
    rows.push(['note', i + 1, note, null, null, null]);
  });
  return rows;
}

export const FOLLOWER_COLUMNS = [
  'platform', 'handle', 'display_name', 'followers_count', 'following_count', 'posts_count', 'created_at',
  'last_post_at', 'default_avatar', 'has_banner', 'verified', 'protected', 'self_declared_bot', 'url', 'bio',
];

/** @param {Record<string, unknown>[]} followers */
export function followerRows(followers) {
  return [FOLLOWER_COLUMNS, ...followers.map((f) => FOLLOWER_COLUMNS.map((column) => f[column]))];
}

/** A file name made only of safe characters. @param {string} handle @param {string} extension */
export function exportName(handle, extension, suffix = 'audit') {
  const safe = String(handle).toLowerCase().replace(/[^a-z0-9._-]+/g, '_').slice(0, 60) || 'account';
  return `botlens-${suffix}-${safe}.${extension}`;
}

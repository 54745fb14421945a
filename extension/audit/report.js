// @ts-check
/**
 * The follower-audit report page (opened by the service worker with ?id=<audit id>). It reads
 * the audit's state from chrome.storage.session and redraws whenever the service worker updates
 * it: a progress bar while followers are collected, then the figures. Everything from the
 * backend or from the followers goes in through textContent or SVG attributes.
 */
import { drawHistogram } from './histogram.js';
import {
  count, effectiveAudience, exportName, followerRows, percent, percentInterval, reportRows, toCsv,
} from './report-format.js';

const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));
const auditId = new URLSearchParams(location.search).get('id') || '';
const stateKey = `audit:${auditId}`;
const followersKey = `audit:${auditId}:followers`;
/** @type {import('../background/audit-jobs.js').AuditState | null} */
let current = null;

const PLATFORM_NAMES = /** @type {Record<string, string>} */ ({
  x: 'X', mastodon: 'Mastodon', bluesky: 'Bluesky', instagram: 'Instagram',
});

/** @param {import('../background/audit-jobs.js').AuditState} state */
function render(state) {
  current = state;
  document.body.setAttribute('data-status', state.status);
  $('audit-title').textContent = `Follower audit: ${state.handle}`;
  $('audit-subtitle').textContent = `${PLATFORM_NAMES[state.platform] || state.platform} · started ${new Date(state.startedAt).toLocaleString()}`;
  const collecting = state.status === 'collecting' || state.status === 'scoring';
  $('collecting').hidden = !collecting;
  $('audit-error').hidden = state.status !== 'error' && state.status !== 'cancelled';
  $('audit-results').hidden = state.status !== 'done';
  if (collecting) renderProgress(state);
  if (state.status === 'error') $('audit-error-message').textContent = state.error || 'Unknown error.';
  if (state.status === 'cancelled') $('audit-error-message').textContent = 'Cancelled.';
  if (state.status === 'done' && state.report) renderReport(state);
}

/** @param {import('../background/audit-jobs.js').AuditState} state */
function renderProgress(state) {
  const bar = /** @type {HTMLProgressElement} */ ($('audit-progress'));
  const target = Math.max(1, Math.min(state.limit, state.total ?? state.limit));
  const stop = /** @type {HTMLButtonElement} */ ($('stop-and-score'));
  if (state.status === 'scoring') {
    bar.removeAttribute('value'); // indeterminate while the backend scores
    $('audit-status').textContent = `Scoring ${count(state.seen)} followers…`;
    stop.disabled = true;
    return;
  }
  stop.disabled = state.sampling === 'visible';
  bar.max = target;
  bar.value = Math.min(state.seen, target);
  const of = state.total !== null ? ` of ${count(state.total)}` : '';
  const what = state.phase === 'details' ? 'Reading details of' : 'Collected';
  $('audit-status').textContent = `${what} ${count(state.seen)} followers${of} (limit ${count(state.limit)}).`;
  bar.setAttribute('aria-valuetext', $('audit-status').textContent || '');
}

/** @param {import('../background/audit-jobs.js').AuditState} state */
function renderReport(state) {
  const r = state.report;
  $('fake-share').textContent = percent(r.fake_share);
  $('fake-share-ci').textContent = percentInterval(r.fake_share_ci95);
  $('bot-share').textContent = percent(r.bot_share);
  $('bot-share-ci').textContent = percentInterval(r.bot_share_ci95);
  $('inactive-share').textContent = percent(r.inactive_share);
  $('inactive-share-ci').textContent = percentInterval(r.inactive_share_ci95);
  const audience = effectiveAudience(r);
  $('effective-audience').textContent = audience.text;
  $('effective-audience-detail').textContent = audience.detail;
  const meter = /** @type {HTMLMeterElement} */ ($('effective-meter'));
  meter.hidden = audience.value === null || !audience.total;
  if (audience.value !== null && audience.total) {
    meter.max = audience.total;
    meter.value = audience.value;
  }
  $('n-scored').textContent = `${count(r.n_scored)} followers scored (${state.sampling === 'visible' ? 'as the page showed them' : 'newest first'}).`;

  const histogram = $('histogram');
  histogram.replaceChildren();
  if (r.histogram) histogram.append(drawHistogram(document, r.histogram));
  $('top-reasons').replaceChildren(...(r.top_reasons || []).slice(0, 8).map((/** @type {any} */ reason) => {
    const item = document.createElement('li');
    item.setAttribute('data-code', String(reason.code));
    item.textContent = `${reason.message} — ${count(reason.count)} followers (${percent(reason.share)})`;
    return item;
  }));
  $('notes').replaceChildren(...[...(state.clientNotes || []), ...(r.notes || [])].map((note) => {
    const item = document.createElement('li');
    item.textContent = String(note);
    return item;
  }));
  $('engagement').hidden = !r.engagement;
  if (r.engagement) {
    $('engagement-message').textContent = r.engagement.message;
    $('engagement').setAttribute('data-flagged', String(Boolean(r.engagement.flagged)));
  }
  $('model-version').textContent = r.model_version ? `Model ${r.model_version}` : '';
  /** @type {HTMLButtonElement} */ ($('export-followers-csv')).disabled = !state.followersStored;
}

/** @param {string} text @param {string} type @param {string} name */
function download(text, type, name) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.id = 'download-link';
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

$('export-csv').addEventListener('click', () => {
  if (current) download(toCsv(reportRows(current)), 'text/csv;charset=utf-8', exportName(current.handle, 'csv'));
});

$('export-json').addEventListener('click', () => {
  if (!current) return;
  const { id: _id, ...rest } = current;
  download(`${JSON.stringify(rest, null, 2)}\n`, 'application/json', exportName(current.handle, 'json'));
});

$('export-followers-csv').addEventListener('click', async () => {
  if (!current) return;
  const stored = await chrome.storage.session.get(followersKey);
  const followers = Array.isArray(stored[followersKey]) ? stored[followersKey] : [];
  download(toCsv(followerRows(followers)), 'text/csv;charset=utf-8', exportName(current.handle, 'csv', 'followers'));
});

$('stop-and-score').addEventListener('click', () => chrome.runtime.sendMessage({ type: 'audit.stop', auditId }));
$('cancel-audit').addEventListener('click', () => chrome.runtime.sendMessage({ type: 'audit.cancel', auditId }));

chrome.storage.onChanged.addListener((changes, area) => {
  if (area === 'session' && changes[stateKey] && changes[stateKey].newValue) render(changes[stateKey].newValue);
});

async function load() {
  const stored = await chrome.storage.session.get(stateKey);
  if (stored[stateKey]) {
    render(stored[stateKey]);
  } else if (!current) {
    document.body.setAttribute('data-status', 'missing');
    $('audit-error').hidden = false;
    $('audit-error-message').textContent = 'This audit is no longer available (audits are kept until the browser closes).';
  }
}

load();
// @ts-check
/**
 * The toolbar popup: is the backend up (and which model), and what BotLens thinks of the
 * profile in the current tab (asked from that tab's content script).
 */

const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));
const verdict = /** @type {any} */ (globalThis).BotLens.verdict;

async function showBackend() {
  const reply = await chrome.runtime.sendMessage({ type: 'backend.health' });
  if (reply && reply.ok) {
    $('backend-status').textContent = `Running (BotLens ${reply.health.version}).`;
    const models = Object.entries(reply.health.models || {}).map(([name, version]) => `${name} ${version}`);
    $('model-version').textContent = models.length ? `Models: ${models.join(', ')}` : '';
  } else {
    $('backend-status').textContent = reply && reply.error ? reply.error.message : 'No answer from the BotLens service worker.';
  }
}

async function showPage() {
  const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
  const line = $('page-verdict');
  let reply = null;
  try {
    reply = tab && tab.id !== undefined ? await chrome.tabs.sendMessage(tab.id, { type: 'page.profile' }) : null;
  } catch {
    reply = null;
  }
  if (!reply || !reply.ok) {
    line.textContent = 'BotLens does not run on this page.';
    return;
  }
  if (!reply.profile) {
    line.textContent = 'No profile on screen. Open a profile page to see its verdict here.';
    return;
  }
  const view = verdict.describeOutcome(reply.outcome, reply.profile.handle);
  line.setAttribute('data-tone', view.tone);
  line.textContent = view.botProbability === null
    ? `${reply.profile.handle}: ${view.label}`
    : `${reply.profile.handle}: ${view.symbol} ${view.word} — bot ${verdict.percent(view.botProbability)}, fake follower ${verdict.percent(view.fakeProbability)}`;
  const list = $('page-reasons');
  list.replaceChildren();
  for (const reason of view.reasons.slice(0, 5)) {
    const item = document.createElement('li');
    item.textContent = reason.message;
    list.append(item);
  }
}

$('open-options').addEventListener('click', (event) => {
  event.preventDefault();
  chrome.runtime.openOptionsPage();
});

showBackend();
showPage();

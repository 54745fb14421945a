// @ts-check
/**
 * The popup's "Audit followers" button (#audit-followers in #audit-section) and the follower
 * limit beside it (#audit-limit, kept as "auditLimit" in chrome.storage.local). Shown only when
 * the current tab's content script names an account whose followers can be audited.
 */

const AUDIT_LIMIT_KEY = 'auditLimit';

async function setUp() {
  const section = document.getElementById('audit-section');
  const button = /** @type {HTMLButtonElement | null} */ (document.getElementById('audit-followers'));
  const limitInput = /** @type {HTMLInputElement | null} */ (document.getElementById('audit-limit'));
  const status = document.getElementById('audit-entry-status');
  if (!section || !button) return;
  const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
  if (!tab || tab.id === undefined) return;
  const tabId = tab.id;
  let target = null;
  try {
    target = await chrome.tabs.sendMessage(tabId, { type: 'audit.target' });
  } catch {
    target = null;
  }
  if (!target || !target.ok) return;
  const limitReply = await chrome.runtime.sendMessage({ type: 'audit.limit' });
  if (limitInput && limitReply && limitReply.ok) {
    limitInput.value = String(limitReply.limit);
    limitInput.max = String(limitReply.max);
  }
  button.textContent = `Audit followers of ${target.handle}`;
  button.setAttribute('data-platform', target.platform);
  section.hidden = false;
  button.addEventListener('click', async () => {
    button.disabled = true;
    if (limitInput) {
      const limit = Math.floor(Number(limitInput.value));
      if (Number.isFinite(limit) && limit > 0) await chrome.storage.local.set({ [AUDIT_LIMIT_KEY]: limit });
    }
    const reply = await chrome.tabs.sendMessage(tabId, { type: 'audit.begin' }).catch(() => null);
    if (status) {
      status.textContent = !reply ? 'The page did not answer; reload it and try again.'
        : !reply.ok ? (reply.error && reply.error.message) || 'Could not start the audit.'
        : reply.mode === 'collecting' ? 'Scroll the followers list on the page; BotLens counts what it shows.'
        : 'The report opens in a new tab.';
    }
    button.disabled = Boolean(reply && reply.ok);
  });
}

setUp();

// Rescans read only what the page changed: on the content scripts with the real service worker (backend
// HTTP stubbed), a row whose handle text the site replaced is read again and badged for the new account.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startWorker, openPage, badges, until } from './helpers/content-page.mjs';

const { chrome, backend } = await startWorker();

test('a row the site reuses for another account (its handle text replaced) is read again and badged anew', async () => {
  const page = openPage(chrome, 'x-profile.html', 'https://x.com/ada_example');
  await until(() => badges(page.document).length === 4 && badges(page.document).every((b) => b.tone !== 'pending'));
  const before = backend.scoreRequests().length;
  const handleSpan = [...page.document.querySelectorAll('article span')].find((span) => span.textContent === '@promo_bot_4471');
  handleSpan.textContent = '@reused_row_7';
  await until(() => badges(page.document).some((b) => /reused_row_7 looks/.test(b.label)));
  const requests = backend.scoreRequests().slice(before);
  assert.deepEqual(requests.flatMap((r) => r.body.accounts.map((a) => a.handle)), ['reused_row_7']);
  const row = handleSpan.closest('article');
  assert.equal(row.querySelectorAll('[data-botlens="badge"]').length, 1, 'one badge, for the new account');
  assert.equal(badges(page.document).length, 4);
});

test('an author answered a moment ago is badged again without another message to the service worker', async () => {
  const page = openPage(chrome, 'x-profile.html', 'https://x.com/ada_example');
  await until(() => badges(page.document).length === 4 && badges(page.document).every((b) => b.tone !== 'pending'));
  const messages = [];
  const runtime = page.context.chrome.runtime;
  const sendMessage = runtime.sendMessage;
  runtime.sendMessage = (message) => {
    messages.push(message.type);
    return sendMessage(message);
  };
  const firstTweet = page.document.querySelector('[data-testid="cellInnerDiv"]');
  const again = page.document.createElement('div');
  again.setAttribute('data-testid', 'cellInnerDiv');
  again.innerHTML = firstTweet.innerHTML;
  for (const copiedBadge of again.querySelectorAll('[data-botlens]')) copiedBadge.remove();
  firstTweet.parentElement.append(again);
  await until(() => badges(page.document).length === 5);
  const [repeated] = badges(again);
  assert.equal(repeated.tone, 'human', 'shown with the answer at hand, not "checking"');
  assert.match(repeated.label, /ada_example looks human-like \(bot 10%/);
  assert.deepEqual(messages.filter((type) => type === 'accounts.score'), []);
});

// SCRATCH (helper's manual smoke run; deleted after use)
import { startSession } from './harness/session.mjs';
import { watchPageErrors } from './harness/browser.mjs';
import { World, PROFILE_URL } from './pages/sites.mjs';
import { humanLike, crowd } from './pages/people.mjs';

const world = new World();
const big = world.add('mastodon', humanLike('big_one', 'Big', { followers: 3000,
  recentPosts: ['Buy now! http://spam.example #deal', 'Buy now! http://spam.example #deal', 'Buy now! http://spam.example #deal #2', 'Buy now! http://spam.example #deal #3'] }));
const bsky = world.add('bluesky', humanLike('ann.bsky.social', 'Ann', { followers: 300 }));
const f1 = crowd(3000, 'bf', 3); f1.forEach((f) => world.add('mastodon', f)); world.followersOf[big.handle] = f1;
const f2 = crowd(300, 'sky', 5).map((p) => ({ ...p, handle: `${p.handle}.bsky.social` })); f2.forEach((f) => world.add('bluesky', f)); world.followersOf[bsky.handle] = f2;
const session = await startSession({ world });
const begin = () => session.serviceWorker.evaluate(async () => {
  for (const tab of await chrome.tabs.query({})) {
    const target = await chrome.tabs.sendMessage(tab.id, { type: 'audit.target' }).catch(() => null);
    if (target && target.ok) return chrome.tabs.sendMessage(tab.id, { type: 'audit.begin' });
  }
  return 'no tab';
});
try {
  const page = await session.context.newPage();
  await page.goto(PROFILE_URL.mastodon(big.handle));
  await page.waitForSelector('[data-botlens="badge"]', { timeout: 20000 });
  await page.waitForTimeout(4000);
  console.log('badge label', await page.locator('.account__header h1 [data-botlens="badge"]').evaluate((h) => h.shadowRoot.querySelector('button').getAttribute('aria-label')));
  const reportP = session.context.waitForEvent('page', { predicate: (p) => p.url().includes('audit/report.html') });
  console.log('begin', await begin());
  const report = await reportP;
  const errs = watchPageErrors(report);
  await report.waitForFunction(() => Number(document.getElementById('audit-progress').value) >= 160, null, { timeout: 30000 });
  console.log('progress', await report.textContent('#audit-status'));
  await report.click('#cancel-audit');
  await report.waitForSelector('body[data-status="cancelled"]', { timeout: 10000 });
  console.log('cancelled ok', errs);
  await page.close(); await report.close();
  const p2 = await session.context.newPage();
  await p2.goto(PROFILE_URL.bluesky(bsky.handle));
  await p2.waitForSelector('[data-botlens="badge"]', { timeout: 20000 });
  const r2P = session.context.waitForEvent('page', { predicate: (p) => p.url().includes('audit/report.html') });
  console.log('begin bsky', await begin());
  const r2 = await r2P;
  await r2.waitForSelector('body[data-status="done"], body[data-status="error"]', { timeout: 60000 });
  console.log('bsky', await r2.getAttribute('body', 'data-status'), await r2.textContent('#fake-share'), await r2.textContent('#n-scored'), await r2.textContent('#audit-error-message'));
} catch (e) { console.log('FAILED', e); } finally { await session.close(); }

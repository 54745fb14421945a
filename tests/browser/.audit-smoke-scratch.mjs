// SCRATCH (helper's manual smoke run; deleted after use)
import { startSession, screenshot } from './harness/session.mjs';
import { watchPageErrors } from './harness/browser.mjs';
import { World, PROFILE_URL } from './pages/sites.mjs';
import { humanLike, crowd } from './pages/people.mjs';

const world = new World();
const owner = world.add('mastodon', humanLike('maria_lopez', 'María López', { followers: 1000 }));
const followers = crowd(1000, 'mf', 7);
for (const f of followers) world.add('mastodon', f);
world.followersOf[owner.handle] = followers;
const session = await startSession({ world });
try {
  const page = await session.context.newPage();
  const errors = watchPageErrors(page);
  await page.goto(PROFILE_URL.mastodon(owner.handle));
  await page.waitForSelector('[data-botlens="badge"]', { timeout: 20000 });
  const popup = await session.context.newPage();
  // The popup asks the active tab; as a page it can still talk to the profile tab by id.
  const reportPromise = session.context.waitForEvent('page', { predicate: (p) => p.url().includes('audit/report.html'), timeout: 30000 });
  reportPromise.catch(() => {});
  const started = await session.serviceWorker.evaluate(async () => {
    for (const tab of await chrome.tabs.query({})) {
      const target = await chrome.tabs.sendMessage(tab.id, { type: 'audit.target' }).catch(() => null);
      if (target && target.ok) return [target, await chrome.tabs.sendMessage(tab.id, { type: 'audit.begin' })];
    }
    return 'no tab';
  });
  console.log('started', started);
  const report = await reportPromise;
  const reportErrors = watchPageErrors(report);
  const t0 = Date.now();
  await report.waitForSelector('body[data-status="done"], body[data-status="error"]', { timeout: 120000 });
  console.log('status', await report.getAttribute('body', 'data-status'), 'after', Date.now() - t0, 'ms');
  for (const id of ['fake-share', 'fake-share-ci', 'bot-share', 'inactive-share', 'effective-audience', 'effective-audience-detail', 'n-scored', 'audit-error-message']) {
    console.log(id, '=', await report.textContent(`#${id}`));
  }
  console.log('rects', await report.locator('#histogram svg rect').count());
  console.log('reasons', await report.locator('#top-reasons li').allTextContents());
  console.log('notes', await report.locator('#notes li').allTextContents());
  await report.evaluate(() => window.scrollTo(0, 0));
  await screenshot(report, 'audit-report-smoke-top');
  const [download] = await Promise.all([report.waitForEvent('download'), report.click('#export-csv')]);
  console.log('download', download.suggestedFilename());
  await screenshot(report, 'audit-report-smoke');
  console.log('errors', errors, reportErrors);
  await popup.close();
} catch (e) { console.log('FAILED', e); } finally {
  await session.close();
}

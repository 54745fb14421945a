// SCRATCH (helper's manual smoke run; deleted after use)
import { startSession } from './harness/session.mjs';
import { watchPageErrors } from './harness/browser.mjs';
import { World, PROFILE_URL } from './pages/sites.mjs';
import { humanLike, crowd } from './pages/people.mjs';

const world = new World();
const owner = world.add('mastodon', humanLike('small_one', 'Small', { followers: 120 }));
const f = crowd(120, 'sf', 9); f.forEach((p) => world.add('mastodon', p)); world.followersOf[owner.handle] = f;
const session = await startSession({ world });
try {
  const page = await session.context.newPage();
  const errs = watchPageErrors(page);
  await page.goto(PROFILE_URL.mastodon(owner.handle));
  const badge = page.locator('.account__header h1 [data-botlens="badge"]');
  await badge.waitFor({ timeout: 20000 });
  await page.waitForFunction(() => document.querySelector('.account__header h1 [data-botlens="badge"]').getAttribute('data-botlens-tone') !== 'pending');
  await badge.locator('button').click();
  const btn = page.locator('[data-botlens="floating"] [data-action="audit-followers"]');
  console.log('card button', await btn.count(), await btn.textContent());
  const reportP = session.context.waitForEvent('page', { predicate: (p) => p.url().includes('audit/report.html') });
  await btn.click();
  const report = await reportP;
  await report.waitForSelector('body[data-status="done"], body[data-status="error"]', { timeout: 60000 });
  console.log('report', await report.getAttribute('body', 'data-status'), await report.textContent('#fake-share'), await report.textContent('#n-scored'));
  const [dl] = await Promise.all([report.waitForEvent('download'), report.click('#export-followers-csv')]);
  const fs = await import('node:fs');
  const text = fs.readFileSync(await dl.path(), 'utf8');
  console.log('followers csv lines', text.split('\r\n').length - 1, text.split('\r\n')[0]);
  const [dj] = await Promise.all([report.waitForEvent('download'), report.click('#export-json')]);
  const json = JSON.parse(fs.readFileSync(await dj.path(), 'utf8'));
  console.log('json keys', Object.keys(json), json.report.n_scored);
  const popup = await session.context.newPage();
  const perr = watchPageErrors(popup);
  await popup.goto(`chrome-extension://${session.extensionId}/popup/popup.html`);
  await popup.waitForTimeout(1500);
  console.log('popup audit hidden', await popup.locator('#audit-section').isHidden(), 'errors', errs, perr);
} catch (e) { console.log('FAILED', e); } finally { await session.close(); }

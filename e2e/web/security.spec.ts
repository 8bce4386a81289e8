import { AppPage } from '../pages/AppPage';
import { expect, test } from '../support/fixtures';

test('the printed URL works once: a second browser opening it from history gets nothing', async ({ browser, host }) => {
  const url = host.url;
  const first = await browser.newContext();
  const page = await first.newPage();
  const app = new AppPage(page);
  await app.open(url);
  await expect(app.tableButton('SupportTickets')).toBeVisible();
  expect(page.url()).not.toContain('token=');
  // The session is an HttpOnly cookie: no script in the page can read it.
  expect(await page.evaluate(() => document.cookie)).toBe('');
  await page.reload();
  await expect(app.tableButton('SupportTickets')).toBeVisible();

  const second = await browser.newContext();
  const stranger = await second.newPage();
  const response = await stranger.goto(url);
  expect(response?.status()).toBe(401);
  await expect(stranger.getByText('already used')).toBeVisible();
  await first.close();
  await second.close();
});

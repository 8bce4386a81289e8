import { AppPage } from '../pages/AppPage';
import { seriousFindings } from '../pages/A11yPage';
import { BrowsePage } from '../pages/BrowsePage';
import { expect, test } from '../support/fixtures';

test('a table clicked while the Items view is still arriving shows its rows once the view is in, without waiting on a timer', async ({
  page,
  host,
}) => {
  // The Items view's chunk is held back until the table has been clicked and its first page read.
  let release = () => {};
  const released = new Promise<void>((r) => (release = r));
  await page.route(/\/assets\/BrowseView-[^/]*\.js$/, async (route) => {
    const response = await route.fetch();
    await released;
    await route.fulfill({ response });
  });
  const pageRead = page.waitForResponse((r) => r.url().endsWith('/api/items:query'));
  await page.clock.install();
  const app = new AppPage(page);
  await app.open(host.url);
  await app.openTable('SupportTickets');
  await pageRead;
  // From here on the page's timers stand still. React held back content that replaced a Suspense
  // fallback until 300 ms after the fallback (a timer), which made the first rows of a table
  // clicked early come 300-400 ms after the click although everything was in (bench:e2e, 2).
  await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1);
  release();
  const b = new BrowsePage(page);
  await expect(b.cell(0, 'ticketId')).toHaveText(/^T-\d+$/);
  await expect(b.counts).toContainText('100 loaded');
  await page.clock.resume();
});

test('a part of the app that cannot be loaded says so, and Try again brings it; the rest keeps working', async ({
  page,
  host,
}) => {
  let failing = true;
  await page.route(/\/assets\/BrowseView-[^/]*\.js$/, (route) =>
    failing ? route.abort('connectionreset') : route.continue(),
  );
  const app = new AppPage(page);
  await app.open(host.url);
  await app.openTable('SupportTickets');
  const alert = page.getByRole('alert').filter({ hasText: 'could not be loaded' });
  await expect(alert).toContainText('Your staged changes are kept');
  expect(await seriousFindings(page)).toEqual([]);
  // The rest of the app still answers: another tab of the table.
  await page.getByRole('tab', { name: 'Table info' }).click();
  await expect(app.keySchema).toBeVisible();
  // Back on Items it is asked for again, and fails again while the network does.
  await page.getByRole('tab', { name: 'Items' }).click();
  await expect(alert).toBeVisible();
  failing = false;
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(new BrowsePage(page).cell(0, 'ticketId')).toHaveText(/^T-\d+$/);
  await expect(alert).toHaveCount(0);
});

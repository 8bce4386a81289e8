import type { BrowserContext, Page } from '@playwright/test';
import { seriousFindings } from '../pages/A11yPage';
import { AppPage } from '../pages/AppPage';
import { BrowsePage } from '../pages/BrowsePage';
import { expect, test as base } from '../support/fixtures';
import { startHost, type RunningHost } from '../../test-support/servers/webHost';

// A host that waits for its listing as long as it takes (the default 250 ms can pass on a loaded
// machine, and the page then shows "Loading…" instead: right, but not what these tests look at).
const test = base.extend<object, { host: RunningHost }>({
  host: [
    async ({}, use) => {
      const host = await startHost({ env: { DYNOSTAGE_EARLY_LIST_WAIT_MS: '30000' } });
      await use(host);
      await host.stop();
    },
    { scope: 'worker' },
  ],
});

/** Holds the page's scripts matching `pattern` until `release()`: the page as served, before the app runs. */
async function holdScripts(context: BrowserContext, pattern: RegExp): Promise<() => Promise<void>> {
  let release = () => {};
  const released = new Promise<void>((r) => (release = r));
  await context.route(pattern, async (route) => {
    await released;
    await route.continue().catch(() => {}); // a request of a page navigated away from
  });
  return async () => {
    release();
    await context.unroute(pattern);
  };
}

const pageLinks = (page: Page) => page.getByRole('navigation', { name: 'Tables' }).getByRole('link');

/** Boxes of the list's entries (links before the app runs, buttons after). */
const boxes = (page: Page) =>
  page.$$eval('nav[aria-label="Tables"] .table-item', (els) =>
    els.map((e) => {
      const r = e.getBoundingClientRect();
      return { text: e.textContent, x: r.x, y: r.y, w: r.width, h: r.height };
    }),
  );

test.beforeEach(async ({ browser, host }) => {
  // The host lists ahead the connection a page last listed: one page load teaches it the sandbox.
  const page = await browser.newPage();
  await page.goto(host.url);
  await expect(new AppPage(page).tableButton('SupportTickets')).toBeVisible();
  await page.close();
});

test('the served page lists the tables as links before any script runs; axe finds nothing; React takes over in place', async ({
  page,
  host,
}) => {
  const release = await holdScripts(page.context(), /\/assets\/.*\.js$/);
  await page.goto(host.url, { waitUntil: 'commit' });
  await expect(pageLinks(page)).toHaveText(['OrgUsers', 'SupportTickets', 'TicketArchive']);
  await expect(pageLinks(page).first()).toHaveAttribute('href', '/?connection=sandbox&table=OrgUsers');
  await expect(page.getByText('3 of 3 tables')).toBeVisible();
  await page.screenshot({ path: 'test-results/page-list-before-app.png' });
  const found = await seriousFindings(page);
  expect(found, JSON.stringify(found, null, 1)).toEqual([]);
  const before = await boxes(page);

  await release();
  const app = new AppPage(page);
  await expect(app.tableButton('SupportTickets')).toBeVisible();
  await expect(pageLinks(page)).toHaveCount(0);
  await page.screenshot({ path: 'test-results/page-list-after-app.png' });
  // The same entries at the same places: nothing moves when the app's list replaces the page's.
  expect(await boxes(page)).toEqual(before);
  await expect(page.getByText('3 of 3 tables')).toBeVisible();
});

test('a table clicked before the app starts opens when it does', async ({ page, host }) => {
  const release = await holdScripts(page.context(), /\/assets\/.*\.js$/);
  await page.goto(host.url, { waitUntil: 'commit' });
  await pageLinks(page).getByText('SupportTickets', { exact: true }).click();
  await expect(page).toHaveURL(/\?connection=sandbox&table=SupportTickets$/);
  // The page loaded again shows the table as the one being opened.
  await expect(pageLinks(page).getByText('SupportTickets', { exact: true })).toHaveAttribute('aria-current', 'true');
  await expect(page.getByText('Opening SupportTickets…')).toBeVisible();

  await release();
  const app = new AppPage(page);
  await expect(app.tableButton('SupportTickets')).toHaveAttribute('aria-current', 'true');
  await expect(new BrowsePage(page).counts).toContainText('100 loaded');
  // The address no longer opens it: a reload shows what the app shows then.
  await expect(page).toHaveURL(`${host.origin}/`);
});

test('a click once the entry ran, while the app loads, opens the table without loading the page again', async ({
  page,
  host,
}) => {
  const release = await holdScripts(page.context(), /\/assets\/render-[^/]*\.js$/);
  const documents: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'document') documents.push(r.url());
  });
  await page.goto(host.url);
  // The entry ran: it took the page's listing (no tables:list asked).
  await page.waitForFunction(() => document.readyState === 'complete');
  await pageLinks(page).getByText('OrgUsers', { exact: true }).click();
  await expect(pageLinks(page).getByText('OrgUsers', { exact: true })).toHaveAttribute('aria-current', 'true');
  await release();
  const app = new AppPage(page);
  await expect(app.tableButton('OrgUsers')).toHaveAttribute('aria-current', 'true');
  await expect(new BrowsePage(page).counts).toContainText(/\d+ loaded/);
  expect(documents).toHaveLength(2); // the launch URL and its redirect
});

test('the app starting from the page\'s list asks for no listing', async ({ page, host }) => {
  const lists: string[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('/api/tables:list')) lists.push(r.url());
  });
  await page.goto(host.url);
  const app = new AppPage(page);
  await expect(app.tableButton('SupportTickets')).toBeVisible();
  await expect(new AppPage(page).tableButton('OrgUsers')).toBeVisible();
  expect(lists).toEqual([]);
});

test('the chosen theme is applied once the entry runs, before the app is loaded', async ({ page, host }) => {
  await page.addInitScript(() => localStorage.setItem('dynostage.theme', 'dark'));
  const release = await holdScripts(page.context(), /\/assets\/render-[^/]*\.js$/);
  await page.goto(host.url);
  await expect(pageLinks(page)).toHaveCount(3);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await release();
  await expect(new AppPage(page).tableButton('OrgUsers')).toBeVisible();
});

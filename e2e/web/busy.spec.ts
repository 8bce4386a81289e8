import type { Page } from '@playwright/test';
import { rm } from 'node:fs/promises';
import { seriousFindings } from '../pages/A11yPage';
import { AppPage } from '../pages/AppPage';
import { BrowsePage } from '../pages/BrowsePage';
import { ConnectionsPage } from '../pages/ConnectionsPage';
import { GridEditPage } from '../pages/GridEditPage';
import { StagingPage } from '../pages/StagingPage';
import { startFaultProxy, type FaultProxy } from '../../test-support/faultProxy/proxy';
import { expect, test as base } from '../support/fixtures';
import { startHost, type RunningHost } from '../../test-support/servers/webHost';

const PROXY_NAME = 'Sandbox via fault proxy';

async function api<T>(host: RunningHost, channel: string, body: unknown): Promise<T> {
  const res = await fetch(`${host.origin}/api/${channel}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as { ok: boolean; value?: T; error?: { message: string } };
  if (!json.ok) throw new Error(`${channel}: ${json.error?.message}`);
  return json.value as T;
}

/** A web host of its own with a fault proxy in front of its sandbox, saved as a connection. */
const test = base.extend<object, { world: { host: RunningHost; proxy: FaultProxy } }>({
  world: [
    async ({}, use) => {
      const host = await startHost();
      const { endpoint } = await api<{ endpoint: string }>(host, 'sandbox:status', {});
      const proxy = await startFaultProxy(endpoint, {}, 5);
      await api(host, 'connections:save', {
        kind: 'endpoint',
        name: PROXY_NAME,
        region: 'us-east-1',
        endpoint: proxy.endpoint,
      });
      await use({ host, proxy });
      await proxy.close();
      await host.stop();
      await rm(host.dataDir, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
});

/** Opens the app on the proxied connection (as each test's own page) and picks SupportTickets. */
async function openTicketsViaProxy(page: Page, host: RunningHost): Promise<void> {
  const app = new AppPage(page);
  await app.open(host.url);
  const conns = new ConnectionsPage(page);
  await expect(conns.picker.locator('option').filter({ hasText: PROXY_NAME })).toHaveCount(1);
  await conns.selectByName(PROXY_NAME);
  await app.openTable('SupportTickets');
}

test('a load that takes long shows a named busy indicator until it ends', async ({
  page,
  world,
}) => {
  const { host, proxy } = world;
  // Every Scan and Query waits until the test lets it through: the load takes as long as the
  // test needs, with no clock involved.
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  let held = 0;
  proxy.onRequest = async (operation) => {
    if (operation !== 'Scan' && operation !== 'Query') return;
    held++;
    await gate;
  };
  try {
    await new AppPage(page).open(host.url);
    const conns = new ConnectionsPage(page);
    await expect(conns.picker.locator('option').filter({ hasText: PROXY_NAME })).toHaveCount(1);
    await conns.selectByName(PROXY_NAME);
    const busy = page.getByRole('status').filter({ has: page.locator('progress') });
    const bar = page.getByRole('progressbar', { name: /^Loading SupportTickets…/ });
    await expect(bar).toHaveCount(0);
    await page
      .getByRole('navigation', { name: 'Tables' })
      .getByRole('button', { name: 'SupportTickets', exact: true })
      .click();
    await expect.poll(() => held).toBeGreaterThan(0);
    await expect(bar).toBeVisible();
    await expect(busy).toHaveAttribute('aria-busy', 'true');
    await page.screenshot({ path: 'test-results/busy-loading.png' });
    const found = await seriousFindings(page, '.busy-indicator');
    expect(found, JSON.stringify(found, null, 1)).toEqual([]);
    release();
    const b = new BrowsePage(page);
    await expect(b.cell(0, 'ticketId')).toBeVisible();
    await expect(bar).toHaveCount(0);
    await expect(page.locator('.busy-indicator')).toHaveAttribute('aria-busy', 'false');
  } finally {
    release();
    proxy.onRequest = null;
  }
});

test('a bulk edit of 2,000 rows shows its busy label before the main thread stages it', async ({
  page,
  world,
}) => {
  const { host } = world;
  await openTicketsViaProxy(page, host);
  const b = new BrowsePage(page);
  const g = new GridEditPage(page);
  const s = new StagingPage(page);
  await b.operation('Scan').click();
  await b.loadAll.click();
  await expect(b.counts).toContainText('2,000 loaded');
  await b.selectAllRows();
  await expect(b.counts).toContainText('2,000 selected');
  await g.menuAction('Bulk edit 2,000 selected…');
  const bulk = page.getByRole('dialog', { name: 'Bulk edit 2,000 items in SupportTickets' });
  await bulk.getByLabel('Attribute').fill('triaged');
  await bulk.getByLabel('Value', { exact: true }).fill('yes');
  const stage = bulk.getByRole('button', { name: 'Stage 2,000 changes' });
  await expect(stage).toBeEnabled();
  // Records every label the pill shows and whether the staging had happened by then (the
  // Changes button counts staged changes): the label must come first.
  const before = await s.changesButton.textContent();
  await page.evaluate(() => {
    const w = window as unknown as { busySeen: { label: string; staged: string }[] };
    w.busySeen = [];
    const pill = document.querySelector('.busy-indicator')!;
    new MutationObserver(() => {
      const label = pill.querySelector('progress')?.getAttribute('aria-label');
      const staged = [...document.querySelectorAll('button')].find((el) =>
        el.textContent?.startsWith('Changes ('),
      );
      if (label) w.busySeen.push({ label, staged: staged?.textContent ?? '' });
    }).observe(pill, { childList: true, subtree: true, attributes: true });
  });
  await stage.click();
  await expect(bulk).toBeHidden();
  const seen = await page.evaluate(
    () => (window as unknown as { busySeen: { label: string; staged: string }[] }).busySeen,
  );
  expect(seen[0]).toEqual({ label: 'Staging 2,000 changes…', staged: before });
  await expect(s.changesButton).toHaveText(/Changes \(2,0\d\d\)/);
  await expect(page.locator('.busy-indicator')).toHaveAttribute('aria-busy', 'false');
  await expect(page.locator('.busy-indicator progress')).toHaveCount(0);

  // Undoing that step is as big: its label shows before the changes go.
  const staged = await s.changesButton.textContent();
  await page.evaluate(() => {
    (window as unknown as { busySeen: unknown[] }).busySeen.length = 0;
  });
  await b.cell(0, 'ticketId').click();
  await page.keyboard.press('ControlOrMeta+z');
  await expect(s.changesButton).not.toHaveText(staged!);
  const undone = await page.evaluate(
    () => (window as unknown as { busySeen: { label: string; staged: string }[] }).busySeen,
  );
  // A save of the bulk edit may still be running: the pill then names both ("Saving … · Undoing
  // …"). The undo's own label must be there before the undo ran.
  const undoing = undone.find((u) => u.label.split(' · ').includes('Undoing 2,000 changes…'));
  expect(undoing).toEqual({ label: expect.stringContaining('Undoing 2,000 changes…'), staged });
  await expect(page.locator('.busy-indicator progress')).toHaveCount(0);
});

test('Load all reads full pages (no Limit), can be canceled, and keeps the rows read so far', async ({
  page,
  world,
}) => {
  const { host, proxy } = world;
  // Load all in four Scan segments: segment 0 answers, the other three wait until the test lets
  // them through (no clock involved).
  const scans: Record<string, unknown>[] = [];
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  proxy.onRequest = async (operation, body) => {
    if (operation !== 'Scan') return;
    const scan = (body ?? {}) as Record<string, unknown>;
    scans.push(scan);
    if (scan.TotalSegments === 4 && scan.Segment !== 0) await gate;
  };
  try {
    await openTicketsViaProxy(page, host);
    const b = new BrowsePage(page);
    await b.operation('Scan').click();
    await expect(b.loadStatus).toContainText('100 items · 1 page');
    await expect(b.pageSize).toHaveValue('100');
    await b.segments.fill('4');
    await b.loadAll.click();
    await expect(b.cancel).toBeVisible();
    await expect(b.loadStatus).toContainText(/[1-9][\d,]* items/);
    // Run read 100 at a time; Load all asks for DynamoDB's full pages.
    const segmented = scans.filter((s) => s.TotalSegments === 4);
    expect(segmented.length).toBeGreaterThanOrEqual(1);
    expect(segmented.filter((s) => 'Limit' in s)).toEqual([]);
    expect(scans.filter((s) => s.TotalSegments === undefined).every((s) => s.Limit === 100)).toBe(true);
    expect(scans.filter((s) => s.TotalSegments === undefined).length).toBeGreaterThan(0);
    await b.cancel.click();
    await expect(b.loadStatus).toContainText('Canceled');
    const text = (await b.counts.textContent()) ?? '';
    const loaded = Number(/([\d,]+) loaded/.exec(text)?.[1]?.replace(/,/g, ''));
    expect(loaded).toBeGreaterThan(0);
    expect(loaded).toBeLessThan(2000);
    await expect(b.run).toBeEnabled();
  } finally {
    release();
    proxy.onRequest = null;
  }
});

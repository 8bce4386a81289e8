import type { Page, Request } from '@playwright/test';
import { AppPage } from '../pages/AppPage';
import { BrowsePage } from '../pages/BrowsePage';
import { StagingPage } from '../pages/StagingPage';
import { expect, test } from '../support/fixtures';
import { startHost, type RunningHost } from '../../test-support/servers/webHost';

// A bulk set on rows read with Load all is saved naming the rows' served images (the host writes
// the bytes it served as the originals); a host that no longer keeps the page gets them whole.

/** Opens SupportTickets and reads every row with Load all. */
async function loadAllTickets(page: Page, url: string): Promise<BrowsePage> {
  const app = new AppPage(page);
  await app.open(url);
  await app.openTable('SupportTickets');
  const b = new BrowsePage(page);
  await expect(b.run).toBeEnabled();
  await b.operation('Scan').click();
  await b.loadAll.click();
  await expect(b.loadStatus).toContainText('All pages read');
  await expect(b.counts).toContainText('2,000 loaded · 2,000 shown');
  return b;
}

/** Bulk-sets `note` on every loaded row; resolves once the save is acknowledged. */
async function bulkSetNote(page: Page, b: BrowsePage, value: string): Promise<void> {
  await b.selectAllRows();
  await page.getByRole('button', { name: 'Edit rows ▾' }).click();
  await page.getByRole('menuitem', { name: 'Bulk edit 2,000 selected…' }).click();
  const dialog = page.getByRole('dialog', { name: /^Bulk edit/ });
  await dialog.getByLabel('Attribute').fill('note');
  await dialog.getByLabel('Value', { exact: true }).fill(value);
  await dialog.getByRole('button', { name: 'Stage 2,000 changes' }).click();
  const s = new StagingPage(page);
  await expect(s.changesButton).toHaveText('Changes (2,000)');
  await s.waitSaved();
}

/** The bodies of the staging saves the page sends. */
function saves(page: Page): string[] {
  const bodies: string[] = [];
  page.on('request', (r: Request) => {
    if (r.url().endsWith('/api/staging:apply')) bodies.push(r.postData() ?? '');
  });
  return bodies;
}

type Staged = { id: string; change: { kind: string; original: Record<string, unknown>; item: Record<string, unknown> } };

async function stagedOn(host: RunningHost): Promise<Staged[]> {
  const res = await fetch(`${host.origin}/api/staging:load`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${host.token}` },
    body: '{}',
  });
  return ((await res.json()) as { value: { entries: Staged[] } }).value.entries;
}

test('a bulk set on loaded rows is saved naming their served images and survives a reload and a restart', async ({ page }) => {
  test.slow(); // a host of its own, started twice
  const first = await startHost();
  let second: RunningHost | undefined;
  try {
    const bodies = saves(page);
    const b = await loadAllTickets(page, first.url);
    await bulkSetNote(page, b, 'by-ref');
    // One update for all 2,000 rows, the rows named by page and index (stagingSave.ts groups).
    expect(bodies.some((t) => t.includes('"groups"'))).toBe(true);
    expect(bodies.some((t) => t.includes('"original"'))).toBe(false); // no image sent back

    await new AppPage(page).open(first.url);
    await expect(new StagingPage(page).changesButton).toHaveText('Changes (2,000)');
    await first.stop();

    second = await startHost({ dataDir: first.dataDir });
    const entries = await stagedOn(second);
    expect(entries).toHaveLength(2000);
    const t42 = entries.find((e) => (e.change.original.ticketId as { S: string }).S === 'T-00042')!.change;
    expect(t42.kind).toBe('update');
    expect(t42.item.note).toEqual({ S: 'by-ref' });
    expect(t42.original.note).toBeUndefined();
    const { note: _, ...rest } = t42.item;
    expect(rest).toEqual(t42.original);
  } finally {
    await first.stop();
    await second?.stop();
  }
});

test('when the host no longer keeps the page a save names, the rows are sent whole and nothing is lost', async ({
  page,
  browser,
}) => {
  test.slow();
  // Room for one Load all of the 2,000 tickets (one page of about 770 KB): a second one evicts the
  // first one's page.
  const host = await startHost({ env: { DYNOSTAGE_SERVED_PAGES_BYTES: '1000000' } });
  const other = await browser.newPage();
  try {
    const bodies = saves(page);
    const b = await loadAllTickets(page, host.url);
    await loadAllTickets(other, host.url);
    await bulkSetNote(page, b, 'whole');
    expect(bodies[0]).toContain('"groups"');
    expect(bodies.at(-1)).toContain('"original"');
    const entries = await stagedOn(host);
    expect(entries).toHaveLength(2000);
    expect(entries.every((e) => (e.change.item.note as { S: string }).S === 'whole')).toBe(true);
    await page.screenshot({ path: 'test-results/bulk-by-ref-fallback.png' });
  } finally {
    await other.close();
    await host.stop();
  }
});

import { rm } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { AppPage } from '../pages/AppPage';
import { BrowsePage } from '../pages/BrowsePage';
import { GridEditPage } from '../pages/GridEditPage';
import { StagingPage } from '../pages/StagingPage';
import { expect, test } from '../support/fixtures';
import { startHost, type RunningHost } from '../../test-support/servers/webHost';

// A bulk edit of loaded rows is saved as one group (the update once, the rows by served page and
// index; the host reads each row's key from the bytes it served and makes its id). What the host
// staged must be what the page staged: the page's undo (which names the rows by the ids it made)
// un-stages every one of them on disk, and a restart shows the same changes.

interface Sent {
  entries: unknown[];
  groups?: { set: unknown; rows: { indexes: number[] }[] }[];
}

/** Opens SupportTickets, loads all of it, bulk-sets queue on the refund tickets; returns how many. */
async function bulkSetRefunds(page: Page, host: RunningHost, bodies: string[]): Promise<number> {
  const app = new AppPage(page);
  const b = new BrowsePage(page);
  const g = new GridEditPage(page);
  const s = new StagingPage(page);
  await app.open(host.url);
  await app.openTable('SupportTickets');
  await b.operation('Scan').click();
  await b.loadAll.click();
  await expect(b.counts).toContainText('2,000 loaded · 2,000 shown');
  await b.quickFilter.fill('Refund not received');
  await expect(b.counts).not.toContainText('2,000 shown');
  const shown = Number(/([\d,]+) shown/.exec((await b.counts.textContent()) ?? '')![1]!.replace(/,/g, ''));
  expect(shown).toBeGreaterThan(100);
  const n = shown.toLocaleString('en-US');
  await b.selectAllRows();
  await expect(b.counts).toContainText(`${n} selected`);
  await g.menuAction(`Bulk edit ${n} selected…`);
  const bulk = page.getByRole('dialog', { name: /^Bulk edit/ });
  await bulk.getByLabel('Attribute').fill('queue');
  await bulk.getByLabel('Value', { exact: true }).fill('refunds');
  bodies.length = 0;
  await bulk.getByRole('button', { name: `Stage ${n} changes` }).click();
  await expect(s.changesButton).toHaveText(`Changes (${n})`);
  await s.waitSaved();
  // It went as a group: the rows by page and index, no entry of their own.
  expect(bodies).toHaveLength(1);
  const sent = JSON.parse(bodies[0]!) as Sent;
  expect(sent.entries).toEqual([]);
  expect(sent.groups).toHaveLength(1);
  expect(sent.groups![0]!.set).toEqual({ queue: { S: 'refunds' } });
  expect(sent.groups![0]!.rows.reduce((k, r) => k + r.indexes.length, 0)).toBe(shown);
  return shown;
}

/** How many changes the host has staged (read from its files at start). */
async function stagedOnHost(host: RunningHost): Promise<number> {
  const res = await fetch(`${host.origin}/api/staging:load`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' },
    body: '{}',
  });
  const json = (await res.json()) as { ok: boolean; value: { entries: unknown[] } };
  expect(json.ok).toBe(true);
  return json.value.entries.length;
}

test('a bulk edit saved as a group: its undo un-stages every row on disk, and it survives a restart', async ({ page }) => {
  test.slow(); // three hosts of its own, one after the other, on one data directory
  const s = new StagingPage(page);
  const bodies: string[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('/api/staging:apply')) bodies.push(r.postData() ?? '');
  });
  let host = await startHost();
  const dataDir = host.dataDir;
  try {
    await bulkSetRefunds(page, host, bodies);
    await s.openReview();
    await s.undoButton.click();
    await expect(s.changesButton).toHaveText('Changes (0)');
    await s.waitSaved();
  } finally {
    await host.stop();
  }
  let shown: number;
  host = await startHost({ dataDir });
  try {
    // Nothing of the group is left on disk: the page's ids were the host's.
    expect(await stagedOnHost(host)).toBe(0);
    await new AppPage(page).open(host.url);
    await expect(s.changesButton).toHaveText('Changes (0)');
    shown = await bulkSetRefunds(page, host, bodies);
  } finally {
    await host.stop();
  }
  host = await startHost({ dataDir });
  try {
    expect(await stagedOnHost(host)).toBe(shown);
    await new AppPage(page).open(host.url);
    await expect(s.changesButton).toHaveText(`Changes (${shown.toLocaleString('en-US')})`);
    await s.openReview();
    await expect(s.reviewItems.first()).toContainText('queue');
    await expect(s.reviewItems.first()).toContainText('"refunds"');
  } finally {
    await host.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
});

/**
 * Issue 11 through the UI, against dynalite behind the fault proxy: the archive job with the
 * archive table refusing writes (paused, held deletes, Resume) or handing every write back
 * unprocessed (failed copies, held deletes, Retry failed), guarded conflicts with the server's and
 * the staged value per attribute, and a version attribute per table.
 */
import type { Page } from '@playwright/test';
import { test as base, expect } from '@playwright/test';
import type { PendingCommit } from '../../shared/contract/commit';
import type { Item } from '../../shared/dynamo/types';
import { seriousFindings } from '../pages/A11yPage';
import { BrowsePage } from '../pages/BrowsePage';
import { CommitPage } from '../pages/CommitPage';
import { ConnectionsPage } from '../pages/ConnectionsPage';
import { GridEditPage } from '../pages/GridEditPage';
import { CLEAN } from '../../test-support/faultProxy/proxy';
import {
  api,
  clearStaging,
  PROXY_NAME,
  resetTickets,
  scanAll,
  startTicketWorld,
  tickets,
  type TicketWorld,
} from '../support/ticketWorld';

const RESOLVED = 100;
const ALL = tickets(RESOLVED, 10);
const resolved = ALL.filter((t) => (t.status as { S: string }).S === 'resolved');
const idOf = (t: Item) => (t.ticketId as { S: string }).S;
type Pending = { commits: PendingCommit[] };

const test = base.extend<object, { world: TicketWorld }>({
  world: [
    async ({}, use) => {
      const world = await startTicketWorld();
      await use(world);
      await world.close();
    },
    { scope: 'worker' },
  ],
});

test.use({ viewport: { width: 1400, height: 1000 } });

test.beforeEach(async ({ world }) => {
  world.proxy.setConfig({ ...CLEAN });
  for (const c of (await api<Pending>(world.host, 'commit:pending', {})).commits) {
    await api(world.host, 'commit:discard', { commitId: c.commitId });
  }
  await clearStaging(world.host);
  await resetTickets(world.db, ALL);
});

async function noSerious(page: Page, what: string, include?: string): Promise<void> {
  const found = await seriousFindings(page, include);
  expect(found, `${what}: ${JSON.stringify(found, null, 1)}`).toEqual([]);
}

async function openApp(page: Page, world: TicketWorld): Promise<void> {
  await page.goto(world.host.url);
  const conns = new ConnectionsPage(page);
  await expect(conns.picker.locator('option').filter({ hasText: PROXY_NAME })).toHaveCount(1);
  await conns.selectByName(PROXY_NAME);
}

/** The archive job in the UI: byStatus = resolved, Load all, select all, Move to TicketArchive. */
async function stageArchive(page: Page, world: TicketWorld): Promise<CommitPage> {
  await openApp(page, world);
  await page
    .getByRole('navigation', { name: 'Tables' })
    .getByRole('button', { name: 'SupportTickets', exact: true })
    .click();
  const b = new BrowsePage(page);
  await b.readFrom.selectOption('byStatus');
  await b.operation('Query').click();
  await b.partitionValue.fill('resolved');
  await b.loadAll.click();
  await expect(b.loadStatus).toContainText('All pages read');
  await expect(b.counts).toContainText(`${RESOLVED} loaded`);
  await b.cell(0, 'ticketId').click();
  await b.grid.press('ControlOrMeta+a');
  await expect(b.counts).toContainText(`${RESOLVED} selected`);
  await new GridEditPage(page).menuAction(`Move ${RESOLVED} to another table…`);
  const move = page.getByRole('dialog', { name: `Move ${RESOLVED} items from SupportTickets` });
  await move.getByLabel('Target table').selectOption('TicketArchive');
  await move.getByRole('button', { name: 'Stage move' }).click();
  await expect(move).toBeHidden();
  const c = new CommitPage(page);
  await c.openReview();
  await expect(c.changesButton).toHaveText(`Changes (${RESOLVED * 2})`);
  return c;
}

/** Straight from DynamoDB: every resolved ticket is in the source or in the archive, unchanged. */
async function nothingLost(world: TicketWorld): Promise<{ source: number; archive: number }> {
  const source = new Map((await scanAll(world.db, 'SupportTickets')).map((t) => [idOf(t), t]));
  const archive = new Map((await scanAll(world.db, 'TicketArchive')).map((t) => [idOf(t), t]));
  for (const t of resolved) {
    expect(source.get(idOf(t)) ?? archive.get(idOf(t)), idOf(t)).toEqual(t);
  }
  const inSource = resolved.filter((t) => source.has(idOf(t))).length;
  return { source: inSource, archive: archive.size };
}

test('archive refused with AccessDenied: the commit pauses, deletes are held, Resume finishes the move', async ({
  page,
  world,
}) => {
  test.setTimeout(300_000);
  const c = await stageArchive(page, world);
  world.proxy.setConfig({
    // An IAM policy that denies writing the archive (reading and describing it still work).
    deny: [
      {
        table: 'TicketArchive',
        operations: ['BatchWriteItem', 'PutItem', 'UpdateItem', 'DeleteItem'],
        error: 'AccessDeniedException',
      },
    ],
  });
  await c.commitButton.click();
  await expect(c.report).toBeVisible({ timeout: 120_000 });
  await expect(c.headline).toHaveText(
    `Commit paused: 0 written, ${RESOLVED} paused, ${RESOLVED} deletes held.`,
  );
  const paused = c.report.getByRole('status', { name: 'Commit paused' });
  await expect(paused).toContainText('Not authorized to write TicketArchive');
  await expect(paused).toContainText('AccessDenied');
  await expect(paused).toContainText('then Resume');
  await expect(paused.getByRole('button', { name: 'Resume' })).toBeVisible();
  expect(await c.reportNumber('paused')).toBe(RESOLVED);
  expect(await c.reportNumber('held')).toBe(RESOLVED);
  expect(await c.reportNumber('written')).toBe(0);
  const held = c.reportList(/^Held/);
  await expect(held.getByRole('listitem')).toHaveCount(RESOLVED);
  await expect(held.locator('.outcome-reason').first()).toContainText(
    'held: the copy to TicketArchive was not written: paused: not authorized to write TicketArchive',
  );
  // Everything stays staged with its reason; a new commit waits for Resume or Discard.
  await expect(c.changesButton).toHaveText(`Changes (${RESOLVED * 2})`);
  await expect(c.commitButton).toBeDisabled();
  await expect(c.bar).toContainText('A commit is paused');
  await expect(
    c.changeErrors.filter({ hasText: 'held: the copy to TicketArchive was not written' }).first(),
  ).toBeVisible();
  expect(await nothingLost(world)).toEqual({ source: RESOLVED, archive: 0 });
  expect(world.proxy.counters.denied.AccessDeniedException).toBeGreaterThan(0);
  await page.screenshot({ path: 'test-results/safe-commit-paused.png' });
  await c.report.screenshot({ path: 'test-results/safe-commit-paused-report.png' });
  await noSerious(page, 'paused report with held deletes', 'section[aria-label="Commit report"]');
  const pending = (await api<Pending>(world.host, 'commit:pending', {})).commits;
  expect(pending.map((p) => p.commitId)).toHaveLength(1);

  // The permission is fixed: Resume goes on from the journal and finishes the move.
  world.proxy.setConfig({ deny: [] });
  await paused.getByRole('button', { name: 'Resume' }).click();
  await expect(c.headline).toHaveText('Paused commit resumed: everything written.', {
    timeout: 120_000,
  });
  expect(await c.reportNumber('written')).toBe(RESOLVED * 2);
  await expect(c.changesButton).toHaveText('Changes (0)');
  expect(await nothingLost(world)).toEqual({ source: 0, archive: RESOLVED });
  expect((await api<Pending>(world.host, 'commit:pending', {})).commits).toEqual([]);
  await page.screenshot({ path: 'test-results/safe-commit-resumed.png' });
});

test('every archive write unprocessed: copies fail, deletes are held, nothing is lost; Retry failed finishes', async ({
  page,
  world,
}) => {
  test.setTimeout(400_000);
  const c = await stageArchive(page, world);
  // Default options: retried until the commit makes no progress for 60 s.
  world.proxy.setConfig({ unprocessedTables: ['TicketArchive'] });
  await c.commitButton.click();
  await expect(c.report).toBeVisible({ timeout: 240_000 });
  await expect(c.headline).toHaveText(
    `Commit finished with ${RESOLVED} failures; ${RESOLVED} deletes held, still staged.`,
  );
  expect(await c.reportNumber('failed')).toBe(RESOLVED);
  expect(await c.reportNumber('held')).toBe(RESOLVED);
  expect(await c.reportNumber('written')).toBe(0);
  expect(await c.reportNumber('unprocessed')).toBeGreaterThan(0);
  await expect(
    c
      .reportList(/^Failed/)
      .locator('.outcome-reason')
      .first(),
  ).toContainText('nothing was written for 60 s');
  await expect(c.reportList(/^Held/).locator('.outcome-reason').first()).toContainText(
    'held: the copy to TicketArchive was not written: nothing was written for 60 s',
  );
  await expect(c.changesButton).toHaveText(`Changes (${RESOLVED * 2})`);
  expect(await nothingLost(world)).toEqual({ source: RESOLVED, archive: 0 });
  const staged = await api<{ entries: { change: { kind: string; error?: string } }[] }>(
    world.host,
    'staging:load',
    {},
  );
  const deletes = staged.entries.filter((e) => e.change.kind === 'delete');
  expect(deletes).toHaveLength(RESOLVED);
  expect(deletes.every((e) => e.change.error?.startsWith('held: the copy to TicketArchive'))).toBe(
    true,
  );
  await page.screenshot({ path: 'test-results/safe-commit-held.png' });
  await c.report.screenshot({ path: 'test-results/safe-commit-held-report.png' });
  await noSerious(
    page,
    'report with failed copies and held deletes',
    'section[aria-label="Commit report"]',
  );

  world.proxy.setConfig({ unprocessedTables: [] });
  await c.retryFailed.click();
  await expect(c.headline).toHaveText('Commit finished: everything written.', { timeout: 120_000 });
  expect(await c.reportNumber('written')).toBe(RESOLVED * 2);
  await expect(c.changesButton).toHaveText('Changes (0)');
  expect(await nothingLost(world)).toEqual({ source: 0, archive: RESOLVED });
});

test('credentials expire mid-job: the whole commit pauses with what to do, Resume finishes it', async ({
  page,
  world,
}) => {
  test.setTimeout(300_000);
  const c = await stageArchive(page, world);
  // Every write call is refused as a session that expired would be (reads still work).
  world.proxy.setConfig({
    deny: [
      {
        operations: ['BatchWriteItem', 'PutItem', 'UpdateItem', 'DeleteItem'],
        error: 'ExpiredTokenException',
      },
    ],
  });
  await c.commitButton.click();
  await expect(c.report).toBeVisible({ timeout: 120_000 });
  await expect(c.headline).toHaveText(/^Commit paused: 0 written, /);
  const paused = c.report.getByRole('status', { name: 'Commit paused' });
  await expect(paused).toContainText("The connection's credentials failed (ExpiredToken");
  await expect(paused).toContainText(/aws sso login --profile \S+.*then Resume/);
  await expect(c.changesButton).toHaveText(`Changes (${RESOLVED * 2})`);
  expect(await nothingLost(world)).toEqual({ source: RESOLVED, archive: 0 });
  await c.report.screenshot({ path: 'test-results/safe-commit-credentials.png' });

  world.proxy.setConfig({ deny: [] });
  await paused.getByRole('button', { name: 'Resume' }).click();
  await expect(c.headline).toHaveText('Paused commit resumed: everything written.', {
    timeout: 120_000,
  });
  await expect(c.changesButton).toHaveText('Changes (0)');
  expect(await nothingLost(world)).toEqual({ source: 0, archive: RESOLVED });
});

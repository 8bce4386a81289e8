/**
 * Guarded writes in the UI against dynalite behind the fault proxy: a second writer's change to
 * the same attribute is a conflict shown per attribute (as loaded, on the server, yours), and
 * "overwrite" writes only the user's attributes; with a version attribute named for the table,
 * a commit increments it and another writer's bump is a conflict.
 */
import { UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import type { Page } from '@playwright/test';
import { test as base, expect } from '@playwright/test';
import type { PendingCommit } from '../../shared/contract/commit';
import type { Item } from '../../shared/dynamo/types';
import { seriousFindings } from '../pages/A11yPage';
import { CommitPage } from '../pages/CommitPage';
import { ConnectionsPage } from '../pages/ConnectionsPage';
import { CLEAN } from '../../test-support/faultProxy/proxy';
import {
  api,
  clearStaging,
  entry,
  PROXY_NAME,
  resetTickets,
  scanAll,
  startTicketWorld,
  tickets,
  type TicketWorld,
} from '../support/ticketWorld';

const ALL = tickets(0, 6);
const byId = (id: string) => ALL.find((t) => (t.ticketId as { S: string }).S === id) as Item;
const MINE = 'edited in DynoStage';

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
  const { commits } = await api<{ commits: PendingCommit[] }>(world.host, 'commit:pending', {});
  for (const c of commits) await api(world.host, 'commit:discard', { commitId: c.commitId });
  await clearStaging(world.host);
  await resetTickets(world.db, ALL);
});

async function noSerious(page: Page, what: string, include?: string): Promise<void> {
  const found = await seriousFindings(page, include);
  expect(found, `${what}: ${JSON.stringify(found, null, 1)}`).toEqual([]);
}

/** Stages a new subject on each ticket (based on the image as loaded), through the API. */
async function stageSubjects(world: TicketWorld, ids: string[]): Promise<void> {
  await api(world.host, 'staging:apply', {
    entries: ids.map((id) =>
      entry({
        kind: 'update',
        connectionId: world.connectionId,
        table: 'SupportTickets',
        key: { ticketId: { S: id } },
        original: byId(id),
        item: { ...byId(id), subject: { S: MINE } },
      }),
    ),
  });
}

/** Another client writes straight to DynamoDB: SET each name to its string or number value. */
async function secondWriter(world: TicketWorld, id: string, set: Record<string, string | number>) {
  const names = Object.keys(set);
  await world.db.send(
    new UpdateItemCommand({
      TableName: 'SupportTickets',
      Key: { ticketId: { S: id } },
      UpdateExpression: `SET ${names.map((_, i) => `#n${i} = :v${i}`).join(', ')}`,
      ExpressionAttributeNames: Object.fromEntries(names.map((n, i) => [`#n${i}`, n])),
      ExpressionAttributeValues: Object.fromEntries(
        names.map((n, i) => {
          const v = set[n];
          return [`:v${i}`, typeof v === 'number' ? { N: String(v) } : { S: v as string }];
        }),
      ),
    }),
  );
}

async function server(world: TicketWorld, id: string): Promise<Item | undefined> {
  return (await scanAll(world.db, 'SupportTickets')).find(
    (t) => (t.ticketId as { S: string }).S === id,
  );
}

async function openReview(page: Page, world: TicketWorld): Promise<CommitPage> {
  await page.goto(world.host.url);
  const conns = new ConnectionsPage(page);
  await expect(conns.picker.locator('option').filter({ hasText: PROXY_NAME })).toHaveCount(1);
  await conns.selectByName(PROXY_NAME);
  const c = new CommitPage(page);
  await c.openReview();
  return c;
}

test('a second writer: other attributes survive, the same attribute is a conflict; overwrite writes only yours', async ({
  page,
  world,
}) => {
  await stageSubjects(world, ['O-00', 'O-01']);
  await secondWriter(world, 'O-00', { priority: 'urgent' });
  await secondWriter(world, 'O-01', { subject: 'edited elsewhere', priority: 'urgent' });
  const c = await openReview(page, world);
  await expect(c.changesButton).toHaveText('Changes (2)');
  await c.commitButton.click();
  await expect(c.conflicts).toBeVisible();
  await expect(c.conflicts).toContainText(
    '1 item changed on the server. These were not written; the rest of the commit was.',
  );
  await expect(c.conflictItems).toHaveCount(1);
  const item = c.conflict('ticketId=O-01');
  const subject = item.locator('tr.conflict-row[data-attr="subject"]');
  await expect(subject).toHaveClass(/\bclash\b/);
  await expect(subject).toContainText('both changed');
  await expect(subject.locator('td').nth(0)).toContainText('"Ticket O-01"');
  await expect(subject.locator('td').nth(1)).toContainText('"edited elsewhere"');
  await expect(subject.locator('td').nth(2)).toContainText(`"${MINE}"`);
  const priority = item.locator('tr.conflict-row[data-attr="priority"]');
  await expect(priority).toContainText('server only');
  await expect(priority.locator('td').nth(1)).toContainText('"urgent"');
  await expect(item.getByTestId('overwrite-writes')).toHaveText('Overwrite writes only subject.');
  await expect(c.report).toBeVisible();
  expect(await c.reportNumber('written')).toBe(1);
  await expect(c.changesButton).toHaveText('Changes (1)');
  // The change to another attribute survived the guarded write.
  expect(await server(world, 'O-00')).toMatchObject({
    subject: { S: MINE },
    priority: { S: 'urgent' },
  });
  await page.screenshot({ path: 'test-results/guarded-conflict.png' });
  await c.conflicts.screenshot({ path: 'test-results/guarded-conflict-view.png' });
  await noSerious(page, 'conflict view', 'section[aria-label="Conflicts"]');

  await c.choice('ticketId=O-01', 'Overwrite').click();
  await c.applyChoices.click();
  await expect(c.headline).toHaveText('Commit finished: everything written.');
  await expect(c.changesButton).toHaveText('Changes (0)');
  // Only the user's attribute was written over the server's; its other change stays.
  expect(await server(world, 'O-01')).toMatchObject({
    subject: { S: MINE },
    priority: { S: 'urgent' },
  });
});

test('a version attribute per table: the commit increments it, another writer’s bump is a conflict, overwrite still bumps it', async ({
  page,
  world,
}) => {
  await stageSubjects(world, ['O-02', 'O-03']);
  // The other writer changes an attribute the user did not touch, and bumps the version.
  await secondWriter(world, 'O-03', { priority: 'urgent', version: 2 });
  const c = await openReview(page, world);
  await c.setOptions({});
  const versions = c.options.getByRole('group', { name: /Version attribute/ });
  await versions.getByLabel('SupportTickets').fill('version');
  await expect(c.options.locator('summary')).toContainText('version SupportTickets.version');
  await c.options.screenshot({ path: 'test-results/guarded-version-option.png' });
  await noSerious(page, 'commit options with the version attribute', 'details.commit-options');

  await c.commitButton.click();
  await expect(c.conflicts).toBeVisible();
  await expect(c.conflictItems).toHaveCount(1);
  const item = c.conflict('ticketId=O-03');
  await expect(item.locator('tr.conflict-row[data-attr="version"]')).toContainText('server only');
  await expect(item.locator('tr.conflict-row[data-attr="version"] td').nth(1)).toContainText('2');
  expect(await c.reportNumber('written')).toBe(1);
  // Written with the version incremented.
  expect(await server(world, 'O-02')).toMatchObject({ subject: { S: MINE }, version: { N: '2' } });
  await page.screenshot({ path: 'test-results/guarded-version-conflict.png' });

  // Overwrite writes the user's subject over the server's item and still bumps the version.
  await c.choice('ticketId=O-03', 'Overwrite').click();
  await c.applyChoices.click();
  await expect(c.headline).toHaveText('Commit finished: everything written.');
  await expect(c.changesButton).toHaveText('Changes (0)');
  expect(await server(world, 'O-03')).toMatchObject({
    subject: { S: MINE },
    priority: { S: 'urgent' },
    version: { N: '3' },
  });
});

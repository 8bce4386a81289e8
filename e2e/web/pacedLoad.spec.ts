/**
 * A Load all is paced by the page (loads.ts, pageAcks.ts): the host reads a page of the Scan only
 * while fewer than 3 of the pages it sent are unacknowledged by the page's items:taken, which the
 * page sends on frames painted on time. Here the page's acknowledgements are held back: the host
 * must stop after 3 pages, and read on when they get through.
 */
import {
  BatchWriteItemCommand,
  CreateTableCommand,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import type { Route } from '@playwright/test';
import { AppPage } from '../pages/AppPage';
import { BrowsePage } from '../pages/BrowsePage';
import { ConnectionsPage } from '../pages/ConnectionsPage';
import { tableActive } from '../../test-support/servers/dynalite';
import { expect, test as base } from '../support/fixtures';
import { PROXY_NAME, startTicketWorld, type TicketWorld } from '../support/ticketWorld';

const TABLE = 'PacedLoad';
/** 600 items of ~10 KB: about 6 MB, six or more of DynamoDB's 1 MB Scan pages. */
const ITEMS = 600;

async function createTable(db: DynamoDBClient): Promise<void> {
  await db.send(
    new CreateTableCommand({
      TableName: TABLE,
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
  await tableActive(db, TABLE);
  const body = 'x'.repeat(10_000);
  for (let from = 0; from < ITEMS; from += 25) {
    const puts = Array.from({ length: Math.min(25, ITEMS - from) }, (_, k) => ({
      PutRequest: {
        Item: { id: { S: `P-${String(from + k).padStart(4, '0')}` }, body: { S: body } },
      },
    }));
    await db.send(new BatchWriteItemCommand({ RequestItems: { [TABLE]: puts } }));
  }
}

/** A DynamoDB of its own behind a fault proxy (which counts the Scans), with the table. */
const test = base.extend<object, { world: TicketWorld }>({
  world: [
    async ({}, use) => {
      const world = await startTicketWorld();
      await createTable(world.db);
      await use(world);
      await world.close();
    },
    { scope: 'worker' },
  ],
});

test('a Load all reads no more than 3 pages ahead of what the page has taken in', async ({
  page,
  world,
}) => {
  const { host, proxy } = world;
  let scans = 0;
  proxy.onRequest = (operation) => {
    if (operation === 'Scan') scans++;
  };
  const held: Route[] = [];
  const taken: number[] = [];
  let holding = true;
  await page.route('**/api/items:taken', async (route) => {
    taken.push((route.request().postDataJSON() as { pages: number }).pages);
    if (holding) held.push(route);
    else await route.continue();
  });
  const loadAllBodies: unknown[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('/api/items:loadAll')) loadAllBodies.push(r.postDataJSON());
  });

  await new AppPage(page).open(host.url);
  const conns = new ConnectionsPage(page);
  await expect(conns.picker.locator('option').filter({ hasText: PROXY_NAME })).toHaveCount(1);
  await conns.selectByName(PROXY_NAME);
  await new AppPage(page).openTable(TABLE);
  const b = new BrowsePage(page);
  await expect(b.run).toBeEnabled();
  await b.operation('Scan').click();
  scans = 0;
  await b.loadAll.click();

  // Acknowledgements are sent (and held here): the host stops at three pages.
  await expect.poll(() => taken.length).toBeGreaterThan(0);
  await expect.poll(() => scans).toBe(3);
  expect(loadAllBodies).toEqual([expect.objectContaining({ window: 3 })]);
  await page.waitForTimeout(500); // anything the host would read meanwhile would show here
  expect(scans).toBe(3);
  await expect(b.loadStatus).not.toContainText('All pages read');
  await page.screenshot({ path: test.info().outputPath('held-at-three-pages.png') });

  // The acknowledgements get through: the load reads on to the end.
  holding = false;
  for (const route of held.splice(0)) await route.continue();
  await expect(b.loadStatus).toContainText('All pages read');
  await expect(b.counts).toContainText(`${ITEMS} loaded · ${ITEMS} shown`);
  expect(scans).toBeGreaterThan(3);
  // Each acknowledgement names more pages than the one before.
  expect(taken).toEqual([...taken].sort((x, y) => x - y));
});

/**
 * The PartiQL tab in Chromium against the web host, with a connection to moto (dynalite, the
 * sandbox, has no PartiQL): a SELECT fills the grid and stays editable, paging with Load more,
 * a write is staged, shown in the review and committed; the sandbox says it has no PartiQL.
 */
import { BatchWriteItemCommand, CreateTableCommand, DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { toSdkItem } from '../../server/sdk/convert';
import { startPartiqlPager } from '../../test-support/servers/partiqlPager';
import { AppPage } from '../pages/AppPage';
import { BrowsePage } from '../pages/BrowsePage';
import { ConnectionsPage } from '../pages/ConnectionsPage';
import { PartiqlPage } from '../pages/PartiqlPage';
import { expect, requireMoto, test } from '../support/motoFixture';

const REGION = 'ca-central-1';

async function api<T>(origin: string, token: string, channel: string, body: unknown): Promise<T> {
  const res = await fetch(`${origin}/api/${channel}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as { ok: boolean; value?: T; error?: { message: string } };
  if (!json.ok) throw new Error(`${channel}: ${json.error?.message}`);
  return json.value as T;
}

test('the sandbox says it has no PartiQL; its query builder still works', async ({ page, host }) => {
  const app = new AppPage(page);
  await app.open(host.url);
  await app.openTable('SupportTickets');
  const p = new PartiqlPage(page);
  await p.tab.click();
  await expect(p.panel).toContainText('The sandbox (dynalite) does not support PartiQL');
  await p.builderTab.click();
  const b = new BrowsePage(page);
  await b.operation('Scan').click();
  await b.run.click();
  await expect(b.loadStatus).toContainText('items');
});

test('Copy as gives the query as an AWS CLI command and as PartiQL', async ({ page, host }) => {
  const app = new AppPage(page);
  await app.open(host.url);
  await app.openTable('SupportTickets');
  const b = new BrowsePage(page);
  await b.operation('Query').click();
  await b.partitionValue.fill('T-00042');
  await page.getByRole('button', { name: 'Copy as' }).click();
  await page.getByRole('menuitem', { name: 'AWS CLI command' }).click();
  const cli = page.getByRole('dialog', { name: 'AWS CLI command' });
  await expect(cli.getByRole('textbox')).toHaveValue(/^aws dynamodb query \\\n {2}--table-name SupportTickets/);
  await expect(cli.getByRole('textbox')).toHaveValue(/--expression-attribute-values '\{":v0":\{"S":"T-00042"\}\}'/);
  await cli.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('button', { name: 'Copy as' }).click();
  await page.getByRole('menuitem', { name: 'PartiQL statement' }).click();
  await expect(page.getByRole('dialog', { name: 'PartiQL statement' }).getByRole('textbox')).toHaveValue(
    /^SELECT \* FROM "SupportTickets" WHERE "ticketId" = \?\n\n-- parameters\n\[\{"S":"T-00042"\}\]$/,
  );
});

test('SELECT pages into the grid (editable), a write is staged, reviewed and committed', async ({ page, host, moto }) => {
  const m = requireMoto(moto);
  const pager = await startPartiqlPager(m.endpoint, 100);
  const sdk = new DynamoDBClient({ endpoint: m.endpoint, region: REGION, credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
  try {
    await sdk.send(
      new CreateTableCommand({
        TableName: 'Notes',
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }],
        AttributeDefinitions: [
          { AttributeName: 'pk', AttributeType: 'S' },
          { AttributeName: 'sk', AttributeType: 'S' },
        ],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
    for (let at = 0; at < 250; at += 25) {
      const chunk = Array.from({ length: 25 }, (_, i) => ({
        PutRequest: { Item: toSdkItem({ pk: { S: 'n' }, sk: { S: `s${String(at + i).padStart(3, '0')}` }, body: { S: 'old' } }) },
      }));
      await sdk.send(new BatchWriteItemCommand({ RequestItems: { Notes: chunk } }));
    }
    await api(host.origin, host.token, 'connections:save', { kind: 'endpoint', name: 'moto', region: REGION, endpoint: pager.endpoint });

    await page.goto(host.url);
    const conns = new ConnectionsPage(page);
    await conns.selectByName('moto');
    const app = new AppPage(page);
    await app.openTable('Notes');
    const p = new PartiqlPage(page);
    const b = new BrowsePage(page);
    await p.tab.click();
    await p.setStatement('SELECT * FROM "Notes" WHERE pk = ?');
    await p.parameters.fill('[{"S": "n"}]');
    await p.consistentRead.check();
    await p.run.click();
    await expect(p.status).toContainText('More pages available');
    await expect(p.status).toContainText('100 items · 1 page');
    await expect(b.counts).toContainText('100 loaded');
    await p.loadAll.click();
    await expect(p.status).toContainText('All pages read');
    await expect(p.status).toContainText('250 items · 3 pages');
    await expect(b.counts).toContainText('250 loaded');
    // Whole items of the open table: the grid does not call them read-only.
    await expect(page.getByRole('note', { name: 'Why rows are read-only' })).toHaveCount(0);

    // A parameter error names the parameter and where it is.
    await p.parameters.fill('[{"S": "n"}, {"N": true}]');
    await p.run.click();
    await expect(p.error).toContainText('Parameter 2 has N set to a boolean');

    // A write is staged, not run.
    await p.setStatement('UPDATE "Notes" SET body = ? WHERE pk = ? AND sk = ?');
    await p.parameters.fill('[{"S": "new"}, {"S": "n"}, {"S": "s007"}]');
    await p.run.click();
    await expect(p.notice).toContainText('Staged UPDATE on one item of Notes');
    await expect(p.stagedRows).toHaveCount(1);
    await expect(p.stagedRows.first()).toContainText('pk = n, sk = s007');
    const before = await sdk.send(new GetItemCommand({ TableName: 'Notes', Key: { pk: { S: 'n' }, sk: { S: 's007' } } }));
    expect(before.Item?.body).toEqual({ S: 'old' });

    // The review lists it beside the item it names.
    await page.getByRole('button', { name: /^Changes \(/ }).click();
    const review = page.getByRole('region', { name: 'Review changes' });
    await expect(review.getByTestId('staged-statement')).toContainText('Notes · pk = n, sk = s007');
    await expect(review.getByTestId('staged-statement')).toContainText('UPDATE "Notes" SET body = ?');
    await review.getByRole('button', { name: 'Close review' }).click();

    await p.staged.getByRole('button', { name: 'Commit 1 statement' }).click();
    await expect(p.staged).toContainText('1 written, 0 failed, in 1 BatchExecuteStatement call');
    const after = await sdk.send(new GetItemCommand({ TableName: 'Notes', Key: { pk: { S: 'n' }, sk: { S: 's007' } } }));
    expect(after.Item?.body).toEqual({ S: 'new' });
  } finally {
    sdk.destroy();
    await pager.close();
  }
});

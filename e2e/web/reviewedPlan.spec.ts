/**
 * The commit takes what the review showed: a change staged elsewhere after the review (through
 * the API, as another window would) is not committed unseen. The backend refuses the reviewed
 * plan's id before any call to DynamoDB, the review shows why and then what is saved; committing
 * again after that review writes everything.
 */
import { test as base, expect } from '@playwright/test';
import type { Item } from '../../shared/dynamo/types';
import { seriousFindings } from '../pages/A11yPage';
import { CommitPage } from '../pages/CommitPage';
import { ConnectionsPage } from '../pages/ConnectionsPage';
import { CLEAN } from '../../test-support/faultProxy/proxy';
import { stageViaApi } from '../support/stageViaApi';
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
  await clearStaging(world.host);
  await resetTickets(world.db, ALL);
});

const subjects = async (world: TicketWorld) =>
  (await scanAll(world.db, 'SupportTickets')).map((t) => (t.subject as { S: string }).S).sort();

test('a change staged after the review is refused with the reason; reviewed again, it commits', async ({
  page,
  request,
  world,
}) => {
  const edit = (t: Item, subject: string) =>
    entry({
      kind: 'update',
      connectionId: world.connectionId,
      table: 'SupportTickets',
      key: { ticketId: t.ticketId! },
      original: t,
      item: { ...t, subject: { S: subject } },
    });
  await api(world.host, 'staging:apply', { entries: ALL.slice(0, 3).map((t) => edit(t, 'reviewed')) });
  await page.goto(world.host.url);
  const conns = new ConnectionsPage(page);
  await expect(conns.picker.locator('option').filter({ hasText: PROXY_NAME })).toHaveCount(1);
  await conns.selectByName(PROXY_NAME);
  const c = new CommitPage(page);
  await c.changesButton.click();
  await c.review.waitFor();
  await expect(c.reviewItems).toHaveCount(3);

  // Staged in the background while the user looks at the review.
  const extra = edit(ALL[3]!, 'staged elsewhere');
  await stageViaApi(request, world.host, [[extra.id, extra.change!]]);
  world.proxy.resetCounters();
  await c.commitButton.click();
  await expect(c.commitError).toContainText(
    'The staged changes differ from what you reviewed (reviewed 3 operations, saved 4 operations). Changes were staged elsewhere since your review. Nothing was committed and everything stays staged: review again, then commit.',
  );
  // Nothing read or written for the commit. The table list's descriptions, read ahead one table at
  // a time once the connection is picked, may still be on their way: those are not the commit's.
  const { DescribeTable: _d, DescribeTimeToLive: _t, ...commitCalls } = world.proxy.counters.calls;
  expect(commitCalls).toEqual({});
  expect(await subjects(world)).toEqual(ALL.map((t) => (t.subject as { S: string }).S).sort());
  // The review now shows what is saved, the background change included.
  await expect(c.reviewItems).toHaveCount(4);
  await page.screenshot({ path: test.info().outputPath('plan-changed.png') });
  const found = await seriousFindings(page, '.commit-panel');
  expect(found, JSON.stringify(found, null, 1)).toEqual([]);

  await c.commitButton.click();
  await expect(c.headline).toHaveText('Commit finished: everything written.');
  const after = await subjects(world);
  expect(after.filter((s) => s === 'reviewed')).toHaveLength(3);
  expect(after.filter((s) => s === 'staged elsewhere')).toHaveLength(1);
});

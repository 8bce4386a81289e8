import { unzipSync, strFromU8 } from 'fflate';
import { readFileSync } from 'node:fs';
import { supportTickets } from '../../server/sandbox/seedData';
import type { StagedChange } from '../../shared/changes/types';
import { seriousFindings } from '../pages/A11yPage';
import { AppPage } from '../pages/AppPage';
import { StagingPage } from '../pages/StagingPage';
import type { Item } from '../../shared/dynamo/types';
import { expect, test } from '../support/fixtures';
import { stageViaApi, ticketChangeId } from '../support/stageViaApi';

const tickets = supportTickets();
const tid = (t: Item) => (t.ticketId as { S: string }).S;
const t = (i: number) => tickets[i]!;
const key = (i: number) => ({ ticketId: t(i).ticketId! });
const S = 'SupportTickets';
const A = 'TicketArchive';
const base = { connectionId: 'sandbox' };

/** One new ticket, one changed, one deleted and one moved to the archive. */
function mix(): [string, StagedChange][] {
  const fresh = { ticketId: { S: 'T-NEW-1' }, status: { S: 'open' } };
  const movedId = tid(t(3));
  const copy = ticketChangeId(A, movedId);
  return [
    [
      ticketChangeId(S, 'T-NEW-1'),
      { ...base, table: S, kind: 'put', key: { ticketId: fresh.ticketId }, item: fresh },
    ],
    [
      ticketChangeId(S, tid(t(1))),
      {
        ...base,
        table: S,
        kind: 'update',
        key: key(1),
        original: t(1),
        item: { ...t(1), subject: { S: 'edited' } },
      },
    ],
    [
      ticketChangeId(S, tid(t(2))),
      { ...base, table: S, kind: 'delete', key: key(2), original: t(2) },
    ],
    [copy, { ...base, table: A, kind: 'put', key: key(3), item: t(3) }],
    [
      ticketChangeId(S, movedId),
      { ...base, table: S, kind: 'delete', key: key(3), original: t(3), after: copy },
    ],
  ];
}

test.beforeEach(async ({ request, host }) => {
  await StagingPage.clear(request, host);
});

test('the review sums up per table and per write mode, and the plan downloads as one zip', async ({
  page,
  host,
  request,
}) => {
  await stageViaApi(request, host, mix());
  const s = new StagingPage(page);
  await new AppPage(page).open(host.url);
  await page.setViewportSize({ width: 1280, height: 800 });
  await s.openReview();

  const summary = s.review.getByRole('table', { name: /Staged changes by table/ });
  await expect(summary).toBeVisible();
  const cells = (table: string) =>
    summary.locator(`tr[data-table="${table}"]`).locator('th, td').allInnerTexts();
  await expect
    .poll(() => cells(S))
    .toEqual([
      S,
      '1',
      '1',
      '1',
      '1 out',
      expect.stringMatching(/^\d+ · \d+$/) as unknown as string,
      expect.stringMatching(/^\d+ · \d+$/) as unknown as string,
      expect.stringMatching(/^\d+ · \d+$/) as unknown as string,
    ]);
  expect((await cells(A)).slice(0, 5)).toEqual([A, '0', '0', '0', '1 in']);
  await expect(summary.getByRole('columnheader', { name: 'Guarded (chosen)' })).toBeVisible();
  await expect(summary.getByRole('columnheader', { name: 'Atomic' })).toBeVisible();
  // Atomic: its 4 changes in one TransactWriteItems, every write unit billed twice.
  const [, batch, atomic] = (await cells(S)).slice(5).map((c) => c.split(' · ').map(Number));
  expect(atomic).toEqual([1, 2 * batch![1]!]);
  await expect(s.review.getByText(/Atomic counts TransactWriteItems calls/)).toBeVisible();
  const all = await summary.locator('tfoot tr').locator('th, td').allInnerTexts();
  expect(all[0]).toBe('All (one plan)');
  await page.screenshot({ path: 'test-results/review-summary.png' });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: 'test-results/review-summary-dark.png' });
  await page.emulateMedia({ colorScheme: 'light' });
  const found = await seriousFindings(page, '.review-summary');
  expect(found, JSON.stringify(found, null, 1)).toEqual([]);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    s.review.getByRole('button', { name: 'Download plan', exact: true }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('dynostage-plan.zip');
  const zip = unzipSync(new Uint8Array(readFileSync(await download.path())));
  const names = Object.keys(zip).sort();
  expect(names).toEqual([
    'batch-write-items.sh',
    'delete-0001.json',
    'dynostage-plan.jsonl',
    'put-0001.json',
  ]);
  const puts = JSON.parse(strFromU8(zip['put-0001.json']!)) as Record<string, unknown[]>;
  expect(puts[S]).toHaveLength(2);
  expect(puts[A]).toEqual([{ PutRequest: { Item: t(3) } }]);
  expect(strFromU8(zip['batch-write-items.sh']!)).toContain("run 'delete-0001.json'");
  const lines = strFromU8(zip['dynostage-plan.jsonl']!)
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as unknown);
  expect(lines).toEqual([
    // The id line `dynostage apply` checks the plan against (a hand-edited plan is refused).
    { dynostagePlan: { id: expect.stringMatching(/^f[0-9a-f]{32}$/) as unknown, lines: 4 } },
    { table: S, put: { ticketId: { S: 'T-NEW-1' }, status: { S: 'open' } } },
    // Guarded (the chosen mode): each write of a loaded item expects the item as loaded.
    { table: S, put: { ...t(1), subject: { S: 'edited' } }, expect: t(1) },
    { table: S, delete: key(2), expect: t(2) },
    { table: S, move: { to: A, item: t(3) }, expect: t(3) },
  ]);
});

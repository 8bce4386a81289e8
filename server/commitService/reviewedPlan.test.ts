import { expect, test } from 'vitest';
import type { StagingEntry } from '../../shared/contract/staging';
import { reviewedStart } from '../../test-support/fixtures/reviewed';
import { useServiceStack } from '../../test-support/fixtures/serviceStack';

const s = useServiceStack(53);

function edits(tickets: Awaited<ReturnType<typeof s.scanAll>>, note: string): StagingEntry[] {
  return tickets.map((t) =>
    s.entry({
      kind: 'update',
      connectionId: s.connectionId,
      table: 'SupportTickets',
      key: { ticketId: t.ticketId! },
      original: t,
      item: { ...t, note: { S: note } },
    }),
  );
}

const totalCalls = () => Object.values(s.proxy.counters.calls).reduce((a, b) => a + b, 0);

test('a plan that changed after the review is refused before any read or write; it commits once reviewed again', async () => {
  const tickets = (await s.scanAll('SupportTickets')).slice(0, 4);
  const [first, ...rest] = edits(tickets, 'reviewed');
  await s.call('staging:apply', { entries: rest });
  const reviewed = await reviewedStart(s.call, { connectionId: s.connectionId, options: { mode: 'guarded' } });
  expect(reviewed.reviewed.operations).toBe(3);
  // Staged in the background after the review (another window, the API).
  await s.call('staging:apply', { entries: [first!] });

  await expect(s.call('commit:start', reviewed)).rejects.toThrow(
    /^PlanChanged: The staged changes differ from what you reviewed \(reviewed 3 operations, saved 4 operations\)\. Changes were staged elsewhere since your review\. Nothing was committed/,
  );
  expect(totalCalls()).toBe(0);
  expect((await s.call('staging:load', {})).entries).toHaveLength(4);

  // The same count but another operation: still refused.
  const sameCount = await reviewedStart(s.call, { connectionId: s.connectionId });
  await s.call('staging:apply', { entries: edits(tickets.slice(0, 1), 'edited again') });
  await expect(s.call('commit:start', sameCount)).rejects.toThrow(/the same number of operations \(4 operations\), but not the same ones/);
  // Another write mode than the one reviewed: refused too.
  const guarded = await reviewedStart(s.call, { connectionId: s.connectionId });
  await expect(s.call('commit:start', { ...guarded, options: { mode: 'batch' } })).rejects.toThrow(/^PlanChanged/);
  expect(totalCalls()).toBe(0);

  const again = await reviewedStart(s.call, { connectionId: s.connectionId });
  const report = await s.call('commit:start', again);
  expect(report).toMatchObject({ status: 'done', counters: { written: 4 } });
  expect(totalCalls()).toBeGreaterThan(0);
});

test('a revision the backend never saved is refused: the review was not saved here', async () => {
  const loaded = await s.call('staging:load', {});
  const input = await reviewedStart(s.call, { connectionId: s.connectionId });
  const ahead = { ...input, reviewed: { ...input.reviewed, stagingRevision: loaded.revision + 5 } };
  await expect(s.call('commit:start', ahead)).rejects.toThrow(/^PlanChanged: The staged changes you reviewed are not saved here/);
  expect(totalCalls()).toBe(0);
});

test('commit:start without the reviewed plan is bad input', async () => {
  await expect(s.call('commit:start', { connectionId: s.connectionId })).rejects.toThrow(/^BadInput: .*reviewed/);
});

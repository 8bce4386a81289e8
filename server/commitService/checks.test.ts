import { expect, test } from 'vitest';
import type { StagingEntry } from '../../shared/contract/staging';
import { useServiceStack } from '../../test-support/fixtures/serviceStack';
import { reviewedStart } from '../../test-support/fixtures/reviewed';

const s = useServiceStack(31);

test('batch mode: items the drift check could not read are not written blind; they stay staged', async () => {
  const tickets = (await s.scanAll('SupportTickets')).slice(0, 5);
  const entries: StagingEntry[] = tickets.map((t) =>
    s.entry({
      kind: 'update',
      connectionId: s.connectionId,
      table: 'SupportTickets',
      key: { ticketId: t.ticketId! },
      original: t,
      item: { ...t, note: { S: 'blind write' } },
    }),
  );
  await s.call('staging:apply', { entries });
  // Every key withheld: the read makes no progress, so it gives up after the budget.
  s.proxy.setConfig({ unprocessedKeysFraction: 1 });
  const report = await s.call('commit:start', await reviewedStart(s.call, {
    connectionId: s.connectionId,
    options: { mode: 'batch', noProgressTimeoutMs: 300 },
  }));
  expect(report.unchecked).toHaveLength(5);
  for (const e of entries) {
    expect(report.outcomes[e.id]).toMatchObject({ status: 'failed' });
    expect(report.outcomes[e.id].reason).toMatch(/could not read the item.*nothing was overwritten/);
  }
  expect(report.counters).toMatchObject({ total: 5, failed: 5, written: 0 });
  expect(s.proxy.counters.calls.BatchWriteItem).toBeUndefined();
  const after = await s.scanAll('SupportTickets');
  expect(after.filter((t) => JSON.stringify(t.note) === JSON.stringify({ S: 'blind write' }))).toEqual([]);
  const staged = (await s.call('staging:load', {})).entries as StagingEntry[];
  expect(staged.map((e) => e.id).sort()).toEqual(entries.map((e) => e.id).sort());
});

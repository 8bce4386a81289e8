import { expect, test } from 'vitest';
import type { StagingEntry } from '../../shared/contract/staging';
import { reviewedStart } from '../../test-support/fixtures/reviewed';
import { useServiceStack } from '../../test-support/fixtures/serviceStack';

const s = useServiceStack(37);

test('a cancel during the drift check stops its reads: the commit ends canceled, nothing sent, everything staged', async () => {
  const tickets = (await s.scanAll('SupportTickets')).slice(0, 5);
  const entries: StagingEntry[] = tickets.map((t) =>
    s.entry({
      kind: 'update',
      connectionId: s.connectionId,
      table: 'SupportTickets',
      key: { ticketId: t.ticketId! },
      original: t,
      item: { ...t, note: { S: 'canceled edit' } },
    }),
  );
  await s.call('staging:apply', { entries });
  // Every key withheld: the reads would go on for the whole no-progress budget (default options).
  s.proxy.setConfig({ unprocessedKeysFraction: 1 });
  const commitId = 'drift-cancel-1';
  const canceled: boolean[] = [];
  s.proxy.onRequest = (operation) => {
    if (operation === 'BatchGetItem' && canceled.length === 0) {
      void s
        .call<{ canceled: boolean }>('commit:cancel', { commitId })
        .then((r) => canceled.push(r.canceled));
    }
  };
  try {
    const report = await s.call(
      'commit:start',
      await reviewedStart(s.call, { connectionId: s.connectionId, commitId, options: { mode: 'batch' } }),
    );
    expect(canceled).toEqual([true]);
    for (const e of entries) expect(report.outcomes[e.id]).toEqual({ status: 'canceled' });
    expect(report.counters).toMatchObject({ total: 5, canceled: 5, written: 0, failed: 0 });
  } finally {
    s.proxy.onRequest = null;
  }
  expect(s.proxy.counters.calls.BatchWriteItem).toBeUndefined();
  const after = await s.scanAll('SupportTickets');
  expect(
    after.filter((t) => JSON.stringify(t.note) === JSON.stringify({ S: 'canceled edit' })),
  ).toEqual([]);
  const staged = (await s.call('staging:load', {})).entries as StagingEntry[];
  expect(staged.map((e) => e.id).sort()).toEqual(entries.map((e) => e.id).sort());
  // Staged as the user made them: a canceled check marks nothing as failed.
  for (const e of staged) expect(e.change?.error).toBeUndefined();
});

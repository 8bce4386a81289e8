import { UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { expect, test } from 'vitest';
import type { AttributeValue, Item } from '../../shared/dynamo/types';
import { toSdkItem } from '../sdk/convert';
import { useServiceStack } from '../../test-support/fixtures/serviceStack';
import { reviewedStart } from '../../test-support/fixtures/reviewed';

const s = useServiceStack(5);
const idOf = (t: Item) => JSON.stringify(t.ticketId);
const str = (v: AttributeValue | undefined) => (v && 'S' in v ? v.S : undefined);

test('a concurrent writer during a 1,000-item commit: both changes survive, the same attribute is a conflict', async () => {
  const tickets = (await s.scanAll('SupportTickets')).slice(0, 1000);
  const { connectionId } = s;
  const entries = tickets.map((t) =>
    s.entry({
      kind: 'update',
      connectionId,
      table: 'SupportTickets',
      key: { ticketId: t.ticketId! },
      original: t,
      item: { ...t, note: { S: 'from the commit' } },
    }),
  );
  await s.call('staging:apply', { entries });
  // Calls take a while, so the other writer gets in before the commit reaches the last items.
  s.proxy.setConfig({ latencyMs: 5 });
  const other = s.backend.services.sandbox.client();
  const late = tickets.slice(-101, -1);
  const same = tickets[tickets.length - 1]!;
  let otherDone: Promise<unknown> | null = null;
  const off = s.backend.onEvent((e) => {
    if (e.type !== 'commit:progress' || e.phase !== 'writing' || otherDone) return;
    otherDone = Promise.all([
      ...late.map((t) =>
        other.send(
          new UpdateItemCommand({
            TableName: 'SupportTickets',
            Key: toSdkItem({ ticketId: t.ticketId! }),
            UpdateExpression: 'SET #o = :o',
            ExpressionAttributeNames: { '#o': 'otherWriter' },
            ExpressionAttributeValues: { ':o': { S: 'kept' } },
          }),
        ),
      ),
      other.send(
        new UpdateItemCommand({
          TableName: 'SupportTickets',
          Key: toSdkItem({ ticketId: same.ticketId! }),
          UpdateExpression: 'SET note = :n',
          ExpressionAttributeValues: { ':n': { S: 'from the other writer' } },
        }),
      ),
    ]);
  });
  const report = await s.call('commit:start', await reviewedStart(s.call, { connectionId }));
  off();
  await otherDone;
  expect(otherDone).not.toBeNull();

  expect(report.counters.written).toBe(999);
  expect(report.status).toBe('conflicts');
  expect(report.conflicts).toHaveLength(1);
  const conflict = report.conflicts[0];
  expect(conflict.server.note).toEqual({ S: 'from the other writer' });
  expect(conflict.expected.note).toBeUndefined();
  expect(report.outcomes[conflict.id]).toMatchObject({ status: 'conflict' });

  const now = new Map((await s.scanAll('SupportTickets')).map((t) => [idOf(t), t]));
  let lost = 0;
  for (const t of late) {
    const server = now.get(idOf(t))!;
    if (str(server.note) !== 'from the commit' || str(server.otherWriter) !== 'kept') lost++;
  }
  expect(lost).toBe(0);
  const all = tickets.slice(0, -1).filter((t) => str(now.get(idOf(t))!.note) !== 'from the commit');
  expect(all).toEqual([]);
  expect(now.get(idOf(same))!.note).toEqual({ S: 'from the other writer' });

  // The conflict stays staged with its reason; "overwrite" then writes only the user's attribute.
  const staged = (await s.call('staging:load', {})).entries;
  expect(staged).toHaveLength(1);
  expect(staged[0].change.error).toMatch(/Conflict/);
  await other.send(
    new UpdateItemCommand({
      TableName: 'SupportTickets',
      Key: toSdkItem({ ticketId: same.ticketId! }),
      UpdateExpression: 'SET otherWriter = :o',
      ExpressionAttributeValues: { ':o': { S: 'also kept' } },
    }),
  );
  const again = await s.call('commit:start', await reviewedStart(s.call, {
    connectionId,
    resolutions: { [conflict.id]: 'overwrite' },
  }));
  expect(again.outcomes[conflict.id]).toEqual({ status: 'written' });
  const after = (await s.scanAll('SupportTickets')).find((t) => idOf(t) === idOf(same))!;
  expect(after.note).toEqual({ S: 'from the commit' });
  expect(after.otherWriter).toEqual({ S: 'also kept' });
  expect((await s.call('staging:load', {})).entries).toEqual([]);
});

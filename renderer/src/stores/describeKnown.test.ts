import { describe, expect, it, vi } from 'vitest';

const described: string[] = [];
let answer: (() => void)[] = [];
const schema = { partitionKey: { name: 'pk', type: 'S' } };
vi.mock('../api/client', () => ({
  ApiCallError: class extends Error {},
  call: vi.fn(async (channel: string, input: { table?: string }) => {
    if (channel === 'staging:load') {
      const change = {
        kind: 'put',
        connectionId: 'c',
        table: 'Old',
        key: { pk: { S: 'x' } },
        item: { pk: { S: 'x' } },
      };
      return { entries: [{ id: 'saved-id', change }], problems: [], revision: 1 };
    }
    if (channel === 'tables:describe') {
      described.push(input.table!);
      // Answered when the test says so: both readers ask while it is under way.
      await new Promise<void>((r) => answer.push(r));
      return { table: input.table, key: schema, indexes: [], status: 'ACTIVE' };
    }
    throw new Error(`unexpected ${channel}`);
  }),
}));

const { useTablesStore } = await import('./tablesStore');
const { stagingActions, useStagingStore } = await import('./stagingStore');
const { tableRef } = await import('../../../shared/changes/identity');

describe('describeKnown', () => {
  it('the staging store confirming an inferred key schema joins the tables store’s describe: one DescribeTable', async () => {
    const ahead = useTablesStore.getState().describeAhead('c', ['Old']);
    const loaded = stagingActions.init();
    await vi.waitFor(() => expect(useStagingStore.getState().loadState).toBe('ready'));
    expect(useStagingStore.getState().inferred[tableRef('c', 'Old')]).toBe(true);
    for (const r of answer) r();
    answer = [];
    await Promise.all([ahead, loaded]);
    expect(described).toEqual(['Old']);
    expect(useStagingStore.getState().keySchemas[tableRef('c', 'Old')]).toEqual(schema);
    expect(useStagingStore.getState().inferred[tableRef('c', 'Old')]).toBeUndefined();
    expect(useTablesStore.getState().descriptions[tableRef('c', 'Old')]?.key).toEqual(schema);
  });
});

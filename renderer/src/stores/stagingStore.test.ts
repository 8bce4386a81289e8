import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { StagingEntry } from '../../../shared/contract/staging';
import { changeId, tableRef } from '../../../shared/changes/types';
import type { Item, KeySchema } from '../../../shared/dynamo/types';

const calls: { channel: string; input: unknown }[] = [];
const saved: StagingEntry[] = [];
let revision = 0;
vi.mock('../api/client', () => ({
  call: vi.fn(async (channel: string, input: { entries?: StagingEntry[] }) => {
    calls.push({ channel, input });
    if (channel === 'staging:apply') {
      // Updates travel as deltas (shared/changes/wire.ts): the backend rebuilds them.
      const { fromDelta } = await import('../../../shared/changes/wire');
      for (const { update, ...e } of input.entries ?? [])
        saved.push(update ? { ...e, change: fromDelta(update) } : e);
      return { saved: input.entries?.length ?? 0, tables: 1, revision: ++revision };
    }
    if (channel === 'staging:load') {
      const change = {
        kind: 'put',
        connectionId: 'c',
        table: 'Old',
        key: { pk: { S: 'x' }, n: { N: '1' } },
        item: { pk: { S: 'x' }, n: { N: '1' } },
      };
      return {
        entries: [{ id: 'saved-id', change }],
        problems: [
          {
            file: 'f.json',
            message: 'Could not read staged changes: bad',
            movedTo: 'f.json.damaged',
          },
        ],
        revision,
      };
    }
    if (channel === 'tables:describe') throw new Error('offline');
    throw new Error(`unexpected ${channel}`);
  }),
}));

const { stagingActions, useStagingStore, selectCanUndo, selectChangeCount, inferKeySchema } =
  await import('./stagingStore');

const schema: KeySchema = { partitionKey: { name: 'id', type: 'S' } };
const side = { connectionId: 'c', table: 'T', keySchema: schema };
const item = (id: string): Item => ({ id: { S: id }, v: { N: '1' } });
const loaded = (it: Item) => ({ connectionId: 'c', table: 'T', key: it, original: it });

describe('staging store', () => {
  beforeEach(async () => {
    await stagingActions.saved();
    stagingActions.revertAll();
    await stagingActions.saved();
    saved.length = 0;
  });

  it('stages a batch as one undo step and saves the touched ids, in order', async () => {
    const r = stagingActions.stage(
      {
        type: 'batch',
        edits: ['a', 'b'].map((id) => ({
          type: 'setAttribute',
          target: loaded(item(id)),
          name: 'v',
          value: { N: '2' },
        })),
      },
      [side],
    );
    expect(r).toEqual({ ok: true, touched: 2 });
    expect(selectChangeCount(useStagingStore.getState())).toBe(2);
    expect(useStagingStore.getState().history.past).toHaveLength(1);
    await stagingActions.saved();
    expect(saved.map((e) => [e.id, e.change?.kind])).toEqual([
      [changeId('c', 'T', item('a'), schema), 'update'],
      [changeId('c', 'T', item('b'), schema), 'update'],
    ]);

    saved.length = 0;
    stagingActions.undo();
    expect(selectChangeCount(useStagingStore.getState())).toBe(0);
    await stagingActions.saved();
    expect(saved.every((e) => e.change === undefined && e.table === 'T')).toBe(true);
    stagingActions.redo();
    expect(selectChangeCount(useStagingStore.getState())).toBe(2);
    expect(selectCanUndo(useStagingStore.getState())).toBe(true);
  });

  it('reports an edit on a table without a key schema instead of throwing', () => {
    const r = stagingActions.stage({
      type: 'putItem',
      connectionId: 'c',
      table: 'Nope',
      item: item('z'),
    });
    expect(r.ok).toBe(false);
  });

  it('loads saved changes once, reads key schemas off their keys, and surfaces damaged files', async () => {
    await stagingActions.init();
    const s = useStagingStore.getState();
    expect(s.staging.changes.get('saved-id')?.table).toBe('Old');
    expect(s.keySchemas[tableRef('c', 'Old')]).toEqual({
      partitionKey: { name: 'pk', type: 'S' },
      sortKey: { name: 'n', type: 'N' },
    });
    expect(s.inferred[tableRef('c', 'Old')]).toBe(true); // describe failed: stays inferred
    expect(s.problems.map((p) => p.movedTo)).toEqual(['f.json.damaged']);
    await stagingActions.init();
    expect(calls.filter((c) => c.channel === 'staging:load')).toHaveLength(1);
    expect(
      inferKeySchema({
        kind: 'put',
        connectionId: 'c',
        table: 'x',
        key: { a: { BOOL: true } },
        item: {},
      }),
    ).toBeNull();
  });
});

describe('after a commit', () => {
  it('replaces the staged changes with what the backend settled, clearing undo', () => {
    stagingActions.stage({ type: 'putItem', connectionId: 'c', table: 'T', item: item('r') }, [
      side,
    ]);
    const failed = {
      kind: 'put' as const,
      connectionId: 'c',
      table: 'Fresh',
      key: { k: { N: '1' } },
      item: { k: { N: '1' } },
      error: 'ValidationException',
    };
    stagingActions.replaceFromBackend({ entries: [{ id: 'f', change: failed }], revision });
    const s = useStagingStore.getState();
    expect([...s.staging.changes.keys()]).toEqual(['f']);
    expect(s.history.past).toEqual([]);
    expect(s.keySchemas[tableRef('c', 'Fresh')]).toEqual({
      partitionKey: { name: 'k', type: 'N' },
    });
  });
});

import { describe, expect, it } from 'vitest';
import { stageStep, emptyHistory, undo } from '../changes/history';
import { emptyStaging, tableRef } from '../changes/types';
import type { Edit } from '../changes/types';
import type { Item, KeySchema } from '../dynamo/types';
import { buildBulkEdit, checkBulkOp, collectPages } from './bulkEdit';
import type { BulkTarget } from './bulkEdit';

const schema: KeySchema = { partitionKey: { name: 'id', type: 'S' } };
const schemas = { [tableRef('c', 'T')]: schema };
const t = (item: Item): BulkTarget => ({
  target: { connectionId: 'c', table: 'T', key: item, original: item },
  current: item,
});
const items = [
  t({ id: { S: '1' }, status: { S: 'open' }, note: { S: 'Call Bob back' } }),
  t({ id: { S: '2' }, status: { S: 'closed' }, note: { S: 'bob said no' } }),
  t({ id: { S: '3' }, note: { N: '4' } }),
];
const names = (edit: Edit | null) => (edit?.type === 'batch' ? edit.edits.map((e) => e.type) : []);

describe('buildBulkEdit', () => {
  it('sets an attribute on every item that does not already hold the value', () => {
    const r = buildBulkEdit({ kind: 'set', name: 'status', value: { S: 'open' } }, items, schema);
    expect(r.changed).toBe(2);
    expect(r.skipped).toEqual([{ reason: 'already has that value', count: 1 }]);
  });

  it('removes an attribute where present', () => {
    const r = buildBulkEdit({ kind: 'remove', name: 'status' }, items, schema);
    expect(names(r.edit)).toEqual(['removeAttribute', 'removeAttribute']);
    expect(r.skipped).toEqual([{ reason: 'has no status', count: 1 }]);
  });

  it('renames an attribute, refusing to overwrite unless asked', () => {
    const withTarget = [t({ id: { S: '9' }, status: { S: 'x' }, state: { S: 'y' } }), ...items];
    const r = buildBulkEdit(
      { kind: 'rename', from: 'status', to: 'state', overwrite: false },
      withTarget,
      schema,
    );
    expect(r.changed).toBe(2);
    expect(r.skipped).toEqual([
      { reason: 'already has state', count: 1 },
      { reason: 'has no status', count: 1 },
    ]);
    const e = r.edit?.type === 'batch' ? r.edit.edits[0] : undefined;
    expect(e?.type === 'replaceItem' && e.item).toEqual({
      id: { S: '1' },
      note: { S: 'Call Bob back' },
      state: { S: 'open' },
    });
    expect(
      buildBulkEdit(
        { kind: 'rename', from: 'status', to: 'state', overwrite: true },
        withTarget,
        schema,
      ).changed,
    ).toBe(3);
  });

  it('finds and replaces inside string values only, case-insensitively when asked, treating the text literally', () => {
    const r = buildBulkEdit(
      { kind: 'replace', name: 'note', find: 'bob', replace: 'R$1', matchCase: false },
      items,
      schema,
    );
    expect(
      r.edit?.type === 'batch' &&
        r.edit.edits.map((e) => (e.type === 'setAttribute' ? e.value : null)),
    ).toEqual([{ S: 'Call R$1 back' }, { S: 'R$1 said no' }]);
    expect(r.skipped).toEqual([{ reason: 'note is not a string', count: 1 }]);
    const exact = buildBulkEdit(
      { kind: 'replace', name: 'note', find: 'bob', replace: 'x', matchCase: true },
      items,
      schema,
    );
    expect(exact.changed).toBe(1);
  });

  it('refuses key attributes and empty names', () => {
    expect(checkBulkOp({ kind: 'set', name: 'id', value: { S: 'x' } }, schema)).toMatch(
      /key attribute/,
    );
    expect(checkBulkOp({ kind: 'remove', name: '' }, schema)).toMatch(/name/);
    expect(
      buildBulkEdit({ kind: 'rename', from: 'a', to: 'id', overwrite: true }, items, schema).edit,
    ).toBeNull();
  });

  it('applies as one undo step', () => {
    const r = buildBulkEdit({ kind: 'set', name: 'flag', value: { BOOL: true } }, items, schema);
    const step = stageStep(emptyStaging, emptyHistory, r.edit as Edit, schemas);
    expect([...step.state.changes.keys()]).toHaveLength(3);
    expect(step.history.past).toHaveLength(1);
    expect(undo(step.state, step.history).state.changes).toEqual(new Map());
  });
});

describe('collectPages', () => {
  it('reads every page and reports the running count', async () => {
    async function* pages() {
      yield [{ id: { S: '1' } }];
      yield [{ id: { S: '2' } }, { id: { S: '3' } }];
    }
    const counts: number[] = [];
    const all = await collectPages(pages(), (n) => counts.push(n));
    expect(all).toHaveLength(3);
    expect(counts).toEqual([1, 3]);
  });
});

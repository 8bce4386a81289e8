import { describe, expect, it } from 'vitest';
import { applyEdit } from '../changes/apply';
import { changeId, emptyStaging, tableRef } from '../changes/types';
import type { Item, KeySchema } from '../dynamo/types';
import { loadedTarget } from './currentImage';
import { gridPaste } from './gridPaste';

const schema: KeySchema = { partitionKey: { name: 'id', type: 'S' } };
const items: Item[] = Array.from({ length: 1000 }, (_, i) => ({
  id: { S: `r${i}` },
  name: { S: `n${i}` },
  qty: i % 2 ? { N: String(i) } : { NULL: true },
  note: { S: 'x' },
}));
const columns = ['id', 'name', 'qty', 'note'];
let reads = 0;
const rowAt = (i: number) => {
  reads++;
  const item = items[i];
  return item ? { target: loadedTarget('c', 'T', item), current: item } : undefined;
};

describe('gridPaste', () => {
  it('lays a 3×3 range over the rows from the focused cell, typed by column', () => {
    reads = 0;
    const r = gridPaste({
      text: 'A\t1\tp\nB\t2\tq\nC\t3\tr\n',
      row: 500,
      column: 1,
      columns,
      rowCount: items.length,
      rowAt,
      keySchema: schema,
    });
    expect(r.errors).toEqual([]);
    expect(r.cells).toBe(9);
    // Only the pasted rows and a small sample were read.
    expect(reads).toBeLessThan(300);
    const state = applyEdit(emptyStaging, r.edit!, { [tableRef('c', 'T')]: schema });
    const at = (i: number) =>
      state.changes.get(changeId('c', 'T', items[i]!, schema)) as { item: Item } | undefined;
    expect(at(500)?.item).toMatchObject({ name: { S: 'A' }, qty: { N: '1' }, note: { S: 'p' } });
    // Row 502 held NULL in qty: the column holds numbers, so "3" becomes N.
    expect(at(502)?.item.qty).toEqual({ N: '3' });
    expect(at(503)).toBeUndefined();
  });

  it('reports bad fields at their display row, and clips what falls past the grid', () => {
    const r = gridPaste({
      text: 'x\tnot-a-number\t\tclipped\nlast\t1\textra\n',
      row: 998,
      column: 1,
      columns,
      rowCount: items.length,
      rowAt,
      keySchema: schema,
    });
    expect(r.errors).toEqual([
      expect.objectContaining({ row: 998, attribute: 'qty', message: expect.any(String) }),
    ]);
    expect(r.clipped.columns).toBe(1);
    const past = gridPaste({
      text: 'a\nb\nc',
      row: 999,
      column: 1,
      columns,
      rowCount: items.length,
      rowAt,
      keySchema: schema,
    });
    expect(past.cells).toBe(1);
  });
});

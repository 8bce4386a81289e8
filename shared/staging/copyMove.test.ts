import { describe, expect, it } from 'vitest';
import { applyEdit } from '../changes/apply';
import { emptyStaging, tableRef } from '../changes/types';
import type { Edit } from '../changes/types';
import type { Item, KeySchema } from '../dynamo/types';
import { buildCopyMove, defaultKeyMapping, keysFit } from './copyMove';
import type { BulkTarget } from './bulkEdit';

const tickets: KeySchema = { partitionKey: { name: 'ticketId', type: 'S' } };
const users: KeySchema = {
  partitionKey: { name: 'orgId', type: 'S' },
  sortKey: { name: 'userId', type: 'S' },
};
const from = { connectionId: 'c', table: 'Tickets', keySchema: tickets };
const archive = { connectionId: 'c', table: 'Archive', keySchema: tickets };
const t = (item: Item): BulkTarget => ({
  target: { connectionId: 'c', table: 'Tickets', key: item, original: item },
  current: item,
});
const a = { ticketId: { S: 'T-1' }, org: { S: 'o1' }, user: { S: 'u1' } };
const b = { ticketId: { S: 'T-2' }, org: { S: 'o1' }, user: { N: '5' } };

describe('copy and move', () => {
  it('maps keys by name, else by role', () => {
    expect(keysFit(tickets, tickets)).toBe(true);
    expect(keysFit(tickets, users)).toBe(false);
    expect(defaultKeyMapping(tickets, users)).toEqual({ orgId: 'ticketId', userId: '' });
  });

  it('places an item under a target key named __proto__, taken from a source attribute of that name', () => {
    const protoKeyed: KeySchema = { partitionKey: { name: '__proto__', type: 'S' } };
    const item = JSON.parse('{"ticketId":{"S":"T-9"},"__proto__":{"S":"p"}}') as Item;
    const mapping = defaultKeyMapping(tickets, protoKeyed);
    expect(Object.prototype.hasOwnProperty.call(mapping, '__proto__')).toBe(true);
    const r = buildCopyMove({
      items: [t(item)],
      from,
      to: { connectionId: 'c', table: 'Odd', keySchema: protoKeyed },
      mapping: JSON.parse('{"__proto__":"__proto__"}') as Record<string, string>,
      move: false,
    });
    expect(r.errors).toEqual([]);
    const put = (r.edit as { edits: readonly { item: Item }[] }).edits[0]!.item;
    expect(Object.prototype.hasOwnProperty.call(put, '__proto__')).toBe(true);
    expect(put['__proto__']).toEqual({ S: 'p' });
    expect(Object.getPrototypeOf(put)).toBe(Object.prototype);
    // An item without that attribute is left out with the reason, not keyed by Object.prototype.
    const without = buildCopyMove({
      items: [t(a)],
      from,
      to: { connectionId: 'c', table: 'Odd', keySchema: protoKeyed },
      mapping: JSON.parse('{"__proto__":"__proto__"}') as Record<string, string>,
      move: false,
    });
    expect(without.copied).toBe(0);
    expect(without.errors).toEqual([
      { index: 0, message: 'has no __proto__ for the key __proto__' },
    ]);
  });

  it('moves items: puts into the target and deletes from the source, staged across both tables', () => {
    const r = buildCopyMove({
      items: [t(a), t(b)],
      from,
      to: archive,
      mapping: { ticketId: 'ticketId' },
      move: true,
    });
    expect(r.copied).toBe(2);
    const schemas = { [tableRef('c', 'Tickets')]: tickets, [tableRef('c', 'Archive')]: tickets };
    const s = applyEdit(emptyStaging, r.edit as Edit, schemas);
    expect([...s.changes.values()].map((c) => [c.table, c.kind])).toEqual([
      ['Archive', 'put'],
      ['Archive', 'put'],
      ['Tickets', 'delete'],
      ['Tickets', 'delete'],
    ]);
  });

  it('builds target keys through the mapping and leaves out items that do not fit', () => {
    const r = buildCopyMove({
      items: [t(a), t(b), t({ ...a, ticketId: { S: 'T-3' } })],
      from,
      to: { connectionId: 'c', table: 'Users', keySchema: users },
      mapping: { orgId: 'org', userId: 'user' },
      move: true,
    });
    expect(r.copied).toBe(1);
    expect(r.errors).toEqual([
      { index: 1, message: 'user is a number (N); the key userId must be a string (S)' },
      { index: 2, message: 'has the same target key as item 1' },
    ]);
    const edits = r.edit?.type === 'batch' ? r.edit.edits : [];
    expect(edits).toHaveLength(2); // one put, one delete: nothing deleted without its copy
    expect(edits[0]).toMatchObject({
      type: 'putItem',
      table: 'Users',
      item: { ...a, orgId: { S: 'o1' }, userId: { S: 'u1' } },
    });
    // The delete waits for the copy: it names the put's change id.
    expect(edits[1]).toMatchObject({ type: 'deleteItem' });
    expect((edits[1] as { after?: string }).after).toContain('Users');
  });

  it('refuses to copy a table onto itself', () => {
    expect(
      buildCopyMove({ items: [t(a)], from, to: from, mapping: {}, move: false }).edit,
    ).toBeNull();
  });
});

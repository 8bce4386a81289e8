import { describe, expect, test } from 'vitest';
import type { StagedChange } from '../changes/types';
import { changeId, tableRef } from '../changes/types';
import type { Item, KeySchema } from '../dynamo/types';
import { pairMoves } from './moves';

const ticket: KeySchema = { partitionKey: { name: 'ticketId', type: 'S' } };
const archive: KeySchema = { partitionKey: { name: 'archivedId', type: 'S' } };
const schemas = { [tableRef('c', 'Tickets')]: ticket, [tableRef('c', 'Archive')]: archive };
const t = (id: string, status = 'resolved'): Item => ({
  ticketId: { S: id },
  status: { S: status },
});

function del(item: Item): [string, StagedChange] {
  const key = { ticketId: item.ticketId! };
  const c: StagedChange = {
    kind: 'delete',
    connectionId: 'c',
    table: 'Tickets',
    key,
    original: item,
  };
  return [changeId('c', 'Tickets', key, ticket), c];
}
function put(table: string, item: Item, schema: KeySchema): [string, StagedChange] {
  const name = schema.partitionKey.name;
  const key = { [name]: item[name]! };
  const c: StagedChange = { kind: 'put', connectionId: 'c', table, key, item };
  return [changeId('c', table, key, schema), c];
}

describe('pairMoves', () => {
  test('a delete pairs with the put of its image in another table (key mapped or not)', () => {
    const a = t('T-1');
    const b = t('T-2');
    const mapped = { ...b, archivedId: { S: 'A-2' } };
    const changes = new Map([
      del(a),
      del(b),
      put('Archive', { ...a, archivedId: { S: 'A-1' } }, archive),
      put('Archive', mapped, archive),
    ]);
    const pairs = pairMoves(changes, schemas);
    expect(pairs.size).toBe(2);
    expect(pairs.get(del(a)[0])).toBe(
      put('Archive', { ...a, archivedId: { S: 'A-1' } }, archive)[0],
    );
  });

  test('a different image, or a put in the same table, is no move', () => {
    const changes = new Map([
      del(t('T-1')),
      put('Archive', { ...t('T-1', 'open'), archivedId: { S: 'A-1' } }, archive),
      put('Tickets', t('T-9'), ticket),
    ]);
    expect(pairMoves(changes, schemas).size).toBe(0);
    const same = new Map([del(t('T-1')), put('Tickets', t('T-1'), ticket)]);
    expect(pairMoves(same, schemas).size).toBe(0);
  });

  test('two equal images pair one to one', () => {
    const img = { status: { S: 'x' } };
    const d1 = del({ ticketId: { S: '1' }, ...img });
    const d2 = del({ ticketId: { S: '2' }, ...img });
    const p1 = put('Archive', { ticketId: { S: '1' }, ...img, archivedId: { S: '1' } }, archive);
    const pairs = pairMoves(new Map([d1, d2, p1]), schemas);
    expect([...pairs.values()]).toEqual([p1[0]]);
  });
});

/**
 * Test data: one item per validation rule, for a table keyed by id (S) and at (N) with an index
 * byStatus on status (S). Each breaks exactly one rule; `code` is the issue it must draw.
 */
import type { AttributeValue, Item } from '../dynamo/types';
import type { IssueCode } from '../dynamo/validate';

export const RULES_TABLE = {
  key: {
    partitionKey: { name: 'id', type: 'S' as const },
    sortKey: { name: 'at', type: 'N' as const },
  },
  indexes: [{ name: 'byStatus', key: { partitionKey: { name: 'status', type: 'S' as const } } }],
};

function nested(levels: number): AttributeValue {
  let v: AttributeValue = { S: 'leaf' };
  for (let i = 0; i < levels; i++) v = { L: [v] };
  return v;
}

const item = (id: string, extra: Item): Item => ({ id: { S: id }, at: { N: '1' }, ...extra });

/** [rule, item, code]: every item breaks one rule and draws one issue of that code. */
export const INVALID_ITEMS: readonly [string, Item, IssueCode][] = [
  ['item over 400 KB', item('big', { pad: { S: 'x'.repeat(410_000) } }), 'item-too-large'],
  ['partition key missing', { at: { N: '1' } }, 'key-missing'],
  ['partition key of the wrong type', { id: { N: '5' }, at: { N: '1' } }, 'key-type'],
  ['empty partition key', { id: { S: '' }, at: { N: '1' } }, 'key-empty'],
  [
    'partition key over 2048 bytes',
    { id: { S: 'k'.repeat(2049) }, at: { N: '1' } },
    'key-too-long',
  ],
  ['sort key of the wrong type', { id: { S: 'sk' }, at: { S: 'one' } }, 'key-type'],
  ['index key of the wrong type', item('gsi-type', { status: { N: '3' } }), 'index-key-type'],
  ['empty index key', item('gsi-empty', { status: { S: '' } }), 'index-key-empty'],
  ['number over 38 digits', item('digits', { n: { N: '1'.repeat(39) } }), 'number-precision'],
  ['number too large', item('large', { n: { N: '1E+126' } }), 'number-range'],
  ['number too small', item('small', { n: { N: '1E-131' } }), 'number-range'],
  ['not a number', item('nan', { n: { N: '12abc' } }), 'number-invalid'],
  ['empty set', item('emptyset', { tags: { SS: [] } }), 'set-empty'],
  ['duplicate set members', item('dupes', { nums: { NS: ['1', '1.0'] } }), 'set-duplicate'],
  ['nesting deeper than 32', item('deep', { doc: nested(33) }), 'too-deep'],
];

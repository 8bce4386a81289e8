import { describe, expect, test } from 'vitest';
import { tableRef } from '../changes/types';
import type { Edit, ItemTarget } from '../changes/types';
import { describeEdit } from './describeEdit';

const t = (id: string): ItemTarget => ({ connectionId: 'c', table: 'T', key: { id: { S: id } } });

describe('describeEdit', () => {
  test('a key that carries the whole item is named by its key attributes', () => {
    const whole: ItemTarget = { ...t('T-1'), key: { id: { S: 'T-1' }, status: { S: 'open' } } };
    const schemas = { [tableRef('c', 'T')]: { partitionKey: { name: 'id', type: 'S' as const } } };
    expect(describeEdit({ type: 'deleteItem', target: whole }, schemas)).toBe('Deleted T-1');
  });

  test('one edit names its item', () => {
    expect(describeEdit({ type: 'deleteItem', target: t('T-00047') })).toBe('Deleted T-00047');
    expect(
      describeEdit({ type: 'setAttribute', target: t('a'), name: 'tags', value: { S: 'x' } }),
    ).toBe('Set tags of a');
  });

  test('a batch says how many, a move as a move', () => {
    const del: Edit = {
      type: 'batch',
      edits: [
        { type: 'deleteItem', target: t('a') },
        { type: 'deleteItem', target: t('b') },
      ],
    };
    expect(describeEdit(del)).toBe('Deleted 2 items');
    const move: Edit = {
      type: 'batch',
      edits: [
        { type: 'putItem', connectionId: 'c', table: 'A', item: { id: { S: 'a' } } },
        { type: 'deleteItem', target: t('a') },
      ],
    };
    expect(describeEdit(move)).toBe('Moved 1 item');
  });
});

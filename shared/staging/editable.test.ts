import { describe, expect, it } from 'vitest';
import type { TableDescription } from '../contract/tables';
import { partialRowsReason } from './editable';

const key = { partitionKey: { name: 'pk', type: 'S' as const } };
const table: Pick<TableDescription, 'indexes'> = {
  indexes: [
    { name: 'all', kind: 'GSI', key, projection: { type: 'ALL' } },
    { name: 'keys', kind: 'GSI', key, projection: { type: 'KEYS_ONLY' } },
    { name: 'some', kind: 'LSI', key, projection: { type: 'INCLUDE', nonKeyAttributes: ['a'] } },
  ],
};

describe('partialRowsReason', () => {
  it('lets whole items be edited: the table, or an index projecting ALL', () => {
    expect(partialRowsReason(undefined, table)).toBeNull();
    expect(partialRowsReason({ table: 'T' }, table)).toBeNull();
    expect(partialRowsReason({ table: 'T', index: 'all' }, table)).toBeNull();
    expect(partialRowsReason({ table: 'T', projection: [] }, table)).toBeNull();
  });

  it('refuses rows from a KEYS_ONLY or INCLUDE index, naming it', () => {
    expect(partialRowsReason({ table: 'T', index: 'keys' }, table)).toContain(
      'index keys (projection KEYS_ONLY)',
    );
    expect(partialRowsReason({ table: 'T', index: 'some' }, table)).toContain('projection INCLUDE');
    expect(partialRowsReason({ table: 'T', index: 'gone' }, table)).toContain('unknown');
  });

  it('refuses rows read with a projection', () => {
    expect(partialRowsReason({ table: 'T', projection: ['a.b'] }, table)).toContain('projection');
  });
});

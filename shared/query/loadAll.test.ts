import { describe, expect, test } from 'vitest';
import type { QueryModel } from '../contract/items';
import type { KeySchema } from '../dynamo/types';
import { buildRequest } from './build';
import { loadAllModel } from './loadAll';

describe('loadAllModel', () => {
  const key: KeySchema = { partitionKey: { name: 'pk', type: 'S' } };
  const model: QueryModel = { table: 'Tickets', mode: 'scan', pageSize: 100, segments: 4, consistentRead: true, projection: ['a'] };

  test('reads full pages: no Limit; the page size is for Run and Load more, the rest is kept', () => {
    const all = loadAllModel(model);
    expect(all).toEqual({ table: 'Tickets', mode: 'scan', segments: 4, consistentRead: true, projection: ['a'] });
    expect(buildRequest(model, key).params.Limit).toBe(100);
    const params = buildRequest(all, key).params;
    expect(params.Limit).toBeUndefined();
    expect(params.ConsistentRead).toBe(true);
    expect(model.pageSize).toBe(100); // the model itself is left as it is
  });
});

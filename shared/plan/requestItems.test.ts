import { expect, test } from 'vitest';
import type { KeySchema } from '../dynamo/types';
import { plan } from './plan';
import { fromRequestItems, toCliRequestFiles } from './requestItems';
import type { PlanInput } from './types';

const schema: KeySchema = { partitionKey: { name: 'id', type: 'S' } };

test('exports one AWS CLI request-items file per request and reads them back', () => {
  const ops: PlanInput[] = Array.from({ length: 30 }, (_, i) =>
    i % 3 === 0
      ? { id: `T[${i}]`, table: 'T', kind: 'delete', key: { id: { S: `k${i}` } } }
      : { id: `T[${i}]`, table: 'T', kind: 'put', item: { id: { S: `k${i}` }, b: { B: 'AQI=' } } },
  );
  const files = toCliRequestFiles(plan(ops, { T: schema }));
  expect(files.map((f) => f.name)).toEqual(['request-0001.json', 'request-0002.json']);
  const first = JSON.parse(files[0]?.json ?? '') as Record<string, unknown[]>;
  expect(first.T).toHaveLength(25);
  expect(first.T?.[0]).toEqual({ DeleteRequest: { Key: { id: { S: 'k0' } } } });
  expect(first.T?.[1]).toEqual({ PutRequest: { Item: { id: { S: 'k1' }, b: { B: 'AQI=' } } } });

  const back = files.flatMap((f, n) => fromRequestItems(JSON.parse(f.json), `f${n}:`));
  expect(back.map(({ id: _id, ...rest }) => rest)).toEqual(ops.map(({ id: _id, ...rest }) => rest));
  expect(back[0]?.id).toBe('f0:T[0]');
});

test('refuses what is not request items', () => {
  expect(() => fromRequestItems([])).toThrow(/JSON object/);
  expect(() => fromRequestItems({ T: {} })).toThrow(/must be an array/);
  expect(() => fromRequestItems({ T: [{ PutRequest: {} }] })).toThrow(/T\[0\]/);
});

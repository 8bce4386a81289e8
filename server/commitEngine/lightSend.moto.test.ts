/**
 * The light sender (lightSend.ts) keeps an attribute named __proto__: a guarded conflict sent
 * light carries the server's whole image, __proto__ an own attribute. Against moto (dynalite
 * refuses the name).
 */
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Item, KeySchema } from '../../shared/dynamo/types';
import { guardedCall } from '../../shared/plan/guarded';
import type { PlanInput } from '../../shared/plan/types';
import { MOTO_REGIONS, motoEndpoint } from '../../test-support/servers/motoTest';
import { createCommitClient } from './client';
import { lightSenderFor } from './lightSend';
import { sendGuarded } from './single';

const moto = motoEndpoint('lightSend.moto.test.ts');
const region = MOTO_REGIONS.lightSend;
const schema: KeySchema = { partitionKey: { name: 'id', type: 'S' } };
const credentials = { accessKeyId: 'testing', secretAccessKey: 'testing' };
const ITEM = `{"id":{"S":"p"},"__proto__":{"S":"p1"},"status":{"S":"open"},"toString":{"M":{"__proto__":{"S":"inner"}}}}`;
const own = (o: object, k: string): unknown =>
  Object.getOwnPropertyDescriptor(o, k)?.value as unknown;

describe.skipIf(!moto)('light sender against moto', () => {
  let client: DynamoDBClient;
  beforeAll(async () => {
    client = createCommitClient({ endpoint: moto, region, credentials });
    const control = new DynamoDBClient({ endpoint: moto, region, credentials });
    await control.send(
      new CreateTableCommand({
        TableName: 'LightProto',
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
    control.destroy();
  });
  afterAll(() => client.destroy());

  test('a conflict sent light holds __proto__ in the server image', async () => {
    const item = JSON.parse(ITEM) as Item;
    const call = (op: PlanInput) => {
      const c = guardedCall(op, schema);
      if (!c) throw new Error('no call');
      return c;
    };
    // The first call (a new item) goes through the SDK; the client's next calls go light.
    const put = call({ id: 'a', table: 'LightProto', kind: 'put', item, guard: { base: null } });
    expect(await sendGuarded(client, put)).toEqual({ kind: 'written', capacity: 1 });
    expect(lightSenderFor(client)).toBeDefined();
    const stale = { ...item, status: { S: 'stale' } };
    const update = call({
      id: 'b',
      table: 'LightProto',
      kind: 'put',
      item: { ...stale, status: { S: 'done' } },
      guard: { base: stale },
    });
    const r = await sendGuarded(client, update);
    expect(r.kind).toBe('conflict');
    const server = r.kind === 'conflict' ? r.server : null;
    expect(server && Object.keys(server).sort()).toEqual(['__proto__', 'id', 'status', 'toString']);
    expect(own(server ?? {}, '__proto__')).toEqual({ S: 'p1' });
    expect(server?.status).toEqual({ S: 'open' });
    const inner = server?.toString;
    expect(inner && 'M' in inner ? own(inner.M as object, '__proto__') : null).toEqual({
      S: 'inner',
    });
  });
});

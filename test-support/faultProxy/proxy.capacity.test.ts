import {
  BatchWriteItemCommand,
  DeleteItemCommand,
  PutItemCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { expect, test } from 'vitest';
import { CapacityModel } from './capacity';
import { countItems, newTable, puts, useProxyStack } from '../fixtures/faultProxyFixture';

// The capacity model runs on a clock the tests move by hand: refill happens only when they say.
let clock = 0;
const s = useProxyStack(11, () => clock);

test('charges write units by item size, 1 KB units rounded up per item', async () => {
  const small = await newTable(s.client);
  const large = await newTable(s.client);
  // 30 units of credit (the clock stands still).
  s.proxy.setConfig({ capacity: { tableWcu: 10, initialCreditSeconds: 3 } });
  const a = await s.client.send(
    new BatchWriteItemCommand({
      RequestItems: { [small]: puts(25, 's', 1) },
      ReturnConsumedCapacity: 'TOTAL',
    }),
  );
  expect(a.UnprocessedItems?.[small]).toBeUndefined();
  expect(a.ConsumedCapacity).toEqual([{ TableName: small, CapacityUnits: 25 }]);
  // ~2.9 KB items cost 3 units each: 10 of them fit in 30 units, the other 15 come back.
  const b = await s.client.send(
    new BatchWriteItemCommand({ RequestItems: { [large]: puts(25, 'l', 3) } }),
  );
  expect(b.UnprocessedItems?.[large]).toHaveLength(15);
  expect(b.ConsumedCapacity).toBeUndefined();
  expect(await countItems(s.direct, large)).toBe(10);
  expect(s.proxy.counters).toMatchObject({
    opsForwarded: 35,
    opsOverCapacity: 15,
    wcuConsumed: 55,
  });
});

test('a delete is charged on the deleted item, and single-item writes beyond capacity get PTEE', async () => {
  const table = await newTable(s.client);
  const big = { id: { S: 'big' }, pad: { S: 'x'.repeat(5 * 1024 - 50) } };
  await s.direct.send(new PutItemCommand({ TableName: table, Item: big }));
  s.proxy.setConfig({ capacity: { tableWcu: 10, burstSeconds: 1, initialCreditSeconds: 1 } });
  const del = await s.client.send(
    new DeleteItemCommand({
      TableName: table,
      Key: { id: { S: 'big' } },
      ReturnConsumedCapacity: 'TOTAL',
    }),
  );
  expect(del.ConsumedCapacity).toEqual({ TableName: table, CapacityUnits: 5 });
  // 10 units less the delete's 5: five 1 KB puts fit, not nine.
  const out = await s.client.send(
    new BatchWriteItemCommand({ RequestItems: { [table]: puts(9) } }),
  );
  expect(out.UnprocessedItems?.[table]).toHaveLength(4);
  await expect(
    s.client.send(new PutItemCommand({ TableName: table, Item: { id: { S: 'one-more' } } })),
  ).rejects.toMatchObject({
    name: 'ProvisionedThroughputExceededException',
    $metadata: { httpStatusCode: 400 },
  });
  expect(await countItems(s.direct, table)).toBe(5);
});

test('an update is charged on the larger of the old and new item', async () => {
  const table = await newTable(s.client);
  await s.direct.send(
    new PutItemCommand({
      TableName: table,
      Item: { id: { S: 'u' }, pad: { S: 'x'.repeat(3000) } },
    }),
  );
  s.proxy.setConfig({ capacity: { tableWcu: 100, initialCreditSeconds: 1 } });
  const out = await s.client.send(
    new UpdateItemCommand({
      TableName: table,
      Key: { id: { S: 'u' } },
      UpdateExpression: 'SET n = :n',
      ExpressionAttributeValues: { ':n': { N: '1' } },
      ReturnConsumedCapacity: 'TOTAL',
    }),
  );
  expect(out.ConsumedCapacity).toEqual({ TableName: table, CapacityUnits: 3 });
  expect(s.proxy.counters.wcuConsumed).toBe(3);
});

test('a hot partition key throttles alone while other keys of the table are written', async () => {
  const table = await newTable(s.client, true);
  const cfg = { tableWcu: 10_000, partitionWcu: 20, partitions: 8, initialCreditSeconds: 1 };
  const model = new CapacityModel(cfg);
  const hot = 'hot';
  const hotPart = model.partitionOf({ S: hot });
  const cold = Array.from({ length: 200 }, (_, i) => `cold${i}`)
    .filter((k) => model.partitionOf({ S: k }) !== hotPart)
    .slice(0, 25)
    .map((k) => ({ PutRequest: { Item: { id: { S: k }, sk: { S: 's' } } } }));
  s.proxy.setConfig({ capacity: cfg });
  const a = await s.client.send(
    new BatchWriteItemCommand({ RequestItems: { [table]: puts(25, hot, 0, 's') } }),
  );
  expect(a.UnprocessedItems?.[table]).toHaveLength(5);
  const b = await s.client.send(new BatchWriteItemCommand({ RequestItems: { [table]: cold } }));
  expect(b.UnprocessedItems?.[table]).toBeUndefined();
  expect(s.proxy.counters).toMatchObject({ opsPartitionLimited: 5, opsForwarded: 45 });
  await expect(
    s.client.send(
      new PutItemCommand({ TableName: table, Item: { id: { S: hot }, sk: { S: 'x' } } }),
    ),
  ).rejects.toMatchObject({ name: 'ProvisionedThroughputExceededException' });
  expect(await countItems(s.direct, table)).toBe(45);
  // A second later the hot partition takes 20 more.
  clock += 1000;
  const c = await s.client.send(
    new BatchWriteItemCommand({ RequestItems: { [table]: puts(25, hot, 0, 'again') } }),
  );
  expect(c.UnprocessedItems?.[table]).toHaveLength(5);
});

test('unused capacity is kept as burst credit, up to burstSeconds of it', async () => {
  const withCredit = await newTable(s.client);
  const without = await newTable(s.client);
  // After 1.5 s idle at 20 WCU/s: 30 units saved with a 300 s allowance, 20 with a 1 s one.
  s.proxy.setConfig({ capacity: { tableWcu: 20, tables: [withCredit] } });
  clock += 1500;
  const a = await s.client.send(
    new BatchWriteItemCommand({ RequestItems: { [withCredit]: puts(25) } }),
  );
  expect(a.UnprocessedItems?.[withCredit]).toBeUndefined();
  s.proxy.setConfig({ capacity: { tableWcu: 20, burstSeconds: 1, tables: [without] } });
  clock += 1500;
  const b = await s.client.send(
    new BatchWriteItemCommand({ RequestItems: { [without]: puts(25) } }),
  );
  expect(b.UnprocessedItems?.[without]).toHaveLength(5);
});

test('the model applies to its tables only, and the item-count bucket still works beside it', async () => {
  const limited = await newTable(s.client);
  const free = await newTable(s.client);
  s.proxy.setConfig({ capacity: { tableWcu: 1, tables: [limited] } });
  await expect(
    s.client.send(new BatchWriteItemCommand({ RequestItems: { [limited]: puts(5) } })),
  ).rejects.toMatchObject({ name: 'ProvisionedThroughputExceededException' });
  const out = await s.client.send(
    new BatchWriteItemCommand({ RequestItems: { [free]: puts(25) } }),
  );
  expect(out.UnprocessedItems?.[free]).toBeUndefined();
  s.proxy.setConfig({ capacity: null, writeCapacity: 1, writeBurst: 10 });
  const counted = await s.client.send(
    new BatchWriteItemCommand({ RequestItems: { [limited]: puts(25) } }),
  );
  expect(counted.UnprocessedItems?.[limited]).toHaveLength(15);
});

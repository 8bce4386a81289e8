import {
  BatchWriteItemCommand,
  DeleteItemCommand,
  GetItemCommand,
  PutItemCommand,
  TransactWriteItemsCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { expect, test } from 'vitest';
import type { CallWideError } from './proxy';
import { countItems, impatientClient, newTable, puts, useProxyStack } from '../fixtures/faultProxyFixture';

const s = useProxyStack(7);

const item = (id: string) => ({ id: { S: id } });

test('denies BatchWriteItem on one table as DynamoDB does: the whole call, nothing written', async () => {
  const archive = await newTable(s.client);
  const source = await newTable(s.client);
  s.proxy.setConfig({
    deny: [{ table: archive, operations: ['BatchWriteItem'], error: 'AccessDeniedException' }],
  });
  const call = new BatchWriteItemCommand({
    RequestItems: { [source]: puts(3, 's'), [archive]: puts(3, 'a') },
  });
  const err = (await s.client.send(call).catch((e: unknown) => e)) as Error;
  expect(err).toMatchObject({ name: 'AccessDeniedException', $metadata: { httpStatusCode: 400 } });
  expect(err.message).toBe(
    'User: arn:aws:iam::123456789012:user/dev is not authorized to perform: dynamodb:BatchWriteItem ' +
      `on resource: arn:aws:dynamodb:us-east-1:123456789012:table/${archive} because no ` +
      'identity-based policy allows the dynamodb:BatchWriteItem action',
  );
  expect(await countItems(s.direct, source)).toBe(0);
  expect(await countItems(s.direct, archive)).toBe(0);
  // The other table alone, and other operations on the denied one, still work.
  await s.client.send(new BatchWriteItemCommand({ RequestItems: { [source]: puts(3, 's') } }));
  await s.client.send(new PutItemCommand({ TableName: archive, Item: item('direct') }));
  expect(await countItems(s.direct, source)).toBe(3);
  expect(s.proxy.counters.denied).toEqual({ AccessDeniedException: 1 });
});

test.each<[CallWideError, string, string]>([
  [
    'UnrecognizedClientException',
    'The security token included in the request is invalid.',
    'coral',
  ],
  ['ExpiredTokenException', 'The security token included in the request is expired', 'coral'],
  ['InvalidSignatureException', 'The request signature we calculated does not match', 'coral'],
  ['ResourceNotFoundException', 'Requested resource not found', 'dynamodb'],
])('answers %s with its own type and message, for every operation', async (error, message) => {
  const table = await newTable(s.client);
  s.proxy.setConfig({ deny: [{ error }] });
  for (const cmd of [
    new PutItemCommand({ TableName: table, Item: item('p') }),
    new GetItemCommand({ TableName: table, Key: item('p') }),
    new BatchWriteItemCommand({ RequestItems: { [table]: puts(2) } }),
  ]) {
    const err = (await s.client.send(cmd as PutItemCommand).catch((e: unknown) => e)) as Error;
    expect(err).toMatchObject({ name: error, $metadata: { httpStatusCode: 400 } });
    expect(err.message).toContain(message);
  }
  expect(await countItems(s.direct, table)).toBe(0);
});

test('a deny rule can start after N matching calls, to fail mid-commit', async () => {
  const table = await newTable(s.client);
  s.proxy.setConfig({
    deny: [{ table, operations: ['PutItem'], error: 'ExpiredTokenException', afterCalls: 2 }],
  });
  await s.client.send(new PutItemCommand({ TableName: table, Item: item('a') }));
  await s.client.send(new GetItemCommand({ TableName: table, Key: item('a') })); // not counted
  await s.client.send(new PutItemCommand({ TableName: table, Item: item('b') }));
  await expect(
    s.client.send(new PutItemCommand({ TableName: table, Item: item('c') })),
  ).rejects.toMatchObject({ name: 'ExpiredTokenException' });
  expect(await countItems(s.direct, table)).toBe(2);
});

test('a table whose every write comes back unprocessed, batch and single-item', async () => {
  const full = await newTable(s.client);
  const other = await newTable(s.client);
  s.proxy.setConfig({ unprocessedTables: [full] });
  const out = await s.client.send(
    new BatchWriteItemCommand({ RequestItems: { [full]: puts(5, 'f'), [other]: puts(5, 'o') } }),
  );
  expect(out.UnprocessedItems?.[full]).toEqual(puts(5, 'f'));
  expect(out.UnprocessedItems?.[other]).toBeUndefined();
  await expect(
    s.client.send(new PutItemCommand({ TableName: full, Item: item('x') })),
  ).rejects.toMatchObject({
    name: 'ProvisionedThroughputExceededException',
    $metadata: { httpStatusCode: 400 },
  });
  expect(await countItems(s.direct, full)).toBe(0);
  expect(await countItems(s.direct, other)).toBe(5);
});

test('answers HTTP 500 InternalServerError and 503 ServiceUnavailable, forwarding nothing', async () => {
  const table = await newTable(s.client);
  s.proxy.setConfig({ internalErrorFraction: 1 });
  await expect(
    s.client.send(new BatchWriteItemCommand({ RequestItems: { [table]: puts(2) } })),
  ).rejects.toMatchObject({ name: 'InternalServerError', $metadata: { httpStatusCode: 500 } });
  s.proxy.setConfig({ internalErrorFraction: 0, unavailableFraction: 1 });
  await expect(
    s.client.send(new PutItemCommand({ TableName: table, Item: item('p') })),
  ).rejects.toMatchObject({ name: 'ServiceUnavailable', $metadata: { httpStatusCode: 503 } });
  s.proxy.setConfig({ unavailableFraction: 0.5 });
  for (let i = 0; i < 20; i++) {
    await s.client
      .send(new PutItemCommand({ TableName: table, Item: item(`q${i}`) }))
      .catch(() => {});
  }
  expect(s.proxy.counters.unavailable).toBeGreaterThan(2);
  expect(s.proxy.counters.unavailable).toBeLessThan(20);
  expect(await countItems(s.direct, table)).toBe(21 - s.proxy.counters.unavailable);
  expect(s.proxy.counters.internalErrors).toBe(1);
});

test('a hanging call holds the socket until the client gives up; nothing written', async () => {
  const table = await newTable(s.client);
  const impatient = impatientClient(s.proxy.endpoint, 300);
  s.proxy.setConfig({ hangFraction: 1 });
  await expect(
    impatient.send(new PutItemCommand({ TableName: table, Item: item('h') })),
  ).rejects.toMatchObject({ name: 'TimeoutError' });
  expect(s.proxy.counters.hung).toBe(1);
  // After forwarding: written, never answered.
  s.proxy.setConfig({ hangFraction: 0, hangAfterFraction: 1 });
  await expect(
    impatient.send(new PutItemCommand({ TableName: table, Item: item('after') })),
  ).rejects.toMatchObject({ name: 'TimeoutError' });
  expect(s.proxy.counters.hungAfter).toBe(1);
  expect(await countItems(s.direct, table)).toBe(1);
  // With hangMs the proxy itself closes the connection.
  s.proxy.setConfig({ hangAfterFraction: 0, hangFraction: 1, hangMs: 50 });
  await expect(
    s.client.send(new PutItemCommand({ TableName: table, Item: item('closed') })),
  ).rejects.toThrow(/socket hang up|ECONNRESET/);
  impatient.destroy();
});

test('latency jitter spreads call times above the fixed latency', async () => {
  const table = await newTable(s.client);
  s.proxy.setConfig({ latencyMs: 20, latencyJitterMs: 120 });
  const times: number[] = [];
  for (let i = 0; i < 10; i++) {
    const t0 = performance.now();
    await s.client.send(new GetItemCommand({ TableName: table, Key: item('x') }));
    times.push(performance.now() - t0);
  }
  expect(Math.min(...times)).toBeGreaterThanOrEqual(19);
  expect(Math.max(...times) - Math.min(...times)).toBeGreaterThan(40);
});

test('onRequest sees each call and can act between calls (a concurrent writer)', async () => {
  const table = await newTable(s.client);
  await s.direct.send(
    new PutItemCommand({ TableName: table, Item: { ...item('u'), n: { N: '1' } } }),
  );
  const seen: string[] = [];
  s.proxy.onRequest = async (op, body) => {
    seen.push(`${op}:${String(body?.TableName)}`);
    if (op === 'UpdateItem') {
      await s.direct.send(
        new PutItemCommand({ TableName: table, Item: { ...item('u'), n: { N: '2' } } }),
      );
    }
  };
  await expect(
    s.client.send(
      new UpdateItemCommand({
        TableName: table,
        Key: item('u'),
        UpdateExpression: 'SET #n = :new',
        ConditionExpression: '#n = :old',
        ExpressionAttributeNames: { '#n': 'n' },
        ExpressionAttributeValues: { ':new': { N: '5' }, ':old': { N: '1' } },
      }),
    ),
  ).rejects.toMatchObject({ name: 'ConditionalCheckFailedException' });
  expect(seen).toEqual([`UpdateItem:${table}`]);
});

test('single-item writes are throttled (PTEE, HTTP 400) and dropped like batches', async () => {
  const table = await newTable(s.client);
  await s.direct.send(new PutItemCommand({ TableName: table, Item: item('d') }));
  s.proxy.setConfig({ throttleFraction: 1, throttleError: 'ThrottlingException' });
  for (const cmd of [
    new PutItemCommand({ TableName: table, Item: item('p') }),
    new UpdateItemCommand({
      TableName: table,
      Key: item('d'),
      UpdateExpression: 'SET a = :a',
      ExpressionAttributeValues: { ':a': { S: 'x' } },
    }),
    new DeleteItemCommand({ TableName: table, Key: item('d') }),
    new TransactWriteItemsCommand({
      TransactItems: [{ Put: { TableName: table, Item: item('t') } }],
    }),
  ]) {
    await expect(s.client.send(cmd as PutItemCommand)).rejects.toMatchObject({
      name: 'ProvisionedThroughputExceededException',
      $metadata: { httpStatusCode: 400 },
    });
  }
  expect(s.proxy.counters.throttled).toBe(4);
  s.proxy.setConfig({ throttleFraction: 0, dropBeforeFraction: 1 });
  await expect(
    s.client.send(new PutItemCommand({ TableName: table, Item: item('dropped') })),
  ).rejects.toThrow();
  expect(await countItems(s.direct, table)).toBe(1);
});

import { BatchWriteItemCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { expect, test } from 'vitest';
import type { PlanInput } from '../../shared/plan/types';
import { toSdkItem } from '../sdk/convert';
import { sampleItem } from '../../test-support/fixtures/commitStack';
import { batchWriteBody, itemJson, preserializedBatchWrite, writeRequestJson } from './wire';

/** The body a client would send for `command`: captured at the transport, never sent. */
async function bodyOf(command: BatchWriteItemCommand): Promise<string> {
  let body = '';
  const client = new DynamoDBClient({
    region: 'us-east-1',
    endpoint: 'http://127.0.0.1:9',
    credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
    maxAttempts: 1,
    requestHandler: {
      handle: (request: { body?: unknown; headers: Record<string, string> }) => {
        body = String(request.body);
        expect(request.headers['content-length']).toBe(String(Buffer.byteLength(body)));
        return Promise.reject(new Error('captured'));
      },
    },
  });
  await expect(client.send(command)).rejects.toThrow('captured');
  client.destroy();
  return body;
}

const ops: PlanInput[] = [
  { id: '1', table: 'Tab', kind: 'put', item: sampleItem(1) },
  { id: '2', table: 'Tab', kind: 'put', item: { ...sampleItem(2), bs: { BS: ['AAE', 'AQID'] } } },
  { id: '3', table: 'Tab', kind: 'delete', key: { id: { S: 'gone' } } },
  { id: '4', table: 'Other "table"', kind: 'put', item: { k: { S: 'é ✓ "quoted" \\ B":"' } } },
];

test('the body written here is the body the SDK would write for the same requests', async () => {
  const byTable = new Map<string, string[]>();
  for (const op of ops) {
    byTable.set(op.table, [...(byTable.get(op.table) ?? []), writeRequestJson(op)]);
  }
  const ours = batchWriteBody(byTable);
  const sdk = await bodyOf(
    new BatchWriteItemCommand({
      RequestItems: Object.fromEntries(
        [...byTable.keys()].map((t) => [
          t,
          ops
            .filter((o) => o.table === t)
            .map((o) =>
              o.kind === 'put'
                ? { PutRequest: { Item: toSdkItem(o.item) } }
                : { DeleteRequest: { Key: toSdkItem(o.key) } },
            ),
        ]),
      ),
      ReturnConsumedCapacity: 'TOTAL',
    }),
  );
  expect(JSON.parse(ours)).toEqual(JSON.parse(sdk));
  // And that is what goes out, whatever the command's own input says.
  expect(await bodyOf(preserializedBatchWrite(ours, byTable.keys()))).toBe(ours);
});

test('binary is re-encoded as padded base64, as the SDK does; nothing else is touched', () => {
  expect(itemJson({ b: { B: 'AAE' }, s: { S: 'AAE' } })).toBe('{"b":{"B":"AAE="},"s":{"S":"AAE"}}');
  expect(itemJson({ bs: { BS: ['AAE', 'AQID'] } })).toBe('{"bs":{"BS":["AAE=","AQID"]}}');
  // A map attribute named B is not binary.
  expect(itemJson({ B: { M: { B: { B: 'AQ' } } } })).toBe('{"B":{"M":{"B":{"B":"AQ=="}}}}');
  const plain = { n: { N: '12345678901234567890123456789012345678' }, s: { S: '"B":"x' } };
  expect(itemJson(plain)).toBe(JSON.stringify(plain));
});

/** The fault proxy's own tests: dynalite, the proxy in front of it, SDK clients, new tables. */
import {
  CreateTableCommand,
  DynamoDBClient,
  ScanCommand,
  type AttributeValue,
  type WriteRequest,
} from '@aws-sdk/client-dynamodb';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { CLEAN, startFaultProxy, type FaultProxy } from '../../../e2e/support/faultProxy';
import { localClient, startDynalite, type LocalDynamo } from '../testing/dynalite';

export interface ProxyStack {
  db: LocalDynamo;
  proxy: FaultProxy;
  /** Through the proxy, SDK retries off. */
  client: DynamoDBClient;
  /** Straight to dynalite. */
  direct: DynamoDBClient;
}

/** A stack for one test file; the proxy is clean (no faults, no hooks, zero counters) per test. */
export function useProxyStack(seed: number, now?: () => number): ProxyStack {
  const s = {} as ProxyStack;
  beforeAll(async () => {
    s.db = await startDynalite();
    s.proxy = await startFaultProxy(s.db.endpoint, {}, seed, now);
    s.client = localClient(s.proxy.endpoint, 1);
    s.direct = localClient(s.db.endpoint);
  });
  afterAll(async () => {
    s.client.destroy();
    s.direct.destroy();
    await s.proxy.close();
    await s.db.close();
  });
  beforeEach(() => {
    s.proxy.setConfig(CLEAN);
    s.proxy.resetCounters();
    s.proxy.onBatchWrite = null;
    s.proxy.onRequest = null;
  });
  return s;
}

/** A client through `endpoint` that gives up on a call after `ms` without an answer. */
export function impatientClient(endpoint: string, ms: number): DynamoDBClient {
  return new DynamoDBClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
    requestHandler: new NodeHttpHandler({ requestTimeout: ms, throwOnRequestTimeout: true }),
  });
}

let tableNo = 0;

/** A new on-demand table keyed by `id` (S), and `sk` (S) when `sorted`. */
export async function newTable(client: DynamoDBClient, sorted = false): Promise<string> {
  const name = `Faults${++tableNo}`;
  const keys = sorted ? ['id', 'sk'] : ['id'];
  await client.send(
    new CreateTableCommand({
      TableName: name,
      KeySchema: keys.map((k, i) => ({ AttributeName: k, KeyType: i === 0 ? 'HASH' : 'RANGE' })),
      AttributeDefinitions: keys.map((k) => ({ AttributeName: k, AttributeType: 'S' })),
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
  return name;
}

/** `n` puts of items `${prefix}${i}`, each padded to about `kb` KB (under that many 1 KB units). */
export function puts(n: number, prefix = 'k', kb = 0, sk?: string): WriteRequest[] {
  const pad: Record<string, AttributeValue> =
    kb > 0 ? { pad: { S: 'x'.repeat(kb * 1024 - 100) } } : {};
  return Array.from({ length: n }, (_, i) => ({
    PutRequest: {
      Item: sk
        ? { id: { S: prefix }, sk: { S: `${sk}${i}` }, ...pad }
        : { id: { S: `${prefix}${i}` }, ...pad },
    },
  }));
}

/** How many items the table holds (read straight from dynalite). */
export async function countItems(direct: DynamoDBClient, table: string): Promise<number> {
  const out = await direct.send(new ScanCommand({ TableName: table, Select: 'COUNT' }));
  return out.Count ?? 0;
}

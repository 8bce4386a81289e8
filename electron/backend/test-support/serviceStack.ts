/** Test fixtures for the committing service: a backend with its sandbox, behind the fault proxy. */
import { ScanCommand, type AttributeValue as SdkValue } from '@aws-sdk/client-dynamodb';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { CLEAN, startFaultProxy, type FaultProxy } from '../../../e2e/support/faultProxy';
import { changeId, type StagedChange } from '../../../shared/changes/types';
import type { StagingEntry } from '../../../shared/contract/staging';
import type { Item, KeySchema } from '../../../shared/dynamo/types';
import { createBackend, type Backend } from '../backend';
import { fromSdkItem } from '../dynamo/convert';

export interface ServiceStack {
  dir: string;
  backend: Backend;
  proxy: FaultProxy;
  /** A saved endpoint connection to the sandbox through the proxy. */
  connectionId: string;
  call<T = any>(channel: string, input: unknown): Promise<T>; // eslint-disable-line @typescript-eslint/no-explicit-any -- test replies are read loosely
  scanAll(table: string): Promise<Item[]>;
  entry(change: StagedChange, schema?: KeySchema): StagingEntry;
}

export const ticketKey: KeySchema = { partitionKey: { name: 'ticketId', type: 'S' } };

/** A seeded sandbox backend and a connection to it through a fault proxy, for one test file. */
export function useServiceStack(seed: number): ServiceStack {
  const s = {} as ServiceStack;
  beforeAll(async () => {
    s.dir = await mkdtemp(join(tmpdir(), 'dynostage-commit-'));
    s.backend = await createBackend({ dataDir: s.dir, seedSandbox: true });
    s.proxy = await startFaultProxy(s.backend.services.sandbox.status().endpoint!, {}, seed);
    s.call = async (channel, input) => {
      const { envelope } = await s.backend.call(channel, input);
      if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
      return envelope.value as never;
    };
    s.scanAll = async (table) => {
      const client = s.backend.services.sandbox.client();
      const out: Item[] = [];
      let start: Record<string, SdkValue> | undefined;
      do {
        const page = await client.send(
          new ScanCommand({ TableName: table, ExclusiveStartKey: start, ConsistentRead: true }),
        );
        out.push(...(page.Items ?? []).map(fromSdkItem));
        start = page.LastEvaluatedKey;
      } while (start);
      return out;
    };
    s.entry = (change, schema = ticketKey) => ({
      id: changeId(change.connectionId, change.table, change.key, schema),
      connectionId: change.connectionId,
      table: change.table,
      change,
    });
    const saved = await s.call<{ connection: { id: string } }>('connections:save', {
      kind: 'endpoint',
      name: 'Sandbox via fault proxy',
      region: 'us-east-1',
      endpoint: s.proxy.endpoint,
    });
    s.connectionId = saved.connection.id;
  });
  afterAll(async () => {
    await s.proxy.close();
    await s.backend.close();
    await rm(s.dir, { recursive: true, force: true });
  });
  beforeEach(() => {
    s.proxy.setConfig(CLEAN);
    s.proxy.resetCounters();
    s.proxy.onBatchWrite = null;
  });
  return s;
}

/**
 * `commit:start` as the app runs it: the backend (in this process, as in the app), a connection to
 * the fault proxy, staged updates of loaded items, then one commit:start through the dispatcher:
 * validation, the existence/drift reads, the journal and the writes, timed together.
 */
import { BatchWriteItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createBackend, type Backend } from '../../server/backend';
import { toSdkItem } from '../../server/sdk/convert';
import { changeId, type StagedChange } from '../../shared/changes/types';
import type { Item, KeySchema } from '../../shared/dynamo/types';
import { createBenchTable, dropBenchTable, lostItems } from './tables';
import { reviewedStart } from '../../test-support/fixtures/reviewed';

export interface AppCommitFigure {
  items: number;
  seconds: number;
  itemsPerSecond: number;
  /** Calls by operation at the proxy during commit:start. */
  calls: Record<string, number>;
  lost: number;
}

export interface AppBench {
  /** Stages `items` as updates of loaded items (one attribute changed) and times commit:start. */
  run(
    table: string,
    schema: KeySchema,
    items: Item[],
    counters: () => Promise<{ calls: Record<string, number> }>,
    reset: () => Promise<void>,
    /** The commit's write mode (default: the app's, guarded for loaded items). */
    mode?: 'guarded' | 'batch',
  ): Promise<AppCommitFigure>;
  close(): Promise<void>;
}

async function call(backend: Backend, channel: string, input: unknown): Promise<unknown> {
  const { envelope } = await backend.call(channel, input);
  if (!envelope.ok)
    throw new Error(`${channel}: ${envelope.error.code}: ${envelope.error.message}`);
  return envelope.value;
}

export async function startAppBench(
  proxyEndpoint: string,
  direct: DynamoDBClient,
): Promise<AppBench> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dynostage-bench-app-'));
  const backend = await createBackend({ dataDir: dir, seedSandbox: false });
  const saved = (await call(backend, 'connections:save', {
    kind: 'endpoint',
    name: 'bench proxy',
    region: 'us-east-1',
    endpoint: proxyEndpoint,
  })) as { connection: { id: string } };
  const connectionId = saved.connection.id;
  return {
    async run(table, schema, items, counters, reset, mode) {
      await createBenchTable(direct, table, schema);
      for (let i = 0; i < items.length; i += 25) {
        const reqs = items.slice(i, i + 25).map((it) => ({ PutRequest: { Item: toSdkItem(it) } }));
        await direct.send(new BatchWriteItemCommand({ RequestItems: { [table]: reqs } }));
      }
      const edited = items.map((it) => ({ ...it, status: { S: 'archived' } }));
      const entries = items.map((original, i) => {
        const key: Item = { [schema.partitionKey.name]: original[schema.partitionKey.name]! };
        const change: StagedChange = {
          kind: 'update',
          connectionId,
          table,
          key,
          original,
          item: edited[i]!,
        };
        return { id: changeId(connectionId, table, key, schema), connectionId, table, change };
      });
      await call(backend, 'staging:apply', { entries });
      await reset();
      // What the review sends (made in the renderer before the click): outside the timing.
      const input = await reviewedStart((c, i) => call(backend, c, i), {
        connectionId,
        ...(mode ? { options: { mode } } : {}),
      });
      const t0 = performance.now();
      const report = (await call(backend, 'commit:start', input)) as {
        status: string;
        counters: { written: number };
      };
      const seconds = (performance.now() - t0) / 1000;
      if (report.status !== 'done' || report.counters.written !== items.length) {
        throw new Error(`commit:start: ${report.status}, ${report.counters.written} written`);
      }
      const { calls } = await counters();
      const lost = await lostItems(direct, table, schema, edited);
      await dropBenchTable(direct, table);
      return { items: items.length, seconds, itemsPerSecond: items.length / seconds, calls, lost };
    },
    async close() {
      await backend.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

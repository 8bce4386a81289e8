/**
 * Commit modes against moto (the only local server with transactions): Batch, Guarded and Atomic
 * write the same 1,000 updates of loaded items to a fresh table each, all three through
 * commit:start as the app runs them. Prints items/s and calls per mode, and a JSON line. No target
 * yet: moto is a single-threaded Python server, so these figures compare the modes' call patterns,
 * not DynamoDB's speed. `runMotoCommitBench` is what bench:commit calls; `npm run
 * bench:commit-moto` runs it alone.
 */
import { BatchWriteItemCommand, CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { changeId, type StagedChange } from '../shared/changes/types';
import type { Item, KeySchema } from '../shared/dynamo/types';
import { createBackend } from '../server/backend';
import { toSdkItem } from '../server/sdk/convert';
import { motoMissingReason, startMoto } from '../test-support/servers/moto';
import { reviewedStart } from '../test-support/fixtures/reviewed';

const ITEMS = Number(process.env.BENCH_ITEMS ?? 1000);
const schema: KeySchema = { partitionKey: { name: 'id', type: 'S' } };
const item = (i: number, v: string): Item => ({ id: { S: `k${String(i).padStart(6, '0')}` }, v: { S: v }, pad: { S: 'x'.repeat(900) } });

export interface MotoModeResult {
  items: number;
  seconds: number;
  itemsPerSecond: number;
  calls: number;
  written: number;
}
export type MotoCommitBench = Record<'batch' | 'guarded' | 'atomic', MotoModeResult>;

/** Runs the three modes against a fresh moto_server; null (reason printed) when moto is missing. */
export async function runMotoCommitBench(): Promise<MotoCommitBench | null> {
  const missing = motoMissingReason();
  if (missing) {
    console.log(`commit modes against moto skipped: ${missing}`);
    return null;
  }
  const moto = await startMoto();
  console.log(`moto_server started in ${moto.startMs} ms`);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dynostage-bench-moto-'));
  const backend = await createBackend({ dataDir: dir, seedSandbox: false });
  const sdk = new DynamoDBClient({ endpoint: moto.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'b', secretAccessKey: 'b' } });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers of the real API, read as in the tests
  const call = async (channel: string, input: unknown): Promise<any> => {
    const { envelope } = await backend.call(channel, input);
    if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.message}`);
    return envelope.value;
  };
  const connectionId = (await call('connections:save', { kind: 'endpoint', name: 'moto', region: 'us-east-1', endpoint: moto.endpoint })).connection.id as string;
  const results = {} as MotoCommitBench;
  try {
    for (const mode of ['batch', 'guarded', 'atomic'] as const) {
      const table = `Bench_${mode}`;
      await sdk.send(
        new CreateTableCommand({ TableName: table, KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }], BillingMode: 'PAY_PER_REQUEST' }),
      );
      const base = Array.from({ length: ITEMS }, (_, i) => item(i, 'old'));
      for (let at = 0; at < ITEMS; at += 25) {
        await sdk.send(new BatchWriteItemCommand({ RequestItems: { [table]: base.slice(at, at + 25).map((i) => ({ PutRequest: { Item: toSdkItem(i) } })) } }));
      }
      const edited: Item[] = base.map((b, i) => ({ ...b, v: { S: `new ${i}` } }));
      const entries = edited.map((e, i) => {
        const change: StagedChange = { kind: 'update', connectionId, table, key: { id: e.id! }, original: base[i]!, item: e };
        return { id: changeId(connectionId, table, change.key, schema), connectionId, table, change };
      });
      await call('staging:apply', { entries });
      const input = await reviewedStart(call, { connectionId, options: { mode } }); // the review's part
      const started = performance.now();
      const report = await call('commit:start', input);
      const calls = report.counters.requests as number;
      const written = report.counters.written as number;
      const seconds = (performance.now() - started) / 1000;
      results[mode] = { items: ITEMS, seconds: Number(seconds.toFixed(2)), itemsPerSecond: Math.round(ITEMS / seconds), calls, written };
      console.log(`moto ${mode.padEnd(8)} ${ITEMS} items  ${seconds.toFixed(2)} s  ${Math.round(ITEMS / seconds)} items/s  ${calls} calls  ${written} written`);
    }
    console.log(JSON.stringify({ bench: 'commit-moto', load: os.loadavg()[0], moto: { startMs: moto.startMs }, results }));
    return results;
  } finally {
    sdk.destroy();
    await backend.close();
    await moto.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

// Run directly (not imported by bench/commit.ts).
if (/commitMoto\.ts$/.test(process.argv[1] ?? '')) {
  runMotoCommitBench().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}

/**
 * Batch mode on a clean table at 10 ms, interleaved with a boto3-style writer (one call in flight,
 * SDK retries on) and the server's ceiling (raw calls, 8 in flight, no added latency).
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { CLEAN_SCHEMA, cleanRows } from '../support/benchData';
import { boto3Style, naiveConcurrent } from '../support/writers';
import { timedRun, type Bench, type Figure } from './figure';
import { engine, sdkRows } from './writers';

export interface Clients {
  /** Through the proxy, SDK retries off: raw calls (the ceiling). */
  raw: DynamoDBClient;
  /** Through the proxy, the SDK's default retries on (the baselines that resend). */
  retrying: DynamoDBClient;
  /** Through the proxy, as the app makes it (createCommitClient). */
  commit: DynamoDBClient;
}

export async function warmup(b: Bench, c: Clients, latencyMs: number, n: number): Promise<void> {
  const data = (r: string) => cleanRows(n, r);
  const lat = { latencyMs };
  const common = { data, schema: CLEAN_SCHEMA };
  await timedRun(b, {
    ...common,
    name: 'warmup: engine',
    faults: lat,
    write: engine(c.commit, CLEAN_SCHEMA),
  });
  await timedRun(b, {
    ...common,
    name: 'warmup: sdk, 8 in flight',
    faults: {},
    write: async (t, d) => void (await naiveConcurrent(c.raw, t, sdkRows(d), 8)),
  });
}

export async function cleanSection(
  b: Bench,
  c: Clients,
  latencyMs: number,
  items: number,
  repeats: number,
) {
  const data = (r: string) => cleanRows(items, r);
  const lat = { latencyMs };
  const boto3: Figure[] = [];
  const batch: Figure[] = [];
  const ceiling: Figure[] = [];
  for (let i = 0; i < repeats; i++) {
    boto3.push(
      await timedRun(b, {
        name: `boto3-style writer, ${latencyMs} ms`,
        faults: lat,
        data,
        schema: CLEAN_SCHEMA,
        write: async (t, d) => void (await boto3Style(c.retrying, t, sdkRows(d))),
      }),
    );
    batch.push(
      await timedRun(b, {
        name: `batch mode clean, ${latencyMs} ms`,
        faults: lat,
        data,
        schema: CLEAN_SCHEMA,
        write: engine(c.commit, CLEAN_SCHEMA),
      }),
    );
    ceiling.push(
      await timedRun(b, {
        name: 'ceiling (raw 8 in flight, 0 ms)',
        faults: {},
        data,
        schema: CLEAN_SCHEMA,
        write: async (t, d) => void (await naiveConcurrent(c.raw, t, sdkRows(d), 8)),
      }),
    );
  }
  return { boto3, batch, ceiling };
}

/**
 * One timed run of the commit bench and the statistics over repeats: a fresh table, the faults
 * set at the proxy, the write timed, the calls counted at the proxy, the table compared item by
 * item with what was written (`lost`).
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import os from 'node:os';
import { CLEAN, type FaultConfig } from '../../test-support/faultProxy/proxy';
import type { Item, KeySchema } from '../../shared/dynamo/types';
import { totalWcu } from '../support/benchData';
import type { RemoteProxy } from '../support/remote';
import { createBenchTable, dropBenchTable, lostItems } from '../support/tables';

export interface Figure {
  items: number;
  seconds: number;
  itemsPerSecond: number;
  /** Write units per second (capacity runs). */
  wcuPerSecond: number;
  /** Write calls the proxy received (SDK retries included). */
  calls: number;
  /** Items missing or different on the server afterwards. */
  lost: number;
  /** Engine runs: operations it reported failed. */
  failed: number;
  /** One-minute load average when the run started. */
  load: number;
}

export type Writer = (table: string, data: Item[]) => Promise<{ failed?: number } | void>;

export interface Bench {
  direct: DynamoDBClient;
  proxy: RemoteProxy;
}

let tableNo = 0;

export interface RunSpec {
  name: string;
  faults: Partial<FaultConfig>;
  data: (table: string) => Item[];
  schema: KeySchema;
  write: Writer;
  /** Before the clock starts (e.g. the items as the user loaded them). */
  prepare?: (table: string, items: Item[]) => Promise<void>;
  /** What the table must hold afterwards (default: the items written). */
  expected?: (items: Item[]) => Item[];
}

export async function timedRun(b: Bench, spec: RunSpec): Promise<Figure> {
  const table = `Bench${++tableNo}`;
  await createBenchTable(b.direct, table, spec.schema);
  const items = spec.data(table);
  await spec.prepare?.(table, items);
  await b.proxy.configure({ ...CLEAN, ...spec.faults });
  await b.proxy.reset();
  const load = os.loadavg()[0] ?? 0;
  const t0 = performance.now();
  const out = (await spec.write(table, items)) ?? {};
  const seconds = (performance.now() - t0) / 1000;
  const byOp = (await b.proxy.counters()).calls;
  const calls =
    (byOp.BatchWriteItem ?? 0) +
    (byOp.UpdateItem ?? 0) +
    (byOp.PutItem ?? 0) +
    (byOp.DeleteItem ?? 0);
  const lost = await lostItems(b.direct, table, spec.schema, spec.expected?.(items) ?? items);
  await dropBenchTable(b.direct, table);
  const fig: Figure = {
    items: items.length,
    seconds,
    itemsPerSecond: items.length / seconds,
    wcuPerSecond: totalWcu(items) / seconds,
    calls,
    lost,
    failed: out.failed ?? 0,
    load,
  };
  console.error(
    `${spec.name.padEnd(32)} ${fig.itemsPerSecond.toFixed(0).padStart(6)} items/s ${fig.wcuPerSecond.toFixed(0).padStart(6)} WCU/s  ${seconds.toFixed(2).padStart(6)} s  ${String(calls || '-').padStart(5)} calls  lost ${lost}${fig.failed ? `  failed ${fig.failed}` : ''}  (load ${load.toFixed(1)})`,
  );
  return fig;
}

type Key = 'itemsPerSecond' | 'wcuPerSecond' | 'calls';
const sorted = (figs: Figure[], key: Key) => figs.map((f) => f[key]).sort((a, b) => a - b);

export const median = (figs: Figure[], key: Key = 'itemsPerSecond'): number =>
  sorted(figs, key)[Math.floor(figs.length / 2)] ?? 0;
export const best = (figs: Figure[], key: Key = 'itemsPerSecond'): number =>
  key === 'calls' ? Math.min(...sorted(figs, key)) : Math.max(...sorted(figs, key));
/** (max - min) / median: how much the repeats disagree. */
export const spread = (figs: Figure[], key: Key = 'itemsPerSecond'): number => {
  const s = sorted(figs, key);
  const m = median(figs, key);
  return m > 0 ? ((s.at(-1) ?? 0) - (s[0] ?? 0)) / m : 0;
};
export const total = (figs: Figure[], key: 'lost' | 'failed' | 'calls'): number =>
  figs.reduce((s, f) => s + f[key], 0);

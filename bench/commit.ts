/**
 * Commit throughput: the engine against the usual ways of writing many items, with dynalite in
 * its own process behind the fault proxy (10 ms latency), itself in a third process so that it
 * takes no CPU from the writer being measured. The runs that are compared are interleaved,
 * REPEATS times each; the medians gate the targets, the best of each is printed beside. After
 * every run the table is compared item by item with what was written (`lost`: missing or
 * different). Then `commit:start` as the app runs it. The last line is one JSON object.
 *
 * Sized for 2 shared cores: a few minutes in all.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CLEAN, type FaultConfig } from '../e2e/support/faultProxy';
import { createCommitClient } from '../electron/backend/commit/client';
import { executeCommit } from '../electron/backend/commit/executor';
import type { CommitOptions } from '../electron/backend/commit/types';
import { toSdkItem } from '../electron/backend/dynamo/convert';
import type { Item, KeySchema } from '../shared/dynamo/types';
import type { PlanInput } from '../shared/plan/types';
import { startAppBench, type AppCommitFigure } from './support/appCommit';
import {
  guardedSection,
  guardedWriter,
  preload,
  withoutStatus,
  withStatus,
} from './support/guarded';
import {
  CAPACITY_SCHEMA,
  capacityRows,
  CLEAN_SCHEMA,
  cleanRows,
  HOT_SHARE,
  totalWcu,
} from './support/benchData';
import { startDynaliteProcess, startProxyProcess, type RemoteProxy } from './support/remote';
import { createBenchTable, dropBenchTable, lostItems } from './support/tables';
import { boto3Style, naiveConcurrent, type Row } from './support/writers';

const ITEMS = 5_000;
const WARMUP_ITEMS = 2_000;
const CAPACITY_ITEMS = 3_000;
const APP_ITEMS = 2_000;
const LATENCY_MS = 10;
const CAPACITY = 2_000;
const REPEATS = 5;
const credentials = { accessKeyId: 'bench', secretAccessKey: 'bench' };
const region = 'us-east-1';

export interface Figure {
  items: number;
  seconds: number;
  itemsPerSecond: number;
  /** Write units per second (capacity runs). */
  wcuPerSecond: number;
  /** BatchWriteItem calls the proxy received (SDK retries included). */
  calls: number;
  /** Items missing or different on the server afterwards. */
  lost: number;
  /** Engine runs: operations it reported failed. */
  failed: number;
  load: number;
}

export type Writer = (table: string, data: Item[]) => Promise<{ failed?: number } | void>;

let tableNo = 0;

async function run(
  name: string,
  direct: DynamoDBClient,
  proxy: RemoteProxy | null,
  faults: Partial<FaultConfig>,
  data: (run: string) => Item[],
  schema: KeySchema,
  write: Writer,
  prepare?: (table: string, items: Item[]) => Promise<void>,
): Promise<Figure> {
  const table = `Bench${++tableNo}`;
  await createBenchTable(direct, table, schema);
  const items = data(table);
  await prepare?.(table, items);
  await proxy?.configure({ ...CLEAN, ...faults });
  await proxy?.reset();
  const load = os.loadavg()[0] ?? 0;
  const t0 = performance.now();
  const out = (await write(table, items)) ?? {};
  const seconds = (performance.now() - t0) / 1000;
  const byOp = (await proxy?.counters())?.calls ?? {};
  const calls = (byOp.BatchWriteItem ?? 0) + (byOp.UpdateItem ?? 0) + (byOp.PutItem ?? 0);
  const lost = await lostItems(direct, table, schema, items);
  await dropBenchTable(direct, table);
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
    `${name.padEnd(30)} ${fig.itemsPerSecond.toFixed(0).padStart(6)} items/s ${fig.wcuPerSecond.toFixed(0).padStart(6)} WCU/s  ${seconds.toFixed(2)} s  ${calls || '-'} calls  lost ${lost}${fig.failed ? `  failed ${fig.failed}` : ''}  (load ${load.toFixed(1)})`,
  );
  return fig;
}

function engine(client: DynamoDBClient, schema: KeySchema, opts: CommitOptions = {}): Writer {
  return async (table, data) => {
    const ops: PlanInput[] = data.map((item, i) => ({ id: String(i), table, kind: 'put', item }));
    const report = await executeCommit(client, ops, { [table]: schema }, opts);
    return { failed: report.failed.length + report.canceled.length };
  };
}

const sdk = (items: Item[]) => items.map(toSdkItem) as Row[];

const byRate = (figs: Figure[], key: 'itemsPerSecond' | 'wcuPerSecond') =>
  [...figs].sort((a, b) => a[key] - b[key]);
const best = (figs: Figure[], key: 'itemsPerSecond' | 'wcuPerSecond' = 'itemsPerSecond') =>
  byRate(figs, key).at(-1) as Figure;
const median = (figs: Figure[], key: 'itemsPerSecond' | 'wcuPerSecond' = 'itemsPerSecond') =>
  byRate(figs, key)[Math.floor(figs.length / 2)] as Figure;
const medianOf = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const sum = (figs: Figure[], key: 'calls' | 'lost' | 'failed') =>
  figs.reduce((s, f) => s + f[key], 0);

async function main() {
  const server = await startDynaliteProcess();
  const proxy = await startProxyProcess(server.endpoint, 2024);
  const direct = new DynamoDBClient({ endpoint: server.endpoint, region, credentials });
  // Raw calls, no SDK retries: the ceiling.
  const raw = new DynamoDBClient({ endpoint: proxy.endpoint, region, credentials, maxAttempts: 1 });
  // The SDK's default retries on (3 attempts, backoff on throttling): boto3-style and the
  // resending writer at capacity.
  const retrying = new DynamoDBClient({ endpoint: proxy.endpoint, region, credentials });
  const commitClient = createCommitClient({ endpoint: proxy.endpoint, region, credentials });
  const journalDir = mkdtempSync(path.join(os.tmpdir(), 'dynostage-bench-'));
  const lat = { latencyMs: LATENCY_MS };
  const capacity: Partial<FaultConfig> = {
    ...lat,
    // Four hash ranges of at most 1,000 WCU/s each; the hot key's range carries 30% of the items.
    capacity: { tableWcu: CAPACITY, partitions: 4 },
  };
  const loadAtStart = os.loadavg();
  const clean = (r: string) => cleanRows(ITEMS, r);
  const capped = (r: string) => capacityRows(CAPACITY_ITEMS, r);
  const app = await startAppBench(proxy.endpoint, direct);
  try {
    await run(
      'warmup: engine',
      direct,
      proxy,
      lat,
      (r) => cleanRows(WARMUP_ITEMS, r),
      CLEAN_SCHEMA,
      engine(commitClient, CLEAN_SCHEMA),
    );
    await run(
      'warmup: sdk, 8 in flight',
      direct,
      proxy,
      {},
      (r) => cleanRows(WARMUP_ITEMS, r),
      CLEAN_SCHEMA,
      async (t, d) => {
        await naiveConcurrent(raw, t, sdk(d), 8);
      },
    );

    const boto3: Figure[] = [];
    const batch: Figure[] = [];
    const ceiling: Figure[] = [];
    for (let i = 0; i < REPEATS; i++) {
      boto3.push(
        await run(
          'boto3-style writer, 10 ms',
          direct,
          proxy,
          lat,
          clean,
          CLEAN_SCHEMA,
          async (t, d) => {
            await boto3Style(retrying, t, sdk(d));
          },
        ),
      );
      batch.push(
        await run(
          'batch mode clean, 10 ms',
          direct,
          proxy,
          lat,
          clean,
          CLEAN_SCHEMA,
          engine(commitClient, CLEAN_SCHEMA),
        ),
      );
      ceiling.push(
        await run(
          'ceiling (raw 8 in flight, 0 ms)',
          direct,
          proxy,
          {},
          clean,
          CLEAN_SCHEMA,
          async (t, d) => {
            await naiveConcurrent(raw, t, sdk(d), 8);
          },
        ),
      );
    }
    const capEngine: Figure[] = [];
    const capSdk: Figure[] = [];
    for (let i = 0; i < REPEATS; i++) {
      capEngine.push(
        await run(
          `engine @ ${CAPACITY} WCU/s`,
          direct,
          proxy,
          capacity,
          capped,
          CAPACITY_SCHEMA,
          engine(commitClient, CAPACITY_SCHEMA),
        ),
      );
      capSdk.push(
        await run(
          `sdk retries, 8 @ ${CAPACITY} WCU/s`,
          direct,
          proxy,
          capacity,
          capped,
          CAPACITY_SCHEMA,
          async (t, d) => {
            await naiveConcurrent(retrying, t, sdk(d), 8);
          },
        ),
      );
    }
    const guarded = await guardedSection(
      (name, faults, n, write) =>
        run(
          name,
          direct,
          proxy,
          faults,
          (r) => withStatus(cleanRows(n, r)),
          CLEAN_SCHEMA,
          write,
          (t, d) => preload(direct, t, d.map(withoutStatus)),
        ),
      (opts) => guardedWriter(commitClient, CLEAN_SCHEMA, opts),
      (opts) => engine(commitClient, CLEAN_SCHEMA, opts),
      REPEATS,
    );
    const journal = await run(
      'batch mode clean, journal',
      direct,
      proxy,
      lat,
      clean,
      CLEAN_SCHEMA,
      (t, d) =>
        engine(commitClient, CLEAN_SCHEMA, {
          journal: { path: path.join(journalDir, `${t}.jsonl`) },
        })(t, d),
    );

    await proxy.configure({ ...CLEAN, ...lat });
    const appRuns: AppCommitFigure[] = [];
    for (let i = 0; i < 3; i++) {
      const figure = await app.run(
        `App${i}`,
        CLEAN_SCHEMA,
        cleanRows(APP_ITEMS, `app${i}`),
        () => proxy.counters(),
        () => proxy.reset(),
      );
      appRuns.push(figure);
      console.error(
        `${'commit:start (app), 10 ms'.padEnd(30)} ${figure.itemsPerSecond.toFixed(0).padStart(6)} items/s         ${figure.seconds.toFixed(2)} s  calls ${JSON.stringify(figure.calls)}  lost ${figure.lost}`,
      );
    }

    const ratios = {
      batchVsCeiling: median(batch).itemsPerSecond / median(ceiling).itemsPerSecond,
      batchVsBoto3: median(batch).itemsPerSecond / median(boto3).itemsPerSecond,
      capacityUse: median(capEngine, 'wcuPerSecond').wcuPerSecond / CAPACITY,
      capacityCallsVsSdkRetries:
        medianOf(capEngine.map((f) => f.calls)) / medianOf(capSdk.map((f) => f.calls)),
      appVsExecutor: medianOf(appRuns.map((f) => f.itemsPerSecond)) / median(batch).itemsPerSecond,
      journalCost: 1 - journal.itemsPerSecond / median(batch).itemsPerSecond,
    };
    const bestRatios = {
      batchVsCeiling: best(batch).itemsPerSecond / best(ceiling).itemsPerSecond,
      batchVsBoto3: best(batch).itemsPerSecond / best(boto3).itemsPerSecond,
      capacityUse: best(capEngine, 'wcuPerSecond').wcuPerSecond / CAPACITY,
      capacityCallsVsSdkRetries:
        Math.min(...capEngine.map((f) => f.calls)) / Math.min(...capSdk.map((f) => f.calls)),
    };
    const lost =
      [...boto3, ...batch, ...ceiling, ...capEngine, ...capSdk, journal].reduce(
        (t, f) => t + f.lost,
        0,
      ) +
      appRuns.reduce((t, f) => t + f.lost, 0) +
      guarded.lost;
    const targets = {
      batchVsCeiling: ratios.batchVsCeiling >= 0.7,
      batchVsBoto3: ratios.batchVsBoto3 >= 4,
      capacityUse: ratios.capacityUse >= 0.8,
      capacityCallsVsSdkRetries: ratios.capacityCallsVsSdkRetries <= 0.5,
      lost: lost === 0,
      guardedVsBatch: guarded.targets.guardedVsBatch,
      adaptiveVsBestFixed: guarded.targets.adaptiveVsBestFixed,
    };
    const line = (label: string, key: keyof typeof bestRatios, target: string) =>
      console.error(
        `${label.padEnd(34)}${ratios[key].toFixed(2)}x median, ${bestRatios[key].toFixed(2)}x best  (${target}: ${targets[key] ? 'met' : 'NOT met'})`,
      );
    console.error('');
    line('batch clean / ceiling', 'batchVsCeiling', 'target >= 0.7');
    line('batch clean / boto3-style', 'batchVsBoto3', 'target >= 4');
    line(`engine WCU/s / capacity ${CAPACITY}`, 'capacityUse', 'target >= 0.8');
    line('engine calls / sdk-retries calls', 'capacityCallsVsSdkRetries', 'target <= 0.5');
    console.error(
      `commit:start (app) / executor        ${ratios.appVsExecutor.toFixed(2)}x median (for information)`,
    );
    console.error(`lost (item by item, every run)      ${lost}`);
    const gLine = (label: string, key: 'guardedVsBatch' | 'adaptiveVsBestFixed', target: string) =>
      console.error(
        `${label.padEnd(34)}${guarded.ratios[key].toFixed(2)}x median, ${guarded.bestRatios[key].toFixed(2)}x best  (${target}: ${guarded.targets[key] ? 'met' : 'NOT met'})`,
      );
    gLine('guarded / batch, 10 ms', 'guardedVsBatch', 'target >= 0.5');
    gLine(
      `guarded adaptive / fixed ${guarded.bestFixed}, 100 ms`,
      'adaptiveVsBestFixed',
      'target >= 0.8',
    );
    console.error(
      `(medians of ${REPEATS} interleaved repeats; load ${loadAtStart[0]?.toFixed(1)} at start)`,
    );
    console.log(
      JSON.stringify({
        latencyMs: LATENCY_MS,
        capacity: { tableWcu: CAPACITY, partitions: 4, hotShare: HOT_SHARE, items: CAPACITY_ITEMS },
        repeats: REPEATS,
        loadAverage: { start: loadAtStart, end: os.loadavg() },
        medians: {
          batch: median(batch).itemsPerSecond,
          ceiling: median(ceiling).itemsPerSecond,
          boto3: median(boto3).itemsPerSecond,
          capacityEngineWcu: median(capEngine, 'wcuPerSecond').wcuPerSecond,
          capacityEngineCalls: medianOf(capEngine.map((f) => f.calls)),
          capacitySdkCalls: medianOf(capSdk.map((f) => f.calls)),
          appCommitStart: medianOf(appRuns.map((f) => f.itemsPerSecond)),
        },
        runs: { boto3, batch, ceiling, capEngine, capSdk, journal, appRuns },
        failed: sum(batch, 'failed') + sum(capEngine, 'failed') + journal.failed,
        guarded,
        ratios,
        bestRatios,
        lost,
        targets,
      }),
    );
  } finally {
    await app.close();
    rmSync(journalDir, { recursive: true, force: true });
    direct.destroy();
    raw.destroy();
    retrying.destroy();
    commitClient.destroy();
    proxy.stop();
    server.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});

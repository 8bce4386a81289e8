/**
 * Commit throughput: the engine against the usual ways of writing many items, with dynalite in
 * its own process behind the fault proxy, itself in a third process so that it takes no CPU from
 * the writer being measured. The runs that are compared are interleaved, REPEATS times each; the
 * medians gate the targets, the best of each and the spread are printed beside, with the load
 * average. After every run the table is compared item by item with what was written (`lost`).
 * Then `commit:start` as the app runs it, and (when moto is installed) the Atomic/Guarded/Batch
 * figures against moto. The last line on stdout is one JSON object.
 *
 * The sections live in bench/commit/: figure.ts (one timed run, statistics), clean.ts, capacity.ts,
 * guarded.ts, app.ts, report.ts. BENCH_REPEATS, BENCH_GUARDED_ITEMS, BENCH_MOTO=0 and BENCH_SMOKE=1 adjust a run.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCommitClient } from '../server/commitEngine/client';
import { motoMissingReason } from '../test-support/servers/moto';
import { appSection } from './commit/app';
import { capacitySection } from './commit/capacity';
import { cleanSection, warmup, type Clients } from './commit/clean';
import { timedRun } from './commit/figure';
import { guardedSection } from './commit/guarded';
import { report } from './commit/report';
import { engine } from './commit/writers';
import { startAppBench } from './support/appCommit';
import { CLEAN_SCHEMA, cleanRows } from './support/benchData';
import { startDynaliteProcess, startProxyProcess } from './support/remote';

/** BENCH_SMOKE=1: a twentieth of the items, to check that the bench runs (no figure to keep). */
const SCALE = process.env.BENCH_SMOKE === '1' ? 0.05 : 1;
const ITEMS = 5_000 * SCALE;
const WARMUP_ITEMS = 2_000 * SCALE;
const CAPACITY_ITEMS = 3_000 * SCALE;
/** Guarded updates at 10 ms, against the same updates in batch mode (the 10,000). */
const GUARDED_ITEMS = Number(process.env.BENCH_GUARDED_ITEMS ?? 10_000 * SCALE);
const APP_ITEMS = 1_000 * SCALE;
const APP_REPEATS = 3;
const LATENCY_MS = 10;
const CAPACITY = 2_000;
const REPEATS = Math.max(5, Number(process.env.BENCH_REPEATS ?? 5));
const credentials = { accessKeyId: 'bench', secretAccessKey: 'bench' };
const region = 'us-east-1';

/**
 * HOOK (moto): Atomic/Guarded/Batch against moto in the same run, from bench/commitMoto.ts.
 * Only when moto is installed (python3 venv) and not turned off with BENCH_MOTO=0.
 */
async function motoFigures(): Promise<void> {
  const missing = process.env.BENCH_MOTO === '0' ? 'BENCH_MOTO=0' : motoMissingReason();
  if (missing) {
    console.error(`moto figures skipped: ${missing}`);
    return;
  }
  const { runMotoCommitBench } = await import('./commitMoto');
  await runMotoCommitBench();
}

async function main() {
  const loadAtStart = os.loadavg();
  console.error(`load average at start: ${loadAtStart.map((x) => x.toFixed(1)).join(' ')}`);
  const server = await startDynaliteProcess();
  const proxy = await startProxyProcess(server.endpoint, 2024);
  const direct = new DynamoDBClient({ endpoint: server.endpoint, region, credentials });
  const c: Clients = {
    raw: new DynamoDBClient({ endpoint: proxy.endpoint, region, credentials, maxAttempts: 1 }),
    // The SDK's default retries on (3 attempts, backoff on throttling).
    retrying: new DynamoDBClient({ endpoint: proxy.endpoint, region, credentials }),
    commit: createCommitClient({ endpoint: proxy.endpoint, region, credentials }),
  };
  const b = { direct, proxy };
  const journalDir = mkdtempSync(path.join(os.tmpdir(), 'dynostage-bench-'));
  const app = await startAppBench(proxy.endpoint, direct);
  try {
    await warmup(b, c, LATENCY_MS, WARMUP_ITEMS);
    const clean = await cleanSection(b, c, LATENCY_MS, ITEMS, REPEATS);
    const capacity = await capacitySection(b, c, LATENCY_MS, CAPACITY, CAPACITY_ITEMS, REPEATS);
    const guarded = await guardedSection(b, c.commit, GUARDED_ITEMS, REPEATS);
    const journal = await timedRun(b, {
      name: 'batch mode clean, journal',
      faults: { latencyMs: LATENCY_MS },
      data: (r) => cleanRows(ITEMS, r),
      schema: CLEAN_SCHEMA,
      write: (t, d) =>
        engine(c.commit, CLEAN_SCHEMA, { journal: { path: path.join(journalDir, `${t}.jsonl`) } })(
          t,
          d,
        ),
    });
    const appFigures = await appSection(b, app, LATENCY_MS, APP_ITEMS, APP_REPEATS);
    await motoFigures();
    report({
      latencyMs: LATENCY_MS,
      capacityWcu: CAPACITY,
      repeats: REPEATS,
      loadAtStart,
      clean,
      capacity,
      guarded,
      journal,
      app: appFigures,
    });
  } finally {
    await app.close();
    rmSync(journalDir, { recursive: true, force: true });
    for (const client of [direct, c.raw, c.retrying, c.commit]) client.destroy();
    proxy.stop();
    server.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});

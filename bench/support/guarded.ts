/**
 * Guarded mode figures: updates of loaded items as conditional UpdateItem calls, against the same
 * updates in batch mode at 10 ms, and the adaptive concurrency against fixed ones (1-128) at 100 ms.
 */
import { BatchWriteItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { FaultConfig } from '../../e2e/support/faultProxy';
import { executeCommit } from '../../electron/backend/commit/executor';
import type { CommitOptions } from '../../electron/backend/commit/types';
import { toSdkItem } from '../../electron/backend/dynamo/convert';
import type { Item, KeySchema } from '../../shared/dynamo/types';
import type { PlanInput } from '../../shared/plan/types';
import type { Figure, Writer } from '../commit';

/** Updates at 10 ms (the issue asks 10,000: sized down for 2 shared cores). */
export const GUARDED_ITEMS = 2_000;
const FIXED = [1, 2, 4, 8, 16, 32, 64, 128];
const ADAPTIVE_ITEMS = 1_024;

export const withStatus = (items: Item[]): Item[] =>
  items.map((i) => ({ ...i, status: { S: 'done' } }));
export const withoutStatus = (item: Item): Item => {
  const rest = { ...item };
  delete rest.status;
  return rest;
};

/** The items as the user loaded them, written straight to the server before the timed run. */
export async function preload(direct: DynamoDBClient, table: string, items: Item[]) {
  for (let i = 0; i < items.length; i += 25) {
    const reqs = items.slice(i, i + 25).map((it) => ({ PutRequest: { Item: toSdkItem(it) } }));
    await direct.send(new BatchWriteItemCommand({ RequestItems: { [table]: reqs } }));
  }
}

/** Each item's update as a guarded write, based on its loaded image (without `status`). */
export function guardedWriter(
  client: DynamoDBClient,
  schema: KeySchema,
  opts: CommitOptions = {},
): Writer {
  return async (table, data) => {
    const ops: PlanInput[] = data.map((item, i) => ({
      id: String(i),
      table,
      kind: 'put',
      item,
      guard: { base: withoutStatus(item) },
    }));
    const report = await executeCommit(client, ops, { [table]: schema }, opts);
    return { failed: report.failed.length + report.canceled.length };
  };
}

type Run = (
  name: string,
  faults: Partial<FaultConfig>,
  n: number,
  write: Writer,
) => Promise<Figure>;

const medianRate = (figs: Figure[]) =>
  [...figs].map((f) => f.itemsPerSecond).sort((a, b) => a - b)[Math.floor(figs.length / 2)] ?? 0;
const bestRate = (figs: Figure[]) => Math.max(...figs.map((f) => f.itemsPerSecond));

export async function guardedSection(
  run: Run,
  guarded: (opts?: CommitOptions) => Writer,
  batch: (opts?: CommitOptions) => Writer,
  repeats: number,
) {
  const g10: Figure[] = [];
  const b10: Figure[] = [];
  const fixed = new Map<number, Figure[]>(FIXED.map((c) => [c, []]));
  const adaptive: Figure[] = [];
  for (let i = 0; i < repeats; i++) {
    g10.push(await run('guarded updates, 10 ms', { latencyMs: 10 }, GUARDED_ITEMS, guarded()));
    b10.push(await run('batch updates, 10 ms', { latencyMs: 10 }, GUARDED_ITEMS, batch()));
  }
  for (let i = 0; i < repeats; i++) {
    adaptive.push(
      await run('guarded adaptive, 100 ms', { latencyMs: 100 }, ADAPTIVE_ITEMS, guarded()),
    );
    for (const c of FIXED) {
      // About eight round trips each: enough for a rate, short for the small ones.
      const opts = { singleConcurrency: c, maxSingleConcurrency: c };
      fixed
        .get(c)
        ?.push(
          await run(
            `guarded fixed ${c}, 100 ms`,
            { latencyMs: 100 },
            Math.max(16, c * 8),
            guarded(opts),
          ),
        );
    }
  }
  const [bestFixed, bestFixedRate] = [...fixed].reduce<[number, number]>(
    (acc, [c, figs]) => (medianRate(figs) > acc[1] ? [c, medianRate(figs)] : acc),
    [0, 0],
  );
  const ratios = {
    guardedVsBatch: medianRate(g10) / medianRate(b10),
    adaptiveVsBestFixed: medianRate(adaptive) / bestFixedRate,
  };
  const bestRatios = {
    guardedVsBatch: bestRate(g10) / bestRate(b10),
    adaptiveVsBestFixed: bestRate(adaptive) / Math.max(...[...fixed.values()].map(bestRate)),
  };
  const all = [...g10, ...b10, ...adaptive, ...[...fixed.values()].flat()];
  return {
    items: GUARDED_ITEMS,
    bestFixed,
    medians: {
      guarded10: medianRate(g10),
      batch10: medianRate(b10),
      adaptive100: medianRate(adaptive),
      fixed100: Object.fromEntries([...fixed].map(([c, figs]) => [c, medianRate(figs)])),
    },
    ratios,
    bestRatios,
    targets: {
      guardedVsBatch: ratios.guardedVsBatch >= 0.5,
      adaptiveVsBestFixed: ratios.adaptiveVsBestFixed >= 0.8,
    },
    lost: all.reduce((s, f) => s + f.lost, 0),
    failed: all.reduce((s, f) => s + f.failed, 0),
  };
}

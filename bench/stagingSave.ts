/**
 * The backend's side of a bulk edit's save, without a browser: 10,000 updates of about 1 KB sent
 * as the renderer sends them (an update as its original + what differs), through the channel's
 * own input schema and the staging store, onto a real data folder; then the undo's save (the
 * same ids un-staged). Prints the median of each part over the rounds, and the staging file's
 * size. applyCpu is the process's CPU time during the apply (less sensitive to a busy machine
 * than the wall clock; it leaves out waiting for the disk). For seeing what a save costs; not a gate.
 *
 *   tsx bench/stagingSave.ts          (BENCH_EDITS=10000 BENCH_ROUNDS=5)
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { toDelta } from '../shared/changes/wire';
import type { StagedChange } from '../shared/changes/types';
import { channels } from '../shared/contract';
import type { StagingEntry } from '../shared/contract/staging';
import type { Item } from '../shared/dynamo/types';
import { StagingStore } from '../server/staging/store';
import { wideItem } from './e2e/items';

const EDITS = Number(process.env.BENCH_EDITS ?? 10_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const CONN = 'bench';
const TABLE = 'bench100k';

/** A bench item as the renderer holds it: DynamoDB JSON (binary as base64). */
function asJson(i: number): Item {
  return JSON.parse(JSON.stringify(wideItem(i), (_k, v: unknown) =>
    v instanceof Uint8Array || (v && typeof v === 'object' && (v as { type?: string }).type === 'Buffer')
      ? Buffer.from(v as Uint8Array).toString('base64')
      : v,
  )) as Item;
}

function bulk(round: number): StagingEntry[] {
  const out: StagingEntry[] = [];
  for (let i = 0; i < EDITS; i++) {
    const original = asJson(i * 10 + 3);
    const item: Item = { ...original, status: { S: `bulk-${round}` } };
    const change: StagedChange = { kind: 'update', connectionId: CONN, table: TABLE, key: { id: original.id! }, original, item };
    const id = `${CONN}/${TABLE}/${JSON.stringify(original.id)}`;
    out.push({ id, connectionId: CONN, table: TABLE, update: toDelta(change)! });
  }
  return out;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'dynostage-bench-save-'));
  const store = new StagingStore(root);
  await store.load();
  const t: Record<string, number[]> = { parse: [], schema: [], apply: [], applyCpu: [], undoParse: [], undoApply: [], reload: [], oneAfterBulk: [] };
  let bytes = 0;
  let fileBytes = 0;
  try {
    for (let r = 0; r < ROUNDS + 1; r++) {
      const body = JSON.stringify({ entries: bulk(r) });
      bytes = body.length;
      let a = performance.now();
      const raw = JSON.parse(body) as unknown;
      let b = performance.now();
      const input = channels['staging:apply'].input.parse(raw) as { entries: StagingEntry[] };
      const c = performance.now();
      const cpu0 = process.cpuUsage();
      // With the body's text, as the web host passes it (BENCH_RAW=0: without, the Electron path).
      await store.apply(input.entries, process.env.BENCH_RAW === '0' ? undefined : body);
      const cpu = process.cpuUsage(cpu0);
      const d = performance.now();
      // One cell edit onto the table that now holds the bulk edit: what a small save costs.
      const one = input.entries.slice(0, 1).map((e) => ({ ...e, update: { ...e.update!, set: { status: { S: `one-${r}` } } } }));
      const o0 = performance.now();
      await store.apply(one);
      if (r > 0) t.oneAfterBulk!.push(performance.now() - o0);
      fileBytes = readdirSync(join(root, CONN)).reduce((n, f) => n + statSync(join(root, CONN, f)).size, 0);
      const l0 = performance.now();
      await new StagingStore(root).load();
      const l1 = performance.now();
      if (r > 0) {
        t.parse!.push(b - a);
        t.schema!.push(c - b);
        t.apply!.push(d - c);
        t.applyCpu!.push((cpu.user + cpu.system) / 1000);
        t.reload!.push(l1 - l0);
      }
      const undoBody = JSON.stringify({
        entries: input.entries.map((e) => ({ id: e.id, connectionId: e.connectionId, table: e.table })),
      });
      a = performance.now();
      const undoInput = channels['staging:apply'].input.parse(JSON.parse(undoBody)) as { entries: StagingEntry[] };
      b = performance.now();
      await store.apply(undoInput.entries, process.env.BENCH_RAW === '0' ? undefined : undoBody);
      const e = performance.now();
      if (r > 0) {
        t.undoParse!.push(b - a);
        t.undoApply!.push(e - b);
      }
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  console.log(`staging save of ${EDITS} updates: body ${(bytes / 1e6).toFixed(1)} MB, staging files ${(fileBytes / 1e6).toFixed(1)} MB, load ${loadavg()[0]!.toFixed(2)}`);
  for (const [k, v] of Object.entries(t)) console.log(`  ${k.padEnd(10)} ${median(v).toFixed(1)} ms median (${v.map((x) => x.toFixed(0)).join(', ')})`);
}

void main();

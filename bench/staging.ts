/**
 * Staging at scale, pure (no browser): 100,000 loaded items of about 1 KB and 20 attributes; one
 * bulk edit of 10,000 of them as a single undo step, then what the review needs (the grid's merged
 * view, the diffs of the review's first page, the plan summary, validation), then undo.
 * Prints each step's time (median of the rounds, first round beside it) and one JSON line.
 * Targets: bulk edit + diff + plan within 200 ms; undo within 50 ms.
 */
import { commitStep, emptyHistory, undo } from '../shared/changes/history';
import { mergeView } from '../shared/changes/mergeView';
import { emptyStaging, tableRef } from '../shared/changes/types';
import type { Edit } from '../shared/changes/types';
import { itemSize } from '../shared/dynamo/size';
import type { Item, KeySchema } from '../shared/dynamo/types';
import { planStaged } from '../renderer/src/features/review/planInputs';
import { changeDiff, reviewEntries } from '../renderer/src/features/review/reviewModel';
import { validateStaged } from '../renderer/src/features/review/validation';
import { buildBulkEdit } from '../renderer/src/features/staging/bulkEdit';

const ITEMS = Number(process.env.BENCH_ITEMS ?? 100_000);
const EDITS = Number(process.env.BENCH_EDITS ?? 10_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const PAGE = 50; // review entries rendered at once (the virtualised list shows fewer)
const CONN = 'sandbox';
const TABLE = 'BenchStaging';
const schema: KeySchema = {
  partitionKey: { name: 'pk', type: 'S' },
  sortKey: { name: 'sk', type: 'N' },
};
const schemas = { [tableRef(CONN, TABLE)]: schema };

function benchItem(i: number): Item {
  return {
    pk: { S: `tenant#${i % 500}` },
    sk: { N: String(i) },
    status: { S: ['open', 'pending', 'closed'][i % 3] as string },
    createdAt: { N: String(1_700_000_000_000 + i) },
    amount: { N: `${i % 1000}.${String(i % 97).padStart(2, '0')}` },
    name: { S: `Customer ${i % 5000}` },
    email: { S: `customer${i}@example.com` },
    tags: { SS: ['bench', `t${i % 13}`] },
    scores: { NS: [String(i % 7), String((i % 11) + 100)] },
    meta: {
      M: { region: { S: 'eu-west-1' }, vip: { BOOL: i % 10 === 0 }, tier: { N: String(i % 4) } },
    },
    history: { L: [{ S: 'created' }, { S: 'assigned' }, { N: String(i) }] },
    body: { S: `Ticket body ${i} `.padEnd(520, 'lorem ipsum ') },
    subject: { S: `Subject line for ticket number ${i}` },
    priority: { N: String(i % 5) },
    assignee: { S: `agent-${i % 40}` },
    open: { BOOL: i % 3 !== 2 },
    closedAt: i % 3 === 2 ? { N: String(1_700_100_000_000 + i) } : { NULL: true },
    channel: { S: ['email', 'phone', 'chat'][i % 3] as string },
    avatar: {
      B: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==',
    },
    version: { N: '1' },
  };
}

const time = <T>(fn: () => T): [T, number] => {
  const t0 = performance.now();
  const out = fn();
  return [out, performance.now() - t0];
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const ms = (x: number) => `${x.toFixed(1)} ms`;

function round(loaded: Item[]) {
  const targets = loaded.slice(0, EDITS).map((item) => ({
    target: { connectionId: CONN, table: TABLE, key: item, original: item },
    current: item,
  }));
  const [step, bulk] = time(() => {
    const r = buildBulkEdit(
      { kind: 'set', name: 'status', value: { S: 'archived' } },
      targets,
      schema,
    );
    return commitStep(emptyStaging, emptyHistory, r.edit as Edit, schemas);
  });
  const changes = step.state.changes;
  const [rows, merge] = time(() =>
    mergeView({ connectionId: CONN, table: TABLE, keySchema: schema }, loaded, changes),
  );
  const [, diff] = time(() => {
    const entries = reviewEntries(changes, { kinds: [], table: null });
    return entries.slice(0, PAGE).map((e) => changeDiff(e.change));
  });
  const [staged, planMs] = time(() => planStaged(changes, schemas));
  const [issues, validate] = time(() => validateStaged(changes, schemas, staged));
  const [undone, undoMs] = time(() => undo(step.state, step.history));
  if (Object.keys(changes).length !== EDITS || rows.length !== ITEMS)
    throw new Error('bench: wrong counts');
  if (issues.length !== 0 || Object.keys(undone.state.changes).length !== 0)
    throw new Error('bench: wrong result');
  return { bulk, merge, diff, plan: planMs, validate, undo: undoMs, summary: staged.summary };
}

function main(): void {
  const [loaded, gen] = time(() => Array.from({ length: ITEMS }, (_, i) => benchItem(i)));
  const avg = loaded.slice(0, 1000).reduce((n, it) => n + itemSize(it), 0) / 1000;
  console.log(
    `${ITEMS.toLocaleString('en-US')} items generated in ${ms(gen)}: ~${Math.round(avg)} B, ${Object.keys(loaded[0] as Item).length} attributes each`,
  );
  const runs = Array.from({ length: ROUNDS }, () => round(loaded));
  const first = runs[0] as ReturnType<typeof round>;
  const pick = (k: 'bulk' | 'merge' | 'diff' | 'plan' | 'validate' | 'undo') =>
    median(runs.map((r) => r[k]));
  const f = {
    bulk: pick('bulk'),
    merge: pick('merge'),
    diff: pick('diff'),
    plan: pick('plan'),
    validate: pick('validate'),
    undo: pick('undo'),
  };
  const reviewTotal = f.bulk + f.merge + f.diff + f.plan;
  const firstTotal = first.bulk + first.merge + first.diff + first.plan;
  const line = (label: string, k: keyof typeof f) =>
    console.log(`${label.padEnd(44)} ${ms(f[k]).padStart(10)}   (first round ${ms(first[k])})`);
  console.log(`median of ${ROUNDS} rounds:`);
  line(`bulk edit of ${EDITS.toLocaleString('en-US')} (build + commitStep)`, 'bulk');
  line('merged grid view (mergeView)', 'merge');
  line(`review diffs, first ${PAGE} entries`, 'diff');
  line('plan (shared/plan, summary)', 'plan');
  line('validation (shown beside the plan)', 'validate');
  line('undo of the bulk edit', 'undo');
  console.log(
    `bulk edit + diff + plan: ${ms(reviewTotal)} (target 200 ms), first round ${ms(firstTotal)}; undo ${ms(f.undo)} (target 50 ms)`,
  );
  const s = first.summary;
  console.log(
    `plan: ${s.puts} puts, ${s.deletes} deletes, ${s.requests} requests, ${s.wcu} WCU, ${s.bytes} bytes`,
  );
  console.log(
    JSON.stringify({
      bench: 'staging',
      items: ITEMS,
      edits: EDITS,
      rounds: ROUNDS,
      avgItemBytes: Math.round(avg),
      bulkEditMs: +f.bulk.toFixed(1),
      mergeViewMs: +f.merge.toFixed(1),
      diffMs: +f.diff.toFixed(1),
      planMs: +f.plan.toFixed(1),
      validateMs: +f.validate.toFixed(1),
      bulkDiffPlanMs: +reviewTotal.toFixed(1),
      firstRoundBulkDiffPlanMs: +firstTotal.toFixed(1),
      undoMs: +f.undo.toFixed(1),
      targetBulkDiffPlanMs: 200,
      targetUndoMs: 50,
      withinTargets: reviewTotal <= 200 && f.undo <= 50,
      plan: s,
    }),
  );
}

main();

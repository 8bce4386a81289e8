/** `dynostage apply` and `dynostage plan`. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { executeCommit } from '../server/commitEngine/executor';
import { resumeCommit } from '../server/commitEngine/resume';
import { isAtomicJournal, resumeAtomicCommit } from '../server/commitService/atomicCommit';
import type {
  CommitCallbacks,
  CommitOptions,
  CommitReport,
} from '../server/commitEngine/types';
import { plan } from '../shared/plan/plan';
import { toCliRequestFiles } from '../shared/plan/requestItems';
import { heldReason } from '../shared/plan/links';
import { writeFileAtomic } from '../server/files/atomicWrite';
import type { PlanInput } from '../shared/plan/types';
import { InvalidWritesError, validateWrites } from '../shared/validation/writes';
import { UsageError, type ApplyArgs } from './args';
import { describeKeys, makeClients, type Clients } from './connect';
import { cliConnectionId, verifyCliJournal } from './journalCheck';
import { keyOnlyMoves, readChanges } from './input';
import { ProgressBar } from './progressBar';
import { DEFAULT_TIME_BUDGET_S, ProgressWatch, UNLIMITED_ROUNDS } from './progressWatch';
import { summarize, summaryText } from './summary';

export interface Io {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown; isTTY?: boolean; columns?: number };
  env: NodeJS.ProcessEnv;
  /** Where the progress bar draws, unescaped (default stderr). */
  progressLine?: { write(s: string): unknown; columns?: number };
  /** Registers an interrupt (Ctrl-C) handler; returns a function that removes it. */
  onInterrupt(handler: () => void): () => void;
}

type Failure = { id: string; reason: string };

/** The operations of the FILEs, with their tables' key schemas; missing tables fail their ops. */
async function load(args: ApplyArgs, clients: Clients) {
  const ops = await readChanges(args.files, args.force);
  const tables = [...new Set(ops.map((o) => o.table))];
  const { schemas, shapes, missing } = await describeKeys(clients.control, tables);
  const gone = new Set(missing);
  const notFound = (t: string) => `ResourceNotFoundException: table "${t}" not found`;
  const failures: Failure[] = ops
    .filter((o) => gone.has(o.table))
    .map((o) => ({ id: o.id, reason: notFound(o.table) }));
  // A move whose copy cannot be written keeps its item: the delete is held, never sent unlinked.
  const unsent = new Map(ops.filter((o) => gone.has(o.table)).map((o) => [o.id, o]));
  const held: Failure[] = [];
  const present: PlanInput[] = [];
  for (const o of keyOnlyMoves(ops, schemas)) {
    if (gone.has(o.table)) continue;
    const put = o.kind === 'delete' && o.after !== undefined ? unsent.get(o.after) : undefined;
    if (put) held.push({ id: o.id, reason: heldReason(put, o.table, notFound(put.table)) });
    else present.push(o);
  }
  // Nothing is sent or written while any item is one DynamoDB would reject.
  const issues = validateWrites(present, shapes);
  if (issues.length > 0) throw new InvalidWritesError(issues);
  return { ops: present, schemas, failures, held };
}

/** Seeds the transactions' idempotency tokens: the same journal gives the same tokens. */
function atomicSeed(journal: string): string {
  return `cli:${path.resolve(journal)}`;
}

export async function runApply(args: ApplyArgs, io: Io): Promise<number> {
  if (args.journal && existsSync(args.journal)) {
    throw new UsageError(`journal ${args.journal} exists: resume it with --resume, or remove it`);
  }
  if (args.resume && !existsSync(args.resume)) throw new UsageError(`no journal at ${args.resume}`);
  const clients = makeClients(args, io.env);
  const ctl = new AbortController();
  const off = io.onInterrupt(() => {
    if (ctl.signal.aborted) return;
    io.stderr.write('\ncanceling: no new requests; waiting for those in flight…\n');
    ctl.abort();
  });
  const bar = io.stderr.isTTY ? new ProgressBar(io.progressLine ?? io.stderr) : null;
  const watch = new ProgressWatch((args.timeBudgetS ?? DEFAULT_TIME_BUDGET_S) * 1000, () =>
    ctl.abort(),
  );
  const callbacks: CommitCallbacks = {
    onProgress: (p) => {
      bar?.update(p);
      watch.saw(p.done + p.failed + p.canceled);
    },
  };
  const opts: CommitOptions = { signal: ctl.signal };
  if (args.concurrency !== undefined) opts.concurrency = args.concurrency;
  // An operation fails on an answer retrying cannot change, not after a number of rounds: the
  // time budget ends a run that makes no progress at all.
  opts.backoff = { maxRounds: args.maxRounds ?? UNLIMITED_ROUNDS };
  if (args.backoffBaseMs !== undefined) opts.backoff.baseMs = args.backoffBaseMs;
  if (args.backoffCapMs !== undefined) opts.backoff.capMs = args.backoffCapMs;
  try {
    let report: CommitReport;
    let failures: Failure[] = [];
    let held: Failure[] = [];
    const region = await clients.commit.config.region().catch(() => '(unset)');
    const connectionId = cliConnectionId(args, region);
    if (args.resume) {
      // Nothing is sent for a journal that was edited, damaged or planned for another connection.
      await verifyCliJournal(args.resume, connectionId);
      // An Atomic journal goes on as transactions (its scope and checks), never as batch writes.
      report = (await isAtomicJournal(args.resume))
        ? await resumeAtomicCommit(clients.commit, atomicSeed(args.resume), args.resume, {
            signal: ctl.signal,
            ...(args.maxRounds !== undefined ? { maxRounds: args.maxRounds } : {}),
            ...(args.backoffBaseMs !== undefined ? { backoffBaseMs: args.backoffBaseMs } : {}),
            ...(args.backoffCapMs !== undefined ? { backoffCapMs: args.backoffCapMs } : {}),
            onProgress: callbacks.onProgress!,
          })
        : await resumeCommit(clients.commit, args.resume, opts, callbacks);
    } else {
      const loaded = await load(args, clients);
      failures = loaded.failures;
      held = loaded.held;
      if (args.journal) opts.journal = { path: args.journal, connectionId };
      report = await executeCommit(clients.commit, loaded.ops, loaded.schemas, opts, callbacks);
    }
    bar?.done();
    watch.stop();
    if (report.journalError)
      io.stderr.write(`warning: journal not written: ${report.journalError}\n`);
    const s = summarize(report, failures, args.resume ?? args.journal, held);
    if (watch.expired) {
      s.stopped = `no operation was written for ${args.timeBudgetS ?? DEFAULT_TIME_BUDGET_S} s (--time-budget)`;
    }
    if (args.json) {
      io.stderr.write(summaryText(s));
      io.stdout.write(JSON.stringify(s) + '\n');
    } else io.stdout.write(summaryText(s));
    return s.failed + s.canceled + s.held + s.paused + s.conflicts === 0 ? 0 : 2;
  } finally {
    watch.stop();
    bar?.done();
    off();
    clients.destroy();
  }
}

export async function runPlan(args: ApplyArgs, io: Io): Promise<number> {
  const clients = makeClients(args, io.env);
  try {
    const loaded = await load(args, clients);
    const p = plan(loaded.ops, loaded.schemas);
    const rejected = [...loaded.failures, ...loaded.held, ...p.rejected];
    // Lines with "expect" are guarded writes (one conditional call each), the rest batch writes.
    const guarded = loaded.ops.filter((o) => o.guard).length;
    const s = guarded > 0 ? plan(loaded.ops.filter((o) => !o.guard), loaded.schemas).summary : p.summary;
    const lines = [
      `${s.puts} puts, ${s.deletes} deletes -> ${s.requests} BatchWriteItem requests, ${s.bytes} bytes, about ${s.wcu} WCU`,
    ];
    if (guarded > 0) {
      lines.push(
        `${guarded} guarded write${guarded === 1 ? '' : 's'} (a conditional single-item call each: written only if the item is still as loaded)`,
      );
    }
    if (p.collapsed.length > 0)
      lines.push(`${p.collapsed.length} changes superseded by a later change to the same key`);
    for (const r of rejected) lines.push(`cannot send ${r.id}: ${r.reason}`);
    if (args.out) {
      const files = toCliRequestFiles(p);
      for (const f of files) await writeFileAtomic(path.join(args.out, f.name), f.json); // 0600, folder 0700 if new
      lines.push(
        `wrote ${files.length} files to ${args.out} (aws dynamodb batch-write-item --request-items file://…)`,
      );
      if (guarded > 0)
        lines.push(`the ${guarded} guarded writes are plain batch writes in those files (last writer wins)`);
    }
    const text = lines.join('\n') + '\n';
    if (args.json) {
      io.stderr.write(text);
      io.stdout.write(JSON.stringify({ ...s, guarded, rejected, collapsed: p.collapsed }) + '\n');
    } else io.stdout.write(text);
    return rejected.length === 0 ? 0 : 2;
  } finally {
    clients.destroy();
  }
}

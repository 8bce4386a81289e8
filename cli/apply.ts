/** `dynostage apply` and `dynostage plan`. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { executeCommit } from '../electron/backend/commit/executor';
import { resumeCommit } from '../electron/backend/commit/resume';
import type {
  CommitCallbacks,
  CommitOptions,
  CommitReport,
} from '../electron/backend/commit/types';
import { plan } from '../shared/plan/plan';
import { toCliRequestFiles } from '../shared/plan/requestItems';
import { writeFileAtomic } from '../electron/backend/files/atomicWrite';
import type { PlanInput } from '../shared/plan/types';
import { UsageError, type ApplyArgs } from './args';
import { describeKeys, makeClients, type Clients } from './connect';
import { readChanges } from './input';
import { ProgressBar } from './progressBar';
import { summarize, summaryText } from './summary';

export interface Io {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown; isTTY?: boolean; columns?: number };
  env: NodeJS.ProcessEnv;
  /** Registers an interrupt (Ctrl-C) handler; returns a function that removes it. */
  onInterrupt(handler: () => void): () => void;
}

type Failure = { id: string; reason: string };

/** The operations of the FILEs, with their tables' key schemas; missing tables fail their ops. */
async function load(args: ApplyArgs, clients: Clients) {
  const ops = await readChanges(args.files);
  const tables = [...new Set(ops.map((o) => o.table))];
  const { schemas, missing } = await describeKeys(clients.control, tables);
  const gone = new Set(missing);
  const failures: Failure[] = ops
    .filter((o) => gone.has(o.table))
    .map((o) => ({ id: o.id, reason: `ResourceNotFoundException: table "${o.table}" not found` }));
  const present: PlanInput[] = ops.filter((o) => !gone.has(o.table));
  return { ops: present, schemas, failures };
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
  const bar = io.stderr.isTTY ? new ProgressBar(io.stderr) : null;
  const callbacks: CommitCallbacks = bar ? { onProgress: (p) => bar.update(p) } : {};
  const opts: CommitOptions = { signal: ctl.signal };
  if (args.concurrency !== undefined) opts.concurrency = args.concurrency;
  opts.backoff = {};
  if (args.maxRounds !== undefined) opts.backoff.maxRounds = args.maxRounds;
  if (args.backoffBaseMs !== undefined) opts.backoff.baseMs = args.backoffBaseMs;
  if (args.backoffCapMs !== undefined) opts.backoff.capMs = args.backoffCapMs;
  try {
    let report: CommitReport;
    let failures: Failure[] = [];
    if (args.resume) {
      report = await resumeCommit(clients.commit, args.resume, opts, callbacks);
    } else {
      const loaded = await load(args, clients);
      failures = loaded.failures;
      if (args.journal) opts.journal = { path: args.journal };
      report = await executeCommit(clients.commit, loaded.ops, loaded.schemas, opts, callbacks);
    }
    bar?.done();
    if (report.journalError)
      io.stderr.write(`warning: journal not written: ${report.journalError}\n`);
    const s = summarize(report, failures, args.resume ?? args.journal);
    if (args.json) {
      io.stderr.write(summaryText(s));
      io.stdout.write(JSON.stringify(s) + '\n');
    } else io.stdout.write(summaryText(s));
    return s.failed === 0 && s.canceled === 0 ? 0 : 2;
  } finally {
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
    const s = p.summary;
    const rejected = [...loaded.failures, ...p.rejected];
    const lines = [
      `${s.puts} puts, ${s.deletes} deletes -> ${s.requests} BatchWriteItem requests, ${s.bytes} bytes, about ${s.wcu} WCU`,
    ];
    if (p.collapsed.length > 0)
      lines.push(`${p.collapsed.length} changes superseded by a later change to the same key`);
    for (const r of rejected) lines.push(`cannot send ${r.id}: ${r.reason}`);
    if (args.out) {
      const files = toCliRequestFiles(p);
      for (const f of files) await writeFileAtomic(path.join(args.out, f.name), f.json); // 0600, folder 0700 if new
      lines.push(
        `wrote ${files.length} files to ${args.out} (aws dynamodb batch-write-item --request-items file://…)`,
      );
    }
    const text = lines.join('\n') + '\n';
    if (args.json) {
      io.stderr.write(text);
      io.stdout.write(JSON.stringify({ ...s, rejected, collapsed: p.collapsed }) + '\n');
    } else io.stdout.write(text);
    return rejected.length === 0 ? 0 : 2;
  } finally {
    clients.destroy();
  }
}

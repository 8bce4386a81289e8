/**
 * The commit journal: the plan, written durably before the first request, then one JSON line per
 * response with what it settled. A killed commit resumes from it; a torn last line is ignored.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import {
  canonicalJson,
  describeIssues,
  journalEntrySchema,
  journalHeaderSchema,
} from '../../shared/journal/schema';
import type { AtomicCheck, AtomicScope } from '../../shared/plan/atomicPlan';
import type { KeySchemasByTable, PlanInput } from '../../shared/plan/types';
import { reasonForDisk } from '../connections/errors';
import { writeFileAtomic } from '../files/atomicWrite';

export interface JournalHeader {
  journal: 'dynostage-commit';
  version: 1;
  createdAt: string;
  keySchemas: KeySchemasByTable;
  ops: PlanInput[];
  /** The connection the plan was made for (absent in CLI journals). */
  connectionId?: string;
  /** Atomic mode's commit: resumed as transactions with the same scope and checks. */
  atomic?: { scope: AtomicScope; checks: AtomicCheck[] };
  /** See journalHash; absent only in journals written before it existed. */
  hash?: string;
}

/** A journal line that does not validate: `line` is 1-based; the message names no file. */
export class JournalInvalidError extends Error {
  constructor(
    readonly line: number,
    readonly detail: string,
  ) {
    super(`line ${line} ${detail}`);
  }
}

/** sha256 of the connection, key schemas and planned ops: any change to them changes it. */
export function journalHash(h: Pick<JournalHeader, 'connectionId' | 'keySchemas' | 'ops' | 'atomic'>): string {
  const atomic = h.atomic ? { atomic: h.atomic } : {};
  return createHash('sha256')
    .update(canonicalJson({ connectionId: h.connectionId ?? null, keySchemas: h.keySchemas, ops: h.ops, ...atomic }))
    .digest('hex');
}

export type JournalEntry =
  | { written: string[] }
  | { failed: { id: string; reason: string }[] }
  | { held: { id: string; reason: string }[] }
  | { conflicts: string[] };

export interface LoadedJournal {
  header: JournalHeader;
  /** Operations not yet written, in plan order: what a resume sends. */
  pending: PlanInput[];
  written: Set<string>;
  /** Operations the last run reported failed (still pending: a resume tries them again). */
  failed: Map<string, string>;
  /** Bytes of whole lines; anything after them is a torn write. */
  validBytes: number;
  tornTail: boolean;
  /** ok: the header's hash matches its plan; changed: it does not; unsigned: it has none. */
  integrity: 'ok' | 'changed' | 'unsigned';
}

/** Appends entries with group commit: lines queued while a write+fsync runs share the next one. */
export class JournalWriter {
  private queue: string[] = [];
  private running: Promise<void> | null = null;
  error: Error | null = null;

  private constructor(
    readonly file: string,
    private readonly handle: fs.FileHandle,
  ) {}

  /** Writes the header atomically (files/atomicWrite: temp, fsync, rename, folder fsync, 0600), then opens it to append. */
  static async create(file: string, header: JournalHeader): Promise<JournalWriter> {
    // Hashed as it will be read back (after JSON), so that undefined fields cannot differ.
    const hash = journalHash(JSON.parse(JSON.stringify(header)) as JournalHeader);
    // Journals hold items: private, like every data file.
    await writeFileAtomic(file, JSON.stringify({ ...header, hash }) + '\n', { createDir: false });
    return new JournalWriter(file, await fs.open(file, 'a'));
  }

  /** Reopens a loaded journal to append, cutting off a torn last line first. */
  static async reopen(file: string, loaded: LoadedJournal): Promise<JournalWriter> {
    await fs.truncate(file, loaded.validBytes);
    const h = await fs.open(file, 'a');
    const w = new JournalWriter(file, h);
    const size = (await h.stat()).size;
    if (size > 0) {
      const last = Buffer.alloc(1);
      const r = await fs.open(file, 'r');
      await r.read(last, 0, 1, size - 1).finally(() => r.close());
      if (last[0] !== 0x0a) await h.write('\n');
    }
    await h.sync();
    return w;
  }

  append(entry: JournalEntry): void {
    if ('failed' in entry) entry = { failed: entry.failed.map((f) => ({ ...f, reason: reasonForDisk(f.reason) })) };
    this.queue.push(JSON.stringify(entry) + '\n');
    if (!this.running) this.running = this.drain();
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0 && !this.error) {
      const chunk = this.queue.join('');
      this.queue = [];
      try {
        await this.handle.write(chunk);
        await this.handle.sync();
      } catch (err) {
        this.error = err instanceof Error ? err : new Error(String(err));
      }
    }
    this.running = null;
  }

  /** Resolves when everything appended so far is on disk; rejects if a write failed. */
  async flush(): Promise<void> {
    while (this.running) await this.running;
    if (this.error) throw this.error;
  }

  async close(): Promise<void> {
    try {
      await this.flush();
    } finally {
      await this.handle.close();
    }
  }
}

/**
 * Reads a journal: what was written, what failed, and the pending operations to resume. Every line
 * is checked against the journal schemas; the first that does not validate throws JournalInvalidError.
 */
export async function loadJournal(file: string): Promise<LoadedJournal> {
  const buf = await fs.readFile(file);
  const lastNl = buf.lastIndexOf(0x0a);
  const body = buf.subarray(0, lastNl + 1).toString('utf8');
  const lines = body.split('\n').slice(0, -1);
  let validBytes = lastNl + 1;
  let tornTail = false;
  const tail = buf.subarray(lastNl + 1).toString('utf8');
  if (tail.trim() !== '') {
    try {
      JSON.parse(tail);
      lines.push(tail); // complete but for its newline
      validBytes = buf.length;
    } catch {
      tornTail = true;
    }
  }
  const [first, ...rest] = lines;
  let raw: unknown;
  try {
    raw = JSON.parse(first ?? '');
  } catch {
    throw new JournalInvalidError(1, 'is not a DynoStage commit journal (no plan line)');
  }
  if ((raw as { journal?: unknown } | null)?.journal !== 'dynostage-commit')
    throw new JournalInvalidError(1, 'is not a DynoStage commit journal');
  const parsedHeader = journalHeaderSchema.safeParse(raw);
  if (!parsedHeader.success)
    throw new JournalInvalidError(1, `(the plan) does not validate (${describeIssues(parsedHeader.error)})`);
  const header = parsedHeader.data as JournalHeader;
  // The raw line, not the parsed one: parsing may normalise what the hash was taken over.
  const integrity = !header.hash
    ? 'unsigned'
    : journalHash(raw as JournalHeader) === header.hash
      ? 'ok'
      : 'changed';
  const written = new Set<string>();
  const failed = new Map<string, string>();
  rest.forEach((line, i) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new JournalInvalidError(i + 2, 'is corrupt (not JSON)');
    }
    const parsed = journalEntrySchema.safeParse(value);
    if (!parsed.success)
      throw new JournalInvalidError(i + 2, `is not an outcome line (${describeIssues(parsed.error)})`);
    const entry = parsed.data;
    if ('written' in entry)
      for (const id of entry.written) {
        written.add(id);
        failed.delete(id);
      }
    if ('failed' in entry) for (const f of entry.failed) failed.set(f.id, f.reason);
  });
  const pending = header.ops.filter((op) => !written.has(op.id));
  return { header, pending, written, failed, validBytes, tornTail, integrity };
}

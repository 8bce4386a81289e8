import { readdir, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { StagedChange } from '../../shared/changes/types';
import type { StagingEntry, StagingProblem } from '../../shared/contract/staging';
import { tableFile } from './files';
import { changeOf, heldOf, logEntryOfHeld, type Held, type Spliced } from './held';
import { appendRecord, cutTo, removeLog, writeWholeLog } from './logFile';
import { parseStagingFile, recordJson, type LineBytes } from './logFormat';
import { JsonTexts, splicedEntry, splicedRecord } from './byRef';

/** A log past COMPACT_RATIO times its live entries' bytes plus COMPACT_SLACK is compacted. */
export const COMPACT_RATIO = 2;
export const COMPACT_SLACK = 1024 * 1024;

interface TableState {
  connectionId: string;
  table: string;
  changes: Map<string, Held>;
  /** Bytes each live entry takes in a record (about what a compaction writes for it). */
  sizes: Map<string, number>;
  /** The sum of `sizes`. */
  live: number;
  /** Bytes of the file up to the end of its last whole record; 0: there is no file. */
  fileBytes: number;
  /** Rewrite the file whole before appending (it is version 1, or an append failed). */
  rewrite: boolean;
}

/** What one apply did to one table: enough to put it back if its write fails. */
interface Touch {
  ref: string;
  t: TableState;
  created: boolean;
  /** Each entry's JSON (an entry with a spliced original: pieces of it, see byRef.ts). */
  parts: (string | [string, Uint8Array])[];
  /** The record's JSON when it is the request's own text (see apply's `raw`), else built from parts. */
  json?: string | LineBytes;
  /** The entries whose original is spliced in, in order (their bytes end up in the record's). */
  spliced?: Spliced[];
  /** Each touched id's change and size before the apply. */
  before: Map<string, [Held | undefined, number | undefined]>;
}

const refOf = (connectionId: string, table: string) => JSON.stringify([connectionId, table]);

/**
 * Whether a request's raw text can be the record as it is: one line (the log splits on "\n"; JSON
 * has raw newlines only as whitespace), an object, and every entry for one table.
 */
function rawUsable(raw: string, entries: readonly StagingEntry[]): boolean {
  if (entries.length === 0 || raw[0] !== '{' || raw.includes('\n')) return false;
  const { connectionId, table } = entries[0]!;
  return entries.every((e) => e.connectionId === connectionId && e.table === table);
}

function setSize(t: TableState, id: string, size: number | undefined): void {
  t.live -= t.sizes.get(id) ?? 0;
  if (size === undefined) t.sizes.delete(id);
  else {
    t.sizes.set(id, size);
    t.live += size;
  }
}

/**
 * The durable staging area: staged changes per connection and table, one append-only log file
 * each (logFormat.ts: a save appends only the entries it changed, fsynced before it is
 * acknowledged; compacted when mostly superseded). In memory it mirrors the files.
 */
export class StagingStore {
  private readonly tables = new Map<string, TableState>();
  private loaded = false;
  private problems: StagingProblem[] = [];
  private queue: Promise<unknown> = Promise.resolve();
  /** Applied saves so far: a commit names the one its review's staging was saved with. */
  private revision = 0;

  constructor(private readonly root: string) {}

  /** Reads every file once; unreadable ones are moved aside and reported, never dropped. */
  async load(): Promise<{ entries: { id: string; change: StagedChange }[]; problems: StagingProblem[]; revision: number }> {
    if (!this.loaded) await this.readAll();
    const entries: { id: string; change: StagedChange }[] = [];
    for (const t of this.tables.values()) for (const [id, h] of t.changes) entries.push({ id, change: changeOf(h) });
    return { entries, problems: [...this.problems], revision: this.revision };
  }

  /**
   * Applies entries and appends them to the touched tables' logs; resolves once they are on disk.
   * `raw`: the JSON text the request's {entries} was parsed from (the web host's body), written
   * as the record itself when every entry is for one table, instead of serialising each entry
   * again (a bulk edit's 10,000 originals). It reloads to what memory holds: the schema only
   * checks (no transforms), and keys it drops on input it drops again on reload.
   * `originals`: for each entry with an updateRef, the bytes it names (byRef.ts resolveOriginals),
   * written as its original and held unparsed until read.
   */
  apply(
    entries: StagingEntry[],
    raw?: string,
    originals?: readonly (Uint8Array | undefined)[],
  ): Promise<{ saved: number; tables: number; revision: number }> {
    const unresolved = entries.findIndex((e, at) => e.updateRef && !originals?.[at]);
    if (unresolved >= 0) return Promise.reject(new Error(`entries[${unresolved}]: its named original was not resolved`));
    const run = async () => {
      if (!this.loaded) await this.readAll();
      const touched = new Map<string, Touch>();
      const useRaw = raw !== undefined && rawUsable(raw, entries);
      const each = useRaw ? Math.ceil(raw.length / Math.max(1, entries.length)) : 0;
      let last: Touch | undefined;
      const texts = new JsonTexts();
      for (let at = 0; at < entries.length; at++) {
        const e = entries[at]!;
        // A bulk edit's entries are all for one table: its group is found once.
        const same = last && last.t.connectionId === e.connectionId && last.t.table === e.table;
        const ref = same ? last!.ref : refOf(e.connectionId, e.table);
        let g = same ? last : touched.get(ref);
        if (!g) {
          const existing = this.tables.get(ref);
          const t = existing ?? this.newTable(e.connectionId, e.table);
          if (!existing) this.tables.set(ref, t);
          g = { ref, t, created: !existing, parts: [], before: new Map() };
          touched.set(ref, g);
        }
        last = g;
        const { t } = g;
        if (!g.before.has(e.id)) g.before.set(e.id, [t.changes.get(e.id), t.sizes.get(e.id)]);
        const original = e.updateRef ? originals?.[at] : undefined;
        const held = heldOf(e, original);
        if (held) t.changes.set(e.id, held);
        else t.changes.delete(e.id);
        if (held?.spliced) {
          const pieces = splicedEntry(e.id, held.spliced, texts);
          g.parts.push(pieces);
          (g.spliced ??= []).push(held.spliced);
          setSize(t, e.id, pieces[0].length + held.spliced.original.byteLength + 2);
          continue;
        }
        if (useRaw) {
          setSize(t, e.id, held ? each : undefined);
          continue;
        }
        // Written as it came: an update's delta is half the bytes of its whole change.
        const part = JSON.stringify(held ? logEntryOfHeld(e.id, held) : { id: e.id });
        g.parts.push(part);
        setSize(t, e.id, held ? part.length : undefined);
      }
      if (useRaw) for (const g of touched.values()) g.json = raw;
      for (const g of touched.values()) if (g.spliced) g.json = splicedRecord(g.parts, g.spliced);
      const written = new Set<string>();
      try {
        for (const g of touched.values()) {
          await this.persist(g);
          written.add(g.ref);
        }
      } catch (err) {
        // Memory never claims changes the disk does not have (the caller's error says so).
        for (const g of touched.values()) if (!written.has(g.ref)) this.rollback(g);
        throw err;
      }
      for (const g of touched.values()) {
        const { t } = g;
        if (t.fileBytes > COMPACT_RATIO * t.live + COMPACT_SLACK) this.compactLater(g.ref);
      }
      return { saved: entries.length, tables: touched.size, revision: ++this.revision };
    };
    return this.enqueue(run);
  }

  /** The revision once every save asked for so far is applied (or failed). */
  async savedRevision(): Promise<number> {
    await this.queue;
    return this.revision;
  }

  /** All staged changes of one connection (for the commit engine). */
  async changesOf(connectionId: string): Promise<Map<string, StagedChange>> {
    if (!this.loaded) await this.readAll();
    const out = new Map<string, StagedChange>();
    for (const t of this.tables.values()) {
      if (t.connectionId === connectionId) for (const [id, h] of t.changes) out.set(id, changeOf(h));
    }
    return out;
  }

  /** Writes are serialised so that two quick actions never interleave their records. */
  private enqueue<T>(run: () => Promise<T>): Promise<T> {
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private newTable(connectionId: string, table: string): TableState {
    return { connectionId, table, changes: new Map(), sizes: new Map(), live: 0, fileBytes: 0, rewrite: false };
  }

  private fileOf(t: TableState): string {
    return tableFile(this.root, t.connectionId, t.table);
  }

  private async persist(g: Touch): Promise<void> {
    const { t } = g;
    const file = this.fileOf(t);
    if (t.changes.size === 0) {
      await removeLog(file);
      t.fileBytes = 0;
      t.rewrite = false;
      this.tables.delete(g.ref);
    } else if (t.fileBytes === 0 || t.rewrite) {
      // No file yet: memory holds only this save's entries, already serialised.
      const json = t.rewrite ? recordJson(this.allParts(t)) : (g.json ?? recordJson(g.parts as string[]));
      t.fileBytes = await writeWholeLog(this.root, file, t.connectionId, t.table, json);
      t.rewrite = false;
    } else {
      try {
        t.fileBytes = await appendRecord(file, t.fileBytes, g.json ?? recordJson(g.parts as string[]));
      } catch (err) {
        t.rewrite = true; // the cut back may have failed too: the next save rewrites the file
        throw err;
      }
    }
  }

  private rollback(g: Touch): void {
    const { t } = g;
    for (const [id, [change, size]] of g.before) {
      if (change) t.changes.set(id, change);
      else t.changes.delete(id);
      setSize(t, id, size);
    }
    if (g.created) this.tables.delete(g.ref);
  }

  /** Every live entry serialised (sizes refreshed): the one record of a whole file. */
  private allParts(t: TableState): string[] {
    const parts: string[] = [];
    t.sizes.clear();
    t.live = 0;
    for (const [id, h] of t.changes) {
      const part = JSON.stringify(logEntryOfHeld(id, h));
      parts.push(part);
      setSize(t, id, part.length);
    }
    return parts;
  }

  /** Rewrites a mostly superseded log after the current save is acknowledged (not before). */
  private compactLater(ref: string): void {
    void this.enqueue(async () => {
      const t = this.tables.get(ref);
      if (!t || t.changes.size === 0 || t.fileBytes <= COMPACT_RATIO * t.live + COMPACT_SLACK) return;
      t.fileBytes = await writeWholeLog(this.root, this.fileOf(t), t.connectionId, t.table, recordJson(this.allParts(t)));
      t.rewrite = false;
    }).catch(() => undefined); // the log as it is stays valid; the next save tries again
  }

  private async readAll(): Promise<void> {
    this.loaded = true;
    const conns = await readdir(this.root, { withFileTypes: true }).catch(() => []);
    for (const c of conns) {
      if (!c.isDirectory()) continue;
      const dir = join(this.root, c.name);
      for (const f of await readdir(dir)) {
        if (f.endsWith('.tmp')) continue; // a write that never finished: the old file is intact
        if (!f.endsWith('.json')) continue;
        await this.readFileInto(join(dir, f));
      }
    }
  }

  private async readFileInto(file: string): Promise<void> {
    try {
      const parsed = parseStagingFile(await readFile(file));
      const t = this.newTable(parsed.connectionId, parsed.table);
      for (const r of parsed.records) {
        const each = Math.ceil(r.bytes / Math.max(1, r.entries.length));
        for (const e of r.entries) {
          const held = heldOf(e);
          if (held) t.changes.set(e.id, held);
          else t.changes.delete(e.id);
          setSize(t, e.id, held ? each : undefined);
        }
      }
      t.fileBytes = parsed.validBytes;
      t.rewrite = parsed.version === 1;
      if (parsed.torn) {
        // A save that never finished: cut it off so that the next record follows a whole one.
        await cutTo(file, parsed.validBytes).catch(() => (t.rewrite = true));
      }
      this.tables.set(refOf(parsed.connectionId, parsed.table), t);
    } catch (err) {
      const movedTo = `${file}.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      await rename(file, movedTo);
      const message = err instanceof z.ZodError ? 'unexpected content' : (err as Error).message;
      this.problems.push({ file, message: `Could not read staged changes: ${message}`, movedTo });
    }
  }
}

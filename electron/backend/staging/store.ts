import { readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { StagedChange } from '../../../shared/changes/types';
import { fromDelta } from '../../../shared/changes/wire';
import {
  stagedChangeSchema,
  type StagingEntry,
  type StagingProblem,
} from '../../../shared/contract/staging';
import { ensurePrivateDir } from '../files/atomicWrite';
import { writeFileAtomic } from '../files/atomicWrite';
import { tableFile } from './files';

const fileSchema = z.object({
  version: z.literal(1),
  connectionId: z.string(),
  table: z.string(),
  changes: z.record(z.string(), stagedChangeSchema),
});

type TableChanges = Map<string, StagedChange>;

/**
 * The durable staging area: staged changes per connection and table, one JSON file each, rewritten
 * atomically after every staging action. In memory it mirrors the files.
 */
export class StagingStore {
  private readonly tables = new Map<
    string,
    { connectionId: string; table: string; changes: TableChanges }
  >();
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
    for (const t of this.tables.values()) for (const [id, change] of t.changes) entries.push({ id, change });
    return { entries, problems: [...this.problems], revision: this.revision };
  }

  /** Applies entries and writes the touched tables' files; resolves once they are on disk. */
  apply(entries: StagingEntry[]): Promise<{ saved: number; tables: number; revision: number }> {
    const run = async () => {
      if (!this.loaded) await this.readAll();
      const touched = new Set<string>();
      // What each touched table held before: a failed write puts it back, so memory never
      // claims changes the disk does not have (and the caller's error says they were not saved).
      const before = new Map<string, Map<string, StagedChange> | undefined>();
      for (const e of entries) {
        const ref = JSON.stringify([e.connectionId, e.table]);
        let t = this.tables.get(ref);
        if (!before.has(ref)) before.set(ref, t && new Map(t.changes));
        if (!t) {
          t = { connectionId: e.connectionId, table: e.table, changes: new Map() };
          this.tables.set(ref, t);
        }
        const change = e.change ?? (e.update && fromDelta(e.update));
        if (change) t.changes.set(e.id, change);
        else t.changes.delete(e.id);
        touched.add(ref);
      }
      const written = new Set<string>();
      try {
        for (const ref of touched) {
          await this.writeTable(ref);
          written.add(ref);
        }
      } catch (err) {
        for (const [ref, old] of before) {
          if (written.has(ref)) continue;
          const t = this.tables.get(ref);
          if (old && t) t.changes = old;
          else if (old) {
            const [connectionId, table] = JSON.parse(ref) as [string, string];
            this.tables.set(ref, { connectionId, table, changes: old });
          } else this.tables.delete(ref);
        }
        throw err;
      }
      return { saved: entries.length, tables: touched.size, revision: ++this.revision };
    };
    // Writes are serialised so that two quick actions never interleave their files.
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
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
      if (t.connectionId === connectionId) for (const [id, c] of t.changes) out.set(id, c);
    }
    return out;
  }

  private async writeTable(ref: string): Promise<void> {
    const t = this.tables.get(ref);
    if (!t) return;
    const file = tableFile(this.root, t.connectionId, t.table);
    if (t.changes.size === 0) {
      await rm(file, { force: true });
      this.tables.delete(ref);
      return;
    }
    await ensurePrivateDir(this.root);
    await ensurePrivateDir(join(file, '..'));
    const body = {
      version: 1,
      connectionId: t.connectionId,
      table: t.table,
      changes: Object.fromEntries(t.changes),
    };
    await writeFileAtomic(file, JSON.stringify(body));
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
      const parsed = fileSchema.parse(JSON.parse(await readFile(file, 'utf8')));
      const ref = JSON.stringify([parsed.connectionId, parsed.table]);
      this.tables.set(ref, {
        connectionId: parsed.connectionId,
        table: parsed.table,
        changes: new Map(Object.entries(parsed.changes)),
      });
    } catch (err) {
      const movedTo = `${file}.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      await rename(file, movedTo);
      const message = err instanceof z.ZodError ? 'unexpected content' : (err as Error).message;
      this.problems.push({ file, message: `Could not read staged changes: ${message}`, movedTo });
    }
  }
}

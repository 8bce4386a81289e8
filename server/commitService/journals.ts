import { readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { PendingCommit } from '../../shared/contract/commit';
import type { Item, KeySchema } from '../../shared/dynamo/types';
import { journalMetaSchema } from '../../shared/journal/schema';
import { JournalInvalidError, loadJournal, type LoadedJournal } from '../commitEngine/journal';
import { ensurePrivateDir, writeFileAtomic } from '../files/atomicWrite';

const SAMPLE_KEYS = 20;

/** Pending operations counted by table and kind, and the keys of the first SAMPLE_KEYS of them. */
function pendingSummary(j: LoadedJournal): Pick<PendingCommit, 'byTable' | 'sample'> {
  const counts = new Map<string, { table: string; kind: 'put' | 'delete'; count: number }>();
  const sample: NonNullable<PendingCommit['sample']> = [];
  for (const op of j.pending) {
    const at = JSON.stringify([op.table, op.kind]);
    const c = counts.get(at) ?? { table: op.table, kind: op.kind, count: 0 };
    c.count += 1;
    counts.set(at, c);
    if (sample.length < SAMPLE_KEYS) {
      const key = op.kind === 'delete' ? op.key : keyOf(op.item, j.header.keySchemas[op.table]);
      sample.push({ table: op.table, kind: op.kind, key });
    }
  }
  return { byTable: [...counts.values()], sample };
}

function keyOf(item: Item, schema: KeySchema | undefined): Item {
  if (!schema) return item;
  const key: Item = {};
  for (const name of [schema.partitionKey.name, schema.sortKey?.name]) {
    const v = name === undefined ? undefined : Object.getOwnPropertyDescriptor(item, name)?.value;
    if (name !== undefined && v !== undefined)
      Object.defineProperty(key, name, { value: v, enumerable: true, writable: true, configurable: true });
  }
  return key;
}

/** Where commit journals live, with a small sidecar that says which connection each belongs to. */
export class JournalFolder {
  constructor(readonly dir: string) {}

  journalPath(commitId: string): string {
    return join(this.dir, `${commitId}.journal`);
  }

  async begin(commitId: string, connectionId: string): Promise<string> {
    await ensurePrivateDir(this.dir);
    await writeFileAtomic(join(this.dir, `${commitId}.meta.json`), JSON.stringify({ connectionId }));
    return this.journalPath(commitId);
  }

  /**
   * The connection a journal belongs to, after checking every line of the journal and its
   * sidecar: a journal that does not validate is refused with a message naming the commit (never
   * a path on the user's disk).
   */
  async connectionOf(commitId: string): Promise<string> {
    return (await this.verified(commitId)).connectionId;
  }

  /** The loaded journal and its connection; throws a message naming the commit when either is bad. */
  async verified(commitId: string): Promise<{ journal: LoadedJournal; connectionId: string }> {
    const refuse = (why: string): Error =>
      new Error(`the journal of commit ${commitId} ${why}; discard it (its unwritten changes stay staged: commit them again)`);
    let journal: LoadedJournal;
    try {
      journal = await loadJournal(this.journalPath(commitId));
    } catch (err) {
      if (err instanceof JournalInvalidError) throw refuse(`is not valid (${err.message})`);
      throw refuse('cannot be read');
    }
    let meta: unknown;
    try {
      meta = JSON.parse(await readFile(join(this.dir, `${commitId}.meta.json`), 'utf8'));
    } catch {
      throw refuse('has no readable connection record (meta.json)');
    }
    const parsed = journalMetaSchema.safeParse(meta);
    if (!parsed.success) throw refuse('has a connection record (meta.json) that does not validate');
    const { connectionId } = parsed.data;
    const changed = (why: string) => refuse(`was changed after it was written (${why})`);
    if (journal.integrity === 'unsigned') throw changed('its plan carries no hash');
    if (journal.integrity === 'changed') throw changed('its plan no longer matches the hash written with it');
    if (journal.header.connectionId !== connectionId)
      throw changed(`it was planned for connection ${journal.header.connectionId ?? '(none)'}, its record names ${connectionId}`);
    return { journal, connectionId };
  }

  /** A finished commit leaves no journal behind: nothing is left to resume. */
  async finish(commitId: string): Promise<void> {
    await rm(this.journalPath(commitId), { force: true });
    await rm(join(this.dir, `${commitId}.meta.json`), { force: true });
  }

  /** Keeps the journal (renamed) for a human to look at, but stops offering it. */
  async discard(commitId: string): Promise<boolean> {
    const from = this.journalPath(commitId);
    try {
      await rename(from, `${from}.discarded`);
      await rm(join(this.dir, `${commitId}.meta.json`), { force: true });
      return true;
    } catch {
      return false;
    }
  }

  /** Journals that were not finished: a crash, a kill or a power cut in the middle of a commit. */
  async pending(running: ReadonlySet<string>): Promise<PendingCommit[]> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    const out: PendingCommit[] = [];
    for (const name of names) {
      if (!name.endsWith('.journal')) continue;
      const commitId = name.slice(0, -'.journal'.length);
      if (running.has(commitId)) continue;
      try {
        const { journal: j, connectionId } = await this.verified(commitId);
        out.push({
          commitId,
          connectionId,
          createdAt: j.header.createdAt,
          total: j.header.ops.length,
          written: j.written.size,
          pending: j.pending.length,
          ...pendingSummary(j),
        });
      } catch (err) {
        // Listed with its reason so that the user can discard it; Resume would be refused.
        const problem = err instanceof Error ? err.message : String(err);
        out.push({ commitId, connectionId: '', createdAt: '', total: 0, written: 0, pending: 0, problem });
      }
    }
    return out.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }
}

import { readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { PendingCommit } from '../../../shared/contract/commit';
import { journalMetaSchema } from '../../../shared/journal/schema';
import { JournalInvalidError, loadJournal, type LoadedJournal } from '../commit/journal';
import { ensurePrivateDir, writeFileAtomic } from '../files/atomicWrite';

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
      new Error(`the journal of commit ${commitId} ${why}; discard it or resume it from the CLI after review`);
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
        const j = await loadJournal(join(this.dir, name));
        out.push({
          commitId,
          connectionId: await this.connectionOf(commitId),
          createdAt: j.header.createdAt,
          total: j.header.ops.length,
          written: j.written.size,
          pending: j.pending.length,
        });
      } catch {
        // A journal whose plan line never reached the disk wrote nothing: the commit never started.
      }
    }
    return out.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }
}

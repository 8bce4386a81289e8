import { readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { PendingCommit } from '../../../shared/contract/commit';
import { loadJournal } from '../commit/journal';
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

  async connectionOf(commitId: string): Promise<string> {
    const meta = JSON.parse(await readFile(join(this.dir, `${commitId}.meta.json`), 'utf8')) as {
      connectionId: string;
    };
    return meta.connectionId;
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

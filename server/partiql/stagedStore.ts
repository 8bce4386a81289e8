/**
 * Staged PartiQL writes, saved in the data directory beside the staged item changes (one file,
 * written atomically after every change) so that they survive reloads and restarts.
 */
import { mkdir, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { stagedStatementSchema, type StagedStatement } from '../../shared/contract/partiql';
import { writeFileAtomic } from '../files/atomicWrite';

const fileSchema = z.object({ version: z.literal(1), statements: z.array(stagedStatementSchema) });

export class PartiqlStagedStore {
  private statements: StagedStatement[] | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly file: string;

  constructor(private readonly dir: string) {
    this.file = join(dir, 'partiql.json');
  }

  /** Every staged statement, in the order staged. */
  async list(): Promise<StagedStatement[]> {
    return this.serial(async () => [...(await this.read())]);
  }

  /** Applies `change` to the list and saves it; answers once it is on disk. */
  async update(change: (list: StagedStatement[]) => StagedStatement[]): Promise<StagedStatement[]> {
    return this.serial(async () => {
      const next = change([...(await this.read())]);
      await mkdir(this.dir, { recursive: true });
      await writeFileAtomic(this.file, JSON.stringify({ version: 1, statements: next }));
      this.statements = next;
      return [...next];
    });
  }

  private serial<T>(run: () => Promise<T>): Promise<T> {
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async read(): Promise<StagedStatement[]> {
    if (this.statements) return this.statements;
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch {
      this.statements = [];
      return this.statements;
    }
    const parsed = fileSchema.safeParse(JSON.parse(text.trim() === '' ? '{}' : safeJson(text)));
    if (parsed.success) this.statements = parsed.data.statements;
    else {
      // Never delete what the user staged: move the unreadable file aside and start empty.
      await rename(this.file, `${this.file}.unreadable-${Date.now()}`).catch(() => undefined);
      this.statements = [];
    }
    return this.statements;
  }
}

function safeJson(text: string): string {
  try {
    JSON.parse(text);
    return text;
  } catch {
    return '{}';
  }
}

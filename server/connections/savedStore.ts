import { readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../files/atomicWrite';

/** A saved connection as stored on disk: settings only, never credentials. */
export const savedConnectionSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  kind: z.enum(['profile', 'endpoint']),
  /** Absent: the profile's region at connect time. */
  region: z.string().optional(),
  profile: z.string().optional(),
  endpoint: z.string().optional(),
});
export type SavedConnection = z.infer<typeof savedConnectionSchema>;

const fileSchema = z.object({ version: z.literal(1), connections: z.array(savedConnectionSchema) });

/**
 * The saved connections file (`connections.json` in the data dir). Writes go to a temp file that is
 * renamed over the old one, so a crash leaves either the old or the new list, never half of one.
 */
export class SavedConnectionsFile {
  private loaded: Promise<SavedConnection[]> | undefined;
  private writes: Promise<unknown> = Promise.resolve();
  /** Why the file could not be read, when it was moved aside. */
  notice: string | undefined;

  constructor(readonly path: string) {}

  static inDataDir(dataDir: string): SavedConnectionsFile {
    return new SavedConnectionsFile(join(dataDir, 'connections.json'));
  }

  all(): Promise<SavedConnection[]> {
    this.loaded ??= this.load();
    return this.loaded;
  }

  /** Applies `change` to the list and persists it; changes run one at a time. */
  update<T>(
    change: (list: SavedConnection[]) => { list: SavedConnection[]; result: T },
  ): Promise<T> {
    const run = this.writes.then(async () => {
      const { list, result } = change(await this.all());
      await this.write(list);
      this.loaded = Promise.resolve(list);
      return result;
    });
    this.writes = run.catch(() => undefined);
    return run;
  }

  private async load(): Promise<SavedConnection[]> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw err;
    }
    try {
      return fileSchema.parse(JSON.parse(text)).connections;
    } catch (err) {
      // Keep the unreadable file for the user to inspect; start from an empty list.
      const aside = `${this.path}.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      await rename(this.path, aside);
      this.notice = `The saved connections in ${this.path} could not be read (${(err as Error).message.split('\n')[0]}). The file was moved to ${aside}.`;
      return [];
    }
  }

  private async write(list: SavedConnection[]): Promise<void> {
    await writeFileAtomic(this.path, `${JSON.stringify({ version: 1, connections: list }, null, 2)}\n`);
  }
}

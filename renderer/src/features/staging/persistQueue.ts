/**
 * Saving staged changes in order: one write in flight at a time, later values of an id replacing
 * earlier unsent ones, failed writes kept and retried so the disk catches up with the screen.
 */
import type { StagingEntry } from '../../../../shared/contract/staging';
import { utf8Length } from '../../../../shared/dynamo/binary';

export interface PersistStatus {
  saving: boolean;
  /** Entries not yet on disk. */
  unsaved: number;
  /** The last write's error, cleared by the next successful one. */
  error: string | null;
}

export interface PersistQueue {
  push(entries: readonly StagingEntry[]): void;
  /**
   * push, a moment later (`schedule`: after the next paint), for a save nobody waits for (undo's):
   * the serialising and sending stay out of the frame. Order is kept: a push, retry or idle
   * before then pushes these first.
   */
  defer(entries: readonly StagingEntry[]): void;
  /** Resolves when everything pushed so far is written (or the current attempt failed). */
  idle(): Promise<void>;
  /** Tries the unsaved entries again now. */
  retry(): void;
}

/** Entries per write. */
export const CHUNK = 20_000;
/**
 * JSON bytes per write (a batch stops before passing it): under the web host's 32 MiB body limit
 * with room for the envelope. One write per bulk edit matters: each write rewrites the touched
 * tables' files whole, so a bulk edit split in four wrote its table's file four times.
 */
export const CHUNK_BYTES = 30 * 1024 * 1024;

/** One write: its entries and its JSON text ({"entries":[…]}). */
export interface Batch {
  batch: StagingEntry[];
  body: string;
}

/**
 * How a write's entries are serialised: each entry's JSON text, or, for an entry written in a
 * group (rows of one table given the same update, shared/contract/staging.ts StagingGroup), the
 * bytes it adds to the write at most (a number), whose JSON `groups` makes for all such entries
 * of the write at once.
 */
export interface EntryEncoder {
  (e: StagingEntry): string | number;
  /** The JSON array of the groups holding `entries` (each one this encoder answered a number for). */
  groups?: (entries: readonly StagingEntry[]) => string;
}

/**
 * What a row written in a group adds to a write, at most: its index in its page's list, or a page
 * entry of its own ({"page":"<id>","indexes":[<i>]}) when it is its page's only row.
 */
export const GROUPED_ENTRY_BYTES = 64;

/**
 * The first write of `entries`: up to CHUNK entries and CHUNK_BYTES of JSON (the web host refuses
 * bodies past 32 MiB), at least one entry, each serialised once by `encode`; the entries it
 * groups are written as "groups" after "entries".
 */
export function takeBatch(entries: Iterable<StagingEntry>, encode: EntryEncoder): Batch {
  const batch: StagingEntry[] = [];
  const parts: string[] = [];
  const grouped: StagingEntry[] = [];
  let bytes = 0;
  for (const e of entries) {
    if (batch.length === CHUNK) break;
    const text = encode(e);
    const size = typeof text === 'number' ? text : utf8Length(text) + 1;
    if (batch.length > 0 && bytes + size > CHUNK_BYTES) break;
    bytes += size;
    batch.push(e);
    if (typeof text === 'number') grouped.push(e);
    else parts.push(text);
  }
  if (grouped.length === 0) return { batch, body: `{"entries":[${parts.join(',')}]}` };
  if (!encode.groups) throw new Error('an entry encoder grouped entries without writing groups');
  return { batch, body: `{"entries":[${parts.join(',')}],"groups":${encode.groups(grouped)}}` };
}

/**
 * `write` gets each batch with its JSON text ({"entries":[…]}, each entry serialised once, when it
 * was sized), for a transport that can send it as it is. `encoder`: given the entries about to be
 * written, how to serialise each (default JSON.stringify; stores/stagingSave.ts names served
 * originals).
 */
export function createPersistQueue(
  write: (entries: StagingEntry[], body: string) => Promise<unknown>,
  onStatus: (s: PersistStatus) => void,
  retryDelayMs = (attempt: number) => Math.min(30_000, 1000 * 2 ** attempt),
  schedule: (run: () => void) => void = (run) => void setTimeout(run, 0),
  encoder: (entries: Iterable<StagingEntry>) => EntryEncoder = () => (e) => JSON.stringify(e),
): PersistQueue {
  let deferred: (readonly StagingEntry[])[] = [];
  const dirty = new Map<string, StagingEntry>();
  let running: Promise<void> | null = null;
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let error: string | null = null;

  // Deferred entries are unsaved too: the save dot and the leave-page warning must not say
  // "saved" in the moment between an undo and its save.
  const deferredCount = () => deferred.reduce((n, l) => n + l.length, 0);
  const report = (saving: boolean) =>
    onStatus({ saving, unsaved: dirty.size + deferredCount(), error });

  async function run(): Promise<void> {
    while (dirty.size > 0) {
      const { batch, body } = takeBatch(dirty.values(), encoder(dirty.values()));
      for (const e of batch) dirty.delete(e.id);
      report(true);
      try {
        await write(batch, body);
        failures = 0;
        error = null;
      } catch (err) {
        // Put back what failed, unless a newer value for the id arrived meanwhile.
        for (const e of batch) if (!dirty.has(e.id)) dirty.set(e.id, e);
        error = err instanceof Error ? err.message : String(err);
        failures++;
        timer = setTimeout(() => {
          timer = null;
          kick();
        }, retryDelayMs(failures));
        break;
      }
    }
    report(false);
  }

  function kick(): void {
    if (running) return;
    running = run().finally(() => {
      running = null;
      // Entries pushed while the last write was finishing.
      if (dirty.size > 0 && timer === null) kick();
    });
  }

  function flushDeferred(): void {
    const lists = deferred;
    deferred = [];
    for (const l of lists) add(l);
  }

  function add(entries: readonly StagingEntry[]): void {
    for (const e of entries) {
      dirty.delete(e.id); // re-insert: the latest value goes last
      dirty.set(e.id, e);
    }
  }

  return {
    push(entries) {
      flushDeferred();
      add(entries);
      if (timer === null) kick();
      else report(false);
    },
    defer(entries) {
      deferred.push(entries);
      report(running !== null);
      if (deferred.length > 1) return; // already scheduled
      schedule(() => {
        if (deferred.length === 0) return; // pushed by a push, retry or idle meanwhile
        flushDeferred();
        if (timer === null) kick();
        else report(false);
      });
    },
    async idle() {
      if (deferred.length > 0) {
        flushDeferred();
        if (timer === null) kick();
      }
      while (running) await running;
    },
    retry() {
      flushDeferred();
      if (timer !== null) {
        clearTimeout(timer);
        timer = null;
      }
      kick();
    },
  };
}

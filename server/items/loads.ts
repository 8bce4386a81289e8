/**
 * Running items:loadAll operations by (connection, loadId), so that items:cancel can stop them and
 * items:taken can pace them.
 *
 * Pacing: a load started with a window reads a page only while fewer than `window` of the pages it
 * emitted are still unacknowledged by the renderer (items:taken). The renderer acknowledges pages
 * on frames it paints on time, so a Load all slows down when the page's frames do instead of
 * piling work onto a page that is already behind. A renderer that stops acknowledging (closed,
 * hidden, crashed) never stalls a load: after PACE_STALL_MS without an acknowledgement the load
 * reads on unpaced.
 */
import { badInput } from '../errors';

const CANCELED = Symbol('canceled');

/** How long a paced load waits for an acknowledgement before it stops pacing. */
export const PACE_STALL_MS = 5_000;

interface Running {
  controller: AbortController;
  /** Pages that may be emitted ahead of the last acknowledgement; Infinity when not paced. */
  window: number;
  /** Pages the renderer acknowledged (cumulative, as items:page `pages` counts them). */
  taken: number;
  waiters: Set<() => void>;
}

const running = new Map<string, Running>();

const keyOf = (connectionId: string, loadId: string) => `${connectionId}\u0000${loadId}`;

export interface LoadHandle {
  signal: AbortSignal;
  /** Aborts the load because a part of it failed (not a cancel). */
  fail(reason: unknown): void;
  /** True when items:cancel stopped it. */
  readonly canceled: boolean;
  /**
   * Resolves when another page may be read, `emitted` pages having been emitted: at once for an
   * unpaced load, else once fewer than `window` of them are unacknowledged, the load is stopped,
   * or PACE_STALL_MS pass without an acknowledgement (the load is then unpaced).
   */
  room(emitted: number): Promise<void>;
  release(): void;
}

export interface LoadOptions {
  /** Pages that may be ahead of the renderer's acknowledgements (items:taken); none: unpaced. */
  window?: number;
  /** Test seam: how long to wait for an acknowledgement before reading on unpaced. */
  stallMs?: number;
}

function wake(entry: Running): void {
  const waiters = [...entry.waiters];
  entry.waiters.clear();
  for (const w of waiters) w();
}

/** Registers a load; throws when one with the same id runs on the connection. */
export function startLoad(
  connectionId: string,
  loadId: string,
  opts: LoadOptions = {},
): LoadHandle {
  const key = keyOf(connectionId, loadId);
  if (running.has(key)) {
    throw badInput(`A load with id ${loadId} is already running`);
  }
  const controller = new AbortController();
  const entry: Running = {
    controller,
    window: opts.window ?? Infinity,
    taken: 0,
    waiters: new Set(),
  };
  const stallMs = opts.stallMs ?? PACE_STALL_MS;
  running.set(key, entry);
  controller.signal.addEventListener('abort', () => wake(entry), { once: true });
  const hasRoom = (emitted: number) =>
    controller.signal.aborted || emitted - entry.taken < entry.window;
  return {
    signal: controller.signal,
    fail: (reason) => controller.abort(reason),
    get canceled() {
      return controller.signal.aborted && controller.signal.reason === CANCELED;
    },
    async room(emitted) {
      while (!hasRoom(emitted)) {
        const acknowledged = await new Promise<boolean>((resolve) => {
          const timer = setTimeout(() => {
            entry.waiters.delete(waiter);
            resolve(false);
          }, stallMs);
          const waiter = () => {
            clearTimeout(timer);
            resolve(true);
          };
          entry.waiters.add(waiter);
        });
        if (!acknowledged) entry.window = Infinity; // the renderer went quiet: read on unpaced
      }
    },
    release: () => {
      if (running.get(key) === entry) running.delete(key);
      wake(entry);
    },
  };
}

/** Stops a running load; false when none runs under that id. */
export function cancelLoad(connectionId: string, loadId: string): boolean {
  const entry = running.get(keyOf(connectionId, loadId));
  if (!entry || entry.controller.signal.aborted) return false;
  entry.controller.abort(CANCELED);
  return true;
}

/**
 * Notes that the renderer has taken in the first `pages` pages of a running load (items:taken);
 * false when no such load runs (it ended, or never started).
 */
export function takePages(connectionId: string, loadId: string, pages: number): boolean {
  const entry = running.get(keyOf(connectionId, loadId));
  if (!entry) return false;
  if (pages > entry.taken) {
    entry.taken = pages;
    wake(entry);
  }
  return true;
}

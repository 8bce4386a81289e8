/** Running items:loadAll operations by (connection, loadId), so that items:cancel can stop them. */
import { badInput } from '../errors';

const CANCELED = Symbol('canceled');
const running = new Map<string, AbortController>();

const keyOf = (connectionId: string, loadId: string) => `${connectionId}\u0000${loadId}`;

export interface LoadHandle {
  signal: AbortSignal;
  /** Aborts the load because a part of it failed (not a cancel). */
  fail(reason: unknown): void;
  /** True when items:cancel stopped it. */
  readonly canceled: boolean;
  release(): void;
}

/** Registers a load; throws when one with the same id runs on the connection. */
export function startLoad(connectionId: string, loadId: string): LoadHandle {
  const key = keyOf(connectionId, loadId);
  if (running.has(key)) {
    throw badInput(`A load with id ${loadId} is already running`);
  }
  const controller = new AbortController();
  running.set(key, controller);
  return {
    signal: controller.signal,
    fail: (reason) => controller.abort(reason),
    get canceled() {
      return controller.signal.aborted && controller.signal.reason === CANCELED;
    },
    release: () => {
      if (running.get(key) === controller) running.delete(key);
    },
  };
}

/** Stops a running load; false when none runs under that id. */
export function cancelLoad(connectionId: string, loadId: string): boolean {
  const controller = running.get(keyOf(connectionId, loadId));
  if (!controller || controller.signal.aborted) return false;
  controller.abort(CANCELED);
  return true;
}

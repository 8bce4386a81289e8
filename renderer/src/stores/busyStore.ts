/**
 * What the app is busy with, for the busy indicator: a task shows only once it has lasted
 * BUSY_DELAY_MS, so short actions never flash it. Data only; callers start and stop tasks
 * (or track a promise) and the indicator reads `visible`.
 */
import { useEffect } from 'react';
import { create } from 'zustand';

export const BUSY_DELAY_MS = 300;

export interface BusyTask {
  id: string;
  label: string;
}

interface BusyState {
  /** Tasks running for longer than BUSY_DELAY_MS, oldest first. */
  visible: BusyTask[];
}

export const useBusyStore = create<BusyState>(() => ({ visible: [] }));

export const selectBusyVisible = (s: BusyState) => s.visible;

// The running tasks and their show timers (renderer state, not shared logic).
const running = new Map<string, { label: string; timer: ReturnType<typeof setTimeout> | null }>();
let sequence = 0;

function show(id: string): void {
  const task = running.get(id);
  if (!task) return;
  task.timer = null;
  useBusyStore.setState((s) => ({ visible: [...s.visible, { id, label: task.label }] }));
}

export const busyActions = {
  /** Starts (or relabels) task `id`; it shows once it has run BUSY_DELAY_MS. */
  start(id: string, label: string): void {
    const task = running.get(id);
    if (task) {
      task.label = label;
      if (!task.timer) {
        useBusyStore.setState((s) => ({
          visible: s.visible.map((t) => (t.id === id ? { id, label } : t)),
        }));
      }
      return;
    }
    running.set(id, { label, timer: setTimeout(() => show(id), BUSY_DELAY_MS) });
  },
  /** Ends task `id` (a no-op when it is not running). */
  stop(id: string): void {
    const task = running.get(id);
    if (!task) return;
    running.delete(id);
    if (task.timer) clearTimeout(task.timer);
    else useBusyStore.setState((s) => ({ visible: s.visible.filter((t) => t.id !== id) }));
  },
  /** Runs `work`, busy with `label` until it settles; resolves or rejects as it does. */
  async track<T>(label: string, work: Promise<T> | (() => Promise<T>)): Promise<T> {
    const id = `task-${++sequence}`;
    busyActions.start(id, label);
    try {
      return await (typeof work === 'function' ? work() : work);
    } finally {
      busyActions.stop(id);
    }
  },
};

/** Busy with `label` while it is not null (a load running, a save pending, a stale review). */
export function useBusyWhile(id: string, label: string | null): void {
  useEffect(() => {
    if (label === null) return;
    busyActions.start(id, label);
    return () => busyActions.stop(id);
  }, [id, label]);
}

/** Synchronous actions on at least this many rows show the busy pill before they run. */
export const VISIBLE_RUN_MIN = 2000;

/** Resolves after the browser has painted a frame (or soon, when frames are paused: a hidden tab). */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    const go = () => {
      if (done) return;
      done = true;
      clearTimeout(fallback);
      resolve();
    };
    const fallback = setTimeout(go, 100);
    // rAF runs just before the paint; the macrotask after it runs once the frame is out.
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(go, 0));
  });
}

/**
 * Runs the synchronous `fn` (which works on `size` rows). Under VISIBLE_RUN_MIN it runs at once,
 * inside this call, as if called directly; from VISIBLE_RUN_MIN on the busy pill shows `label`
 * first, a frame paints it, then `fn` runs and the pill goes. Resolves or rejects as `fn` does.
 */
export function runVisibly<T>(label: string, size: number, fn: () => T): Promise<T> {
  if (size < VISIBLE_RUN_MIN) {
    try {
      return Promise.resolve(fn());
    } catch (err) {
      return Promise.reject(err as Error);
    }
  }
  const id = `visible-${++sequence}`;
  running.set(id, { label, timer: null });
  show(id);
  return afterPaint()
    .then(fn)
    .finally(() => busyActions.stop(id));
}

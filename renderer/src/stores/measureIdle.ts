/**
 * Loaded items are measured (shared/dynamo/measure: size and wire bytes, remembered per item in the
 * review's planner session) while
 * the app is idle, so that the plan of a first edit finds its originals measured, without slowing
 * the load itself. An edit that comes first simply measures what is still missing.
 */
import type { Item } from '../../../shared/dynamo/types';
import { plannerSession } from './plannerSession';

const measureItem = (item: Item) => plannerSession.measurer.measureItem(item);

/** Measures every item now (what the idle callbacks do a slice at a time). */
export function measureItems(items: readonly Item[]): void {
  for (const item of items) measureItem(item);
}

const queue: (readonly Item[])[] = [];
let next = 0; // position in queue[0]
let scheduled = false;

type IdleDeadline = { timeRemaining(): number };
const whenIdle: (run: (d: IdleDeadline) => void) => void =
  typeof requestIdleCallback === 'function'
    ? (run) => void requestIdleCallback(run, { timeout: 2000 })
    : (run) => void setTimeout(() => run({ timeRemaining: () => 8 }), 0);

function work(deadline: IdleDeadline): void {
  scheduled = false;
  while (queue.length > 0 && deadline.timeRemaining() > 1) {
    const items = queue[0] as readonly Item[];
    const end = Math.min(items.length, next + 200);
    for (; next < end; next++) measureItem(items[next] as Item);
    if (next >= items.length) {
      queue.shift();
      next = 0;
    }
  }
  if (queue.length > 0) schedule();
}

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  whenIdle(work);
}

/** Queues a page of loaded items to be measured when the app is idle. */
export function measureWhenIdle(items: readonly Item[]): void {
  if (items.length === 0) return;
  queue.push(items);
  schedule();
}

/** Whether every queued item has been measured (for tests). */
export function idleMeasuringDone(): boolean {
  return queue.length === 0;
}

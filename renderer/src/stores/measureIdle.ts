/**
 * Loaded rows are measured (shared/dynamo/measure: size and wire bytes, kept by row position in
 * the rows' index, RowIndex.measures, which the review's planner session reads) while the app is
 * idle, so that the plan of a first edit finds its originals measured, without slowing the load
 * itself: a page as it comes, a Load all's rows once it has ended (itemsStore.ts). An edit that
 * comes first simply measures what is still missing.
 */
import { measureCounted } from '../../../shared/dynamo/measure';
import { MeasureWalk } from '../../../shared/dynamo/measureWalk';
import type { Item } from '../../../shared/dynamo/types';
import type { RowIndex } from './loadedRows';
import { plannerSession } from './plannerSession';

/** Measures every item now into the planner session (what bench:staging does after each page). */
export function measureItems(items: readonly Item[]): void {
  for (const item of items) plannerSession.measurer.measureItem(item);
}

interface Span {
  index: RowIndex;
  next: number;
  end: number;
}

const queue: Span[] = [];
const walk = new MeasureWalk();
let scheduled = false;

type IdleDeadline = { timeRemaining(): number };
const whenIdle: (run: (d: IdleDeadline) => void) => void =
  typeof requestIdleCallback === 'function'
    ? (run) => void requestIdleCallback(run, { timeout: 2000 })
    : (run) => void setTimeout(() => run({ timeRemaining: () => 8 }), 0);

function work(deadline: IdleDeadline): void {
  scheduled = false;
  while (queue.length > 0 && deadline.timeRemaining() > 1) {
    const span = queue[0] as Span;
    const { index } = span;
    const end = Math.min(span.end, span.next + 200, index.items.length);
    for (let at = span.next; at < end; at++) {
      if (!index.measures.has(at)) index.measures.set(at, measureCounted(walk, index.items[at] as Item));
    }
    span.next = end;
    if (span.next >= Math.min(span.end, index.items.length)) queue.shift();
  }
  if (queue.length > 0) schedule();
}

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  whenIdle(work);
}

/** Queues rows [from, to) of `index` to be measured when the app is idle. */
export function measureWhenIdle(index: RowIndex, from: number, to: number): void {
  if (to <= from) return;
  const last = queue[queue.length - 1];
  // A load appends page after page: one span grows instead of a queue entry per page.
  if (last && last.index === index && last.end === from) last.end = to;
  else queue.push({ index, next: from, end: to });
  schedule();
}

/** Whether every queued row has been measured (for tests). */
export function idleMeasuringDone(): boolean {
  return queue.length === 0;
}

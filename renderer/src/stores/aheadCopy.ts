/**
 * A copy of an array made ahead of time, a slice per task: appending a page to an array of
 * 1,000,000 rows (the items store and the grid's row model give every change a new array) then
 * costs the page, not a 1,000,000-element copy inside the frame that shows it. The copy is made
 * in the pauses between the load's hand-overs; one not finished by the next append is finished
 * then, so the result is always the same as `source.slice()`.
 */
const SLICE = 65_536;
/** Below this a plain copy is cheap (well under a millisecond). */
const MIN_AHEAD = 100_000;

type Later = (run: () => void) => void;
const soon: Later = (run) => void setTimeout(run, 0);

export class AheadCopy<T> {
  private source: readonly T[] | null = null;
  private copy: T[] = [];
  private done = 0;
  private pending = false;

  constructor(private readonly later: Later = soon) {}

  /** Starts copying `source` (an array nobody changes any more), a slice per task. */
  prepare(source: readonly T[]): void {
    if (source.length < MIN_AHEAD) {
      this.source = null;
      this.copy = [];
      return;
    }
    this.source = source;
    // Grown by push (packed elements): `new Array(n)` of this size would make a dictionary.
    this.copy = [];
    this.done = 0;
    this.schedule();
  }

  /** Whether the copy of `source` is complete (for tests). */
  ready(source: readonly T[]): boolean {
    return this.source === source && this.done === source.length;
  }

  /** A new array equal to `source`: the copy made ahead (finished now if need be), else a slice. */
  take(source: readonly T[]): T[] {
    if (this.source !== source) return source.slice();
    this.step(source.length);
    const out = this.copy;
    this.source = null;
    this.copy = [];
    return out;
  }

  private step(until: number): void {
    const from = this.source;
    if (!from) return;
    const end = Math.min(until, from.length);
    const to = this.copy;
    for (let i = this.done; i < end; i++) to.push(from[i] as T);
    if (end > this.done) this.done = end;
  }

  private schedule(): void {
    if (this.pending) return;
    this.pending = true;
    this.later(() => {
      this.pending = false;
      if (!this.source) return;
      this.step(this.done + SLICE);
      if (this.done < this.source.length) this.schedule();
    });
  }
}

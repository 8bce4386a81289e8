/**
 * The review's measurements (shared/dynamo/measure) of loaded rows, by row position, in typed
 * arrays: no object and no WeakMap entry per row. A million loaded rows measured into a WeakMap
 * keyed by item made every major GC of the page process a million ephemerons (~0.5 s of a 1 s
 * pause at 1,000,000 rows); three Int32Arrays hold the same figures outside the JS heap's objects.
 */
import type { Measured } from '../../../shared/dynamo/measure';

const UNMEASURED = 0;
const NOT_COMMON = -1;

export class RowMeasures {
  private size = new Int32Array(0);
  private json = new Int32Array(0);
  /** Attribute count + 1; UNMEASURED (0) or NOT_COMMON (-1) otherwise. */
  private state = new Int32Array(0);

  /** The measurement at row `at`: undefined when not measured, null when not in common form. */
  get(at: number): Measured | null | undefined {
    const s = this.state[at] ?? UNMEASURED;
    if (s === UNMEASURED) return undefined;
    if (s === NOT_COMMON) return null;
    return { size: this.size[at] as number, jsonBytes: this.json[at] as number, count: s - 1 };
  }

  /** Whether row `at` has been measured. */
  has(at: number): boolean {
    return (this.state[at] ?? UNMEASURED) !== UNMEASURED;
  }

  set(at: number, m: Measured | null): void {
    if (at >= this.state.length) this.grow(at + 1);
    if (m === null) {
      this.state[at] = NOT_COMMON;
      return;
    }
    this.size[at] = m.size;
    this.json[at] = m.jsonBytes;
    this.state[at] = m.count + 1;
  }

  /** Forgets row `at` (another item took its place). */
  clear(at: number): void {
    if (at < this.state.length) this.state[at] = UNMEASURED;
  }

  private grow(min: number): void {
    const cap = Math.max(min, this.state.length * 2, 1024);
    const copy = (a: Int32Array) => {
      const b = new Int32Array(cap);
      b.set(a);
      return b;
    };
    this.size = copy(this.size);
    this.json = copy(this.json);
    this.state = copy(this.state);
  }
}

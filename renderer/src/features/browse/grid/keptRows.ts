/**
 * A filter pass that keeps the previous pass's answers by position: the grid's core rows are
 * shared between renders (sharedRowModel.ts), so after a bulk edit on 10,000 of 100,000 rows the
 * other 90,000 are the very Row objects at the very positions they had. With the same test as
 * before, such a row keeps its answer for one comparison, instead of a lookup in the match memo
 * (a WeakMap get per row: 100,000 of them per pass). Rows that moved or changed are tested.
 */
export interface KeptRows<R> {
  /**
   * The rows `test` keeps, in order. `testId` names the test: a pass with another one tests every
   * row (`same` tells `test` whether it is the previous pass's test).
   */
  filter(rows: readonly R[], testId: string, test: (row: R, same: boolean) => boolean): R[];
  /** Lets go of the last pass's rows (the filter was cleared: they may be a table no longer shown). */
  forget(): void;
}

export function createKeptRows<R>(): KeptRows<R> {
  let lastTest: string | null = null;
  let prevRows: readonly R[] = [];
  // The rows array may be the last pass's, grown in place since (sharedRowModel.ts): its answers
  // are for the rows it had then.
  let prevLength = 0;
  let prevKeep = new Uint8Array(0);
  const forget = () => {
    lastTest = null;
    prevRows = [];
    prevLength = 0;
    prevKeep = new Uint8Array(0);
  };
  const filter = (rows: readonly R[], testId: string, test: (row: R, same: boolean) => boolean): R[] => {
    const same = testId === lastTest;
    const keep = new Uint8Array(rows.length);
    const out: R[] = [];
    const shared = same ? Math.min(rows.length, prevLength) : 0;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i] as R;
      const k = i < shared && prevRows[i] === row ? prevKeep[i] === 1 : test(row, same);
      if (k) {
        keep[i] = 1;
        out.push(row);
      }
    }
    lastTest = testId;
    prevRows = rows;
    prevLength = rows.length;
    prevKeep = keep;
    return out;
  };
  return { filter, forget };
}

/** Staged PartiQL writes grouped into BatchExecuteStatement calls. */

/** The most statements BatchExecuteStatement takes in one call. */
export const MAX_BATCH_STATEMENTS = 25;

export interface Batchable {
  id: string;
  /** `table` + canonical key of the item the statement names, when known. */
  itemRef?: string;
}

/**
 * After the call, the statements are split in their order into calls of at most `max`, and no call
 * names one item twice (a later statement on the same item starts the next call, so it runs after).
 */
export function batchStatements<T extends Batchable>(statements: readonly T[], max = MAX_BATCH_STATEMENTS): T[][] {
  const calls: T[][] = [];
  let current: T[] = [];
  let items = new Set<string>();
  for (const s of statements) {
    if (current.length >= max || (s.itemRef !== undefined && items.has(s.itemRef))) {
      calls.push(current);
      current = [];
      items = new Set();
    }
    current.push(s);
    if (s.itemRef !== undefined) items.add(s.itemRef);
  }
  if (current.length > 0) calls.push(current);
  return calls;
}

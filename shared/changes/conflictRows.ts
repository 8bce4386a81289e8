/** A guarded write's conflict attribute by attribute: as loaded, on the server now, as staged. */
import { valuesEqual } from '../dynamo/equal';
import type { AttributeValue, Item } from '../dynamo/types';

export interface ConflictRow {
  name: string;
  /** The value when the item was loaded (undefined: absent). */
  loaded: AttributeValue | undefined;
  /** The value on the server now (undefined: absent). */
  server: AttributeValue | undefined;
  /** The staged value (undefined: absent or the item is deleted). */
  staged: AttributeValue | undefined;
  /** The user changed it: "overwrite" writes this attribute. */
  yours: boolean;
  /** Someone else changed it since it was loaded. */
  theirs: boolean;
  /** Both changed it, to different values: overwriting loses the server's value. */
  clash: boolean;
}

const same = (a: AttributeValue | undefined, b: AttributeValue | undefined): boolean =>
  a === undefined || b === undefined ? a === b : valuesEqual(a, b);

/**
 * Every attribute the user or the server changed, loaded order first, clashes first of all.
 * `staged` null means the user deletes the item (every loaded attribute is theirs to remove);
 * `loaded` null means the user staged a new item (every staged attribute is theirs).
 */
export function conflictRows(
  loaded: Item | null,
  server: Item | null,
  staged: Item | null,
): ConflictRow[] {
  const names: string[] = [];
  const seen = new Set<string>();
  for (const img of [loaded, server, staged]) {
    for (const n of Object.keys(img ?? {})) {
      if (!seen.has(n)) {
        seen.add(n);
        names.push(n);
      }
    }
  }
  const rows: ConflictRow[] = [];
  for (const name of names) {
    const l = loaded?.[name];
    const s = server?.[name];
    const st = staged?.[name];
    const yours = !same(l, st);
    const theirs = !same(l, s);
    if (!yours && !theirs) continue;
    rows.push({
      name,
      loaded: l,
      server: s,
      staged: st,
      yours,
      theirs,
      clash: yours && theirs && !same(s, st),
    });
  }
  return [...rows.filter((r) => r.clash), ...rows.filter((r) => !r.clash)];
}

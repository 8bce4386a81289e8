/**
 * Moves as the review shows them: a staged delete and a staged put in another table of the same
 * image (copyMove stages exactly that) read as one move, from -> to, instead of two unrelated
 * cards. Inferred from the data rather than recorded at staging time, so a move still reads as one
 * after a reload or a restart.
 */
import type { Changes, KeySchemasByRef, PutChange } from '../changes/types';
import { tableRef } from '../changes/types';
import type { Item } from '../dynamo/types';
import { keyNames } from '../dynamo/types';

/** The item without the attributes in `skip`, as text that ignores attribute order. */
function signature(item: Item, skip: ReadonlySet<string>): string {
  const names = Object.keys(item)
    .filter((n) => !skip.has(n))
    .sort();
  return JSON.stringify(names.map((n) => [n, item[n]]));
}

/**
 * Change id of each delete that is half of a move -> change id of its put. A delete pairs with a
 * put in another table whose image equals the deleted image on every attribute but the target's
 * key (which a key mapping may have filled from other attributes); each put pairs once.
 */
export function pairMoves(changes: Changes, keySchemas: KeySchemasByRef): Map<string, string> {
  const pairs = new Map<string, string>();
  // Puts by table, then by signature (without that table's key names).
  const byTable = new Map<string, { skip: Set<string>; bySig: Map<string, string[]> }>();
  for (const [id, c] of changes) {
    if (c.kind !== 'put') continue;
    const ref = tableRef(c.connectionId, c.table);
    const schema = keySchemas[ref];
    const skip = new Set(schema ? keyNames(schema) : Object.keys(c.key));
    let t = byTable.get(ref);
    if (!t) byTable.set(ref, (t = { skip, bySig: new Map() }));
    const sig = signature((c as PutChange).item, t.skip);
    const list = t.bySig.get(sig);
    if (list) list.push(id);
    else t.bySig.set(sig, [id]);
  }
  if (byTable.size === 0) return pairs;
  for (const [id, c] of changes) {
    if (c.kind !== 'delete') continue;
    const from = tableRef(c.connectionId, c.table);
    for (const [ref, t] of byTable) {
      if (ref === from) continue;
      const list = t.bySig.get(signature(c.original, t.skip));
      const put = list?.shift();
      if (put !== undefined) {
        pairs.set(id, put);
        break;
      }
    }
  }
  return pairs;
}

/** The image of an item the user sees now: its staged image, else the loaded one. */
import { changeId } from '../changes/types';
import type { Changes, ItemTarget, StagedChange } from '../changes/types';
import type { Item, KeySchema } from '../dynamo/types';

/** A staged change's image as the user sees it (a delete shows the item it deletes). */
export function imageOf(change: StagedChange): Item {
  return change.kind === 'delete' ? change.original : change.item;
}

/** The item `target` names as it stands: staged image, else the loaded original (or undefined). */
export function currentImage(
  changes: Changes,
  target: ItemTarget,
  keySchema: KeySchema,
): Item | undefined {
  const change = changes.get(changeId(target.connectionId, target.table, target.key, keySchema));
  return change ? imageOf(change) : target.original;
}

/** An edit target for a staged change: its key, and the loaded image it was based on. */
export function targetOf(change: StagedChange): ItemTarget {
  const t: ItemTarget = { connectionId: change.connectionId, table: change.table, key: change.key };
  if (change.kind !== 'put') t.original = change.original;
  return t;
}

/**
 * A target for a loaded item (from the table, so its image is the original), with its row id
 * (canonicalKey under `keyId.schema`) when the caller has it.
 */
export function loadedTarget(
  connectionId: string,
  table: string,
  item: Item,
  keyId?: ItemTarget['keyId'],
): ItemTarget {
  const t: ItemTarget = { connectionId, table, key: item, original: item };
  if (keyId) t.keyId = keyId;
  return t;
}

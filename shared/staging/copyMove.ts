/** Copying or moving items to another table: puts there, and for a move, deletes here. */
import { changeId } from '../changes/types';
import type { Edit } from '../changes/types';
import { TYPE_LABELS, keyNames, typeOf } from '../dynamo/types';
import type { Item, KeyAttribute, KeySchema } from '../dynamo/types';
import { getAttr, setAttr } from '../dynamo/attrs';
import type { BulkTarget } from './bulkEdit';

export interface TableSide {
  connectionId: string;
  table: string;
  keySchema: KeySchema;
}

/** For each key attribute of the target table, the source attribute whose value it takes. */
export type KeyMapping = Record<string, string>;

const keyAttrs = (s: KeySchema): KeyAttribute[] =>
  s.sortKey ? [s.partitionKey, s.sortKey] : [s.partitionKey];

/** Whether items of `source` carry the target's key as they are: same names, same types. */
export function keysFit(source: KeySchema, target: KeySchema): boolean {
  const src = keyAttrs(source);
  return keyAttrs(target).every((t) => src.some((s) => s.name === t.name && s.type === t.type));
}

/**
 * A first mapping: each target key takes the source attribute of the same name, else the source
 * key in the same role (partition -> partition, sort -> sort).
 */
export function defaultKeyMapping(source: KeySchema, target: KeySchema): KeyMapping {
  const names = new Set(keyNames(source));
  const out: KeyMapping = { [target.partitionKey.name]: source.partitionKey.name };
  if (names.has(target.partitionKey.name)) out[target.partitionKey.name] = target.partitionKey.name;
  if (target.sortKey) {
    const same = names.has(target.sortKey.name);
    out[target.sortKey.name] = same ? target.sortKey.name : (source.sortKey?.name ?? '');
  }
  return out;
}

export interface CopyMoveInput {
  items: readonly BulkTarget[];
  from: TableSide;
  to: TableSide;
  mapping: KeyMapping;
  move: boolean;
}

export interface CopyMoveResult {
  /** Puts into the target (and deletes from the source for a move), one batch; null if none. */
  edit: Edit | null;
  copied: number;
  /** Items left out, by their index in `items`. */
  errors: { index: number; message: string }[];
}

/** The image an item gets in the target table, or why it cannot be placed there. */
function targetImage(
  item: Item,
  to: KeySchema,
  mapping: KeyMapping,
): { item: Item } | { error: string } {
  const out: Item = { ...item };
  for (const key of keyAttrs(to)) {
    const sourceName = mapping[key.name] ?? '';
    const v = sourceName === '' ? undefined : getAttr(item, sourceName);
    if (v === undefined)
      return { error: `has no ${sourceName || '(unmapped)'} for the key ${key.name}` };
    const type = typeOf(v);
    if (type !== key.type) {
      return {
        error: `${sourceName} is a ${TYPE_LABELS[type]} (${type}); the key ${key.name} must be a ${TYPE_LABELS[key.type]} (${key.type})`,
      };
    }
    setAttr(out, key.name, v);
  }
  return { item: out };
}

/**
 * The batch that puts every item's current image into the target table (keys taken through
 * `mapping`) and, for a move, deletes it from the source. Items whose key cannot be built, or
 * whose target key repeats an earlier item's, are left out entirely (no delete without its put).
 */
export function buildCopyMove(input: CopyMoveInput): CopyMoveResult {
  const { from, to, mapping, move } = input;
  if (from.connectionId === to.connectionId && from.table === to.table) {
    const message = 'The target is the source table.';
    return { edit: null, copied: 0, errors: input.items.map((_, index) => ({ index, message })) };
  }
  const errors: { index: number; message: string }[] = [];
  const puts: Edit[] = [];
  const deletes: Edit[] = [];
  const seen = new Map<string, number>();
  input.items.forEach(({ target, current }, index) => {
    if (!current) return void errors.push({ index, message: 'is not loaded' });
    const r = targetImage(current, to.keySchema, mapping);
    if ('error' in r) return void errors.push({ index, message: r.error });
    const id = changeId(to.connectionId, to.table, r.item, to.keySchema);
    const first = seen.get(id);
    if (first !== undefined) {
      return void errors.push({ index, message: `has the same target key as item ${first + 1}` });
    }
    seen.set(id, index);
    puts.push({ type: 'putItem', connectionId: to.connectionId, table: to.table, item: r.item });
    if (move) deletes.push({ type: 'deleteItem', target, after: id });
  });
  const edits = [...puts, ...deletes];
  return { edit: edits.length ? { type: 'batch', edits } : null, copied: puts.length, errors };
}

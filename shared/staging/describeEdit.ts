/** What one staging step did, in a few words, for toasts and for undo ("Undid: Deleted T-00047"). */
import { tableRef } from '../changes/types';
import type { Edit, ItemTarget, KeySchemasByRef } from '../changes/types';
import { keyNames } from '../dynamo/types';
import type { Item, KeySchema } from '../dynamo/types';

const fmt = (n: number) => n.toLocaleString('en-US');

/** The key's values, "T-00047" or "org-1 / u-2" (a target's key may carry the whole item). */
function keyValues(key: Item, schema: KeySchema | undefined): string {
  const names = schema ? keyNames(schema) : Object.keys(key);
  return names
    .map((n) => key[n])
    .map((v) => (!v ? '?' : 'S' in v ? v.S : 'N' in v ? v.N : 'B' in v ? v.B : '?'))
    .join(' / ');
}

function flatten(edit: Edit): Edit[] {
  return edit.type === 'batch' ? edit.edits.flatMap(flatten) : [edit];
}

/** A short description of `edit`: "Set status of T-1", "Deleted 3 items", "Moved 12 items". */
export function describeEdit(edit: Edit, keySchemas: KeySchemasByRef = {}): string {
  const schemaOf = (connectionId: string, table: string) =>
    keySchemas[tableRef(connectionId, table)];
  const of = (t: ItemTarget) =>
    keyValues(t.key, t.keyId?.schema ?? schemaOf(t.connectionId, t.table));
  const all = flatten(edit);
  const one = all.length === 1 ? all[0] : undefined;
  if (one) {
    switch (one.type) {
      case 'setAttribute':
        return `Set ${one.name} of ${of(one.target)}`;
      case 'removeAttribute':
        return `Removed ${one.name} from ${of(one.target)}`;
      case 'putItem':
        return `Added ${keyValues(one.item, schemaOf(one.connectionId, one.table))} to ${one.table}`;
      case 'replaceItem':
        return `Edited ${of(one.target)}`;
      case 'deleteItem':
        return `Deleted ${of(one.target)}`;
      case 'revertAttribute':
        return `Reverted ${one.name} of ${of(one.target)}`;
      case 'revertItem':
        return `Reverted ${of(one.target)}`;
      case 'revertAll':
        return `Reverted all${one.table ? ` of ${one.table}` : ''}`;
      case 'batch':
        return 'Nothing';
    }
  }
  const kinds = new Set(all.map((e) => e.type));
  const puts = all.filter((e) => e.type === 'putItem').length;
  const deletes = all.filter((e) => e.type === 'deleteItem').length;
  if (kinds.size === 2 && puts === deletes && kinds.has('putItem') && kinds.has('deleteItem'))
    return `Moved ${fmt(puts)} ${puts === 1 ? 'item' : 'items'}`;
  if (kinds.size === 1) {
    const n = fmt(all.length);
    switch (all[0]?.type) {
      case 'deleteItem':
        return `Deleted ${n} items`;
      case 'putItem':
        return `Added ${n} items`;
      case 'revertItem':
        return `Reverted ${n} items`;
      default:
        return `Edited ${n} items`;
    }
  }
  return `${fmt(all.length)} changes`;
}

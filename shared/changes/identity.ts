/**
 * The identities of the staging area, made and parsed in one place. The formats are stored in
 * staging files and journals, so they never change:
 * - TableRef: connection id, NUL, table name.
 * - RowId: an item's canonical key (canonicalKey: JSON, so it never holds a raw NUL).
 * - ChangeId: TableRef, NUL, RowId.
 * - CommitId: a commit's id (its journal's name): UTC time to the second, a dash, 8 random hex
 *   digits; the UI makes it before the call so that it knows the commit, the backend when not given.
 * - ItemId: table, NUL, RowId: an item within one connection (a plan's, a transaction's); in
 *   memory only, never stored.
 * Table names cannot hold a NUL (DynamoDB allows [A-Za-z0-9_.-]); connection ids are ours.
 */
import { canonicalKey, normalizedKeyValue } from '../dynamo/key';
import type { Item, KeySchema } from '../dynamo/types';

/** connection id + NUL + table. */
export type TableRef = string;
/** An item's canonical key within its table. */
export type RowId = string;
/** TableRef + NUL + RowId. */
export type ChangeId = string;
/** yyyyMMddHHmmss-xxxxxxxx (commitIdSchema accepts it). */
export type CommitId = string;
/** table + NUL + RowId: an item within one connection. */
export type ItemId = string;

const SEP = '\u0000';

/** The lookup key of a table within a connection. */
export function tableRef(connectionId: string, table: string): TableRef {
  return connectionId + SEP + table;
}

/** The connection and table of a TableRef; null when `ref` is not one. */
export function parseTableRef(ref: string): { connectionId: string; table: string } | null {
  const nul = ref.lastIndexOf(SEP);
  if (nul < 0) return null;
  return { connectionId: ref.slice(0, nul), table: ref.slice(nul + 1) };
}

/** The row id of an item: equal for every spelling of the same key. */
export function rowId(key: Item, keySchema: KeySchema): RowId {
  return canonicalKey(key, keySchema);
}

/** What every change id of one table starts with. */
export function changeIdPrefix(connectionId: string, table: string): string {
  return tableRef(connectionId, table) + SEP;
}

/** The change id of a row whose id is known. */
export function changeIdOf(connectionId: string, table: string, row: RowId): ChangeId {
  return changeIdPrefix(connectionId, table) + row;
}

/** The identity of an item: equal for every spelling of the same key in the same table. */
export function changeId(
  connectionId: string,
  table: string,
  key: Item,
  keySchema: KeySchema,
): ChangeId {
  return changeIdOf(connectionId, table, rowId(key, keySchema));
}

/**
 * Where the row id of a change id starts (just past its last NUL: a row id never holds one);
 * -1 when `id` has no NUL. For hot paths that compare the tail in place.
 */
export function rowIdStart(id: string): number {
  const nul = id.lastIndexOf(SEP);
  return nul < 0 ? -1 : nul + 1;
}

/** The parts of a change id; null when `id` is not one. */
export function parseChangeId(
  id: string,
): { connectionId: string; table: string; rowId: RowId } | null {
  const start = rowIdStart(id);
  if (start < 0) return null;
  const ref = parseTableRef(id.slice(0, start - 1));
  return ref && { ...ref, rowId: id.slice(start) };
}

/** The item id of a row whose id is known. */
export function itemIdOf(table: string, row: RowId): ItemId {
  return table + SEP + row;
}

/** The identity of an item within one connection: equal for every spelling of its key. */
export function itemId(table: string, key: Item, keySchema: KeySchema): ItemId {
  return itemIdOf(table, rowId(key, keySchema));
}

/**
 * The row id of a key whose schema is not known (a PartiQL statement's): its attributes in name
 * order with their values in normal form. Equal for equal keys; not comparable with rowId's.
 */
export function rowIdOfKey(key: Item): RowId {
  return JSON.stringify(
    Object.keys(key)
      .sort()
      .map((k) => [k, normalizedKeyValue(key[k])]),
  );
}

/** A new commit id: different each call (8 random hex digits after the time). */
export function newCommitId(): CommitId {
  const stamp = new Date()
    .toISOString()
    .replace(/[-:.TZ]/g, '')
    .slice(0, 14);
  return `${stamp}-${crypto.randomUUID().slice(0, 8)}`;
}

/**
 * A save's groups (shared/contract/staging.ts StagingGroup: rows of one table given the same
 * update, named by served page and index) made into the entries they stand for: each row's key
 * is read from the bytes the backend served, by the group's key schema, and its change id made
 * from that key (shared/changes/identity.ts), so a group cannot name a row under another id.
 * The entries carry an updateRef, and the served bytes are their originals (byRef.ts).
 */
import type { StagingEntry, StagingGroup } from '../../shared/contract/staging';
import type { UpdateRef } from '../../shared/changes/wire';
import { changeIdOf, rowId } from '../../shared/changes/identity';
import type { AttributeValue, Item, KeyType } from '../../shared/dynamo/types';
import { setAttr } from '../../shared/dynamo/attrs';
import { memberValue, utf8 } from '../items/itemMember';
import type { ServedPages } from '../items/servedPages';
import { namedError } from '../errors';
import { ORIGINAL_GONE, ORIGINAL_MISMATCH } from './byRef';

export interface GroupEntries {
  entries: StagingEntry[];
  /** Each entry's original: the bytes its row was served as. */
  originals: Uint8Array[];
}

/** The text of `raw` when it is {"<type>":"<text>"} with no quote or backslash in the text. */
function plainText(raw: Uint8Array, type: KeyType): string | undefined {
  const end = raw.length - 2;
  if (end < 6 || raw[0] !== 0x7b || raw[1] !== 0x22 || raw[2] !== type.charCodeAt(0) || raw[3] !== 0x22) return undefined;
  if (raw[4] !== 0x3a || raw[5] !== 0x22 || raw[end] !== 0x22 || raw[end + 1] !== 0x7d) return undefined;
  const text = raw.subarray(6, end);
  if (text.includes(0x22) || text.includes(0x5c)) return undefined;
  return utf8(text);
}

/** The key attribute `name` of a served item, as `type`; undefined when it has none of that type. */
function keyValue(bytes: Uint8Array, name: string, type: KeyType): AttributeValue | undefined {
  const raw = memberValue(bytes, name);
  if (!raw) return undefined;
  // DynamoDB's own spelling, read without JSON.parse (10,000 keys in a bulk edit's save).
  const plain = plainText(raw, type);
  if (plain !== undefined) return { [type]: plain } as AttributeValue;
  const value = JSON.parse(utf8(raw)) as Record<string, unknown>;
  const keys = Object.keys(value);
  if (keys.length !== 1 || keys[0] !== type || typeof value[type] !== 'string') return undefined;
  return value as AttributeValue;
}

/** The entries `groups` stand for, in order; throws OriginalGone / OriginalMismatch as byRef.ts does. */
export function groupEntries(groups: readonly StagingGroup[], pages: ServedPages | undefined): GroupEntries {
  const entries: StagingEntry[] = [];
  const originals: Uint8Array[] = [];
  let gone = 0;
  groups.forEach((g, at) => {
    const { partitionKey, sortKey } = g.keySchema;
    for (const { page, indexes } of g.rows) {
      for (const index of indexes) {
        const served = pages?.item(page, index);
        // A line break would split the log's record (pages holding one are never kept: rawPage.ts).
        if (!served || served.bytes.includes(0x0a)) {
          gone++;
          continue;
        }
        const where = `groups[${at}]: item ${index} of page ${page}`;
        if (served.connectionId !== g.connectionId || served.table !== g.table) {
          throw namedError(ORIGINAL_MISMATCH, `${where} is not from table ${JSON.stringify(g.table)}`);
        }
        const key: Item = {};
        for (const k of sortKey ? [partitionKey, sortKey] : [partitionKey]) {
          const value = keyValue(served.bytes, k.name, k.type);
          if (!value) throw namedError(ORIGINAL_MISMATCH, `${where} has no key attribute ${JSON.stringify(k.name)} of type ${k.type}`);
          setAttr(key, k.name, value);
        }
        const updateRef: UpdateRef = { key, page, index, set: g.set, remove: g.remove };
        if (g.error !== undefined) updateRef.error = g.error;
        entries.push({
          id: changeIdOf(g.connectionId, g.table, rowId(key, g.keySchema)),
          connectionId: g.connectionId,
          table: g.table,
          updateRef,
        });
        originals.push(served.bytes);
      }
    }
  });
  if (gone > 0) {
    throw namedError(ORIGINAL_GONE, `${gone} staged change(s) name a loaded page the host no longer keeps: send their originals`);
  }
  return { entries, originals };
}

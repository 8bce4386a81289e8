/**
 * Staging saves that name an update's original instead of sending it (shared/changes/wire.ts
 * UpdateRef): each name is resolved to the exact bytes of the item the backend served
 * (server/items/servedPages.ts), whose key must be the entry's key. The log record is then
 * written with those bytes as the original, in today's format (logFormat.ts).
 */
import type { StagingEntry } from '../../shared/contract/staging';
import { memberValue, sameJsonValue } from '../items/itemMember';
import type { ServedPages } from '../items/servedPages';
import { namedError } from '../errors';
import type { Spliced } from './held';
import { recordLineOfPieces, type LineBytes } from './logFormat';

/** The code of a save that named a page the backend no longer keeps: send those images whole. */
export const ORIGINAL_GONE = 'OriginalGone';
/** The code of a save whose named original is not the entry's row (another key or table). */
export const ORIGINAL_MISMATCH = 'OriginalMismatch';

/** Each entry's named original, as bytes (undefined for entries that name none). */
export function resolveOriginals(
  entries: readonly StagingEntry[],
  pages: ServedPages | undefined,
): (Uint8Array | undefined)[] {
  let gone = 0;
  const out = entries.map((e, at) => {
    const r = e.updateRef;
    if (!r) return undefined;
    const served = pages?.item(r.page, r.index);
    // A line break would split the log's record (pages holding one are never kept: rawPage.ts).
    if (!served || served.bytes.includes(0x0a)) {
      gone++;
      return undefined;
    }
    const where = `entries[${at}].updateRef`;
    if (served.connectionId !== e.connectionId || served.table !== e.table) {
      throw namedError(ORIGINAL_MISMATCH, `${where}: item ${r.index} of page ${r.page} is not from table ${JSON.stringify(e.table)}`);
    }
    const names = Object.keys(r.key);
    if (names.length === 0) throw namedError(ORIGINAL_MISMATCH, `${where}: the key is empty`);
    for (const name of names) {
      const value = memberValue(served.bytes, name);
      if (!value || !sameJsonValue(value, r.key[name])) {
        throw namedError(
          ORIGINAL_MISMATCH,
          `${where}: item ${r.index} of page ${r.page} has another ${JSON.stringify(name)} than the entry's key`,
        );
      }
    }
    return served.bytes;
  });
  if (gone > 0) {
    throw namedError(
      ORIGINAL_GONE,
      `${gone} staged change(s) name a loaded page the host no longer keeps: send their originals`,
    );
  }
  return out;
}

/**
 * How an entry with a named original is written in a record: {"id","update":{…,"original":…}}
 * with the served bytes spliced in: the text before them, then they, then "}}".
 */
export function splicedEntry(id: string, s: Spliced, texts?: JsonTexts): [string, Uint8Array] {
  const { ref: r, original } = s;
  const json = texts ? texts.of : JSON.stringify;
  const error = r.error === undefined ? '' : `,"error":${JSON.stringify(r.error)}`;
  // JSON.stringify({id, update: {connectionId, table, key, set, remove, error?}}) without its
  // last "}}", written out so that the parts a bulk edit's entries share are serialised once.
  const head =
    `{"id":${JSON.stringify(id)},"update":{"connectionId":${json(s.connectionId)},"table":${json(s.table)},` +
    `"key":${JSON.stringify(r.key)},"set":${json(r.set)},"remove":${json(r.remove)}${error}`;
  return [`${head},"original":`, original];
}

/**
 * JSON texts of values that many entries of one save share (a group's set, remove, connection
 * and table: one object each), kept by identity for the save: serialised once, not per entry.
 */
export class JsonTexts {
  private readonly objects = new Map<unknown, string>();
  private readonly strings = new Map<string, string>();
  readonly of = (v: unknown): string => {
    const seen = typeof v === 'string' ? this.strings : this.objects;
    let text = seen.get(v as string);
    if (text === undefined) {
      text = JSON.stringify(v);
      seen.set(v as string, text);
    }
    return text;
  };
}

/**
 * The record of a save's entries (`parts`, some spliced: splicedEntry) as bytes; each held original
 * (`spliced`, in order) becomes a view of them, not of the served page, which may be evicted.
 */
export function splicedRecord(parts: readonly (string | readonly [string, Uint8Array])[], spliced: Spliced[]): LineBytes {
  const { bytes, at } = recordLineOfPieces(parts);
  spliced.forEach((s, k) => {
    s.original = bytes.line.subarray(at[k], at[k]! + s.original.byteLength);
  });
  return bytes;
}

/**
 * The staging file's format, version 2: an append-only log per connection and table, at
 * <staging>/<safeName(connectionId)>/<safeName(table)>.json, mode 0600 (files.ts).
 *
 *   line 1   {"format":"dynostage-staging-log","version":2,"connectionId":"…","table":"…"}
 *   line 2…  <crc32 of the JSON text, 8 lowercase hex digits><space><JSON of {"entries":[…]}>
 *
 * Every line ends with "\n" (JSON.stringify never writes a raw newline). Each save appends one
 * record: the entries it applied, in order, each {"id"} with "change" (a whole staged change),
 * "update" (an update as its original and what differs, shared/changes/wire.ts) or neither
 * (un-staged). Loading replays the records in order; the last value of an id wins. A save of one
 * table over the web host is written as the request's own text ({"entries":[…]} of staging:apply,
 * whose entries also carry "connectionId" and "table"; keys the schema does not know are dropped
 * on reading, as they were on input): the same entries, not serialised a second time.
 *
 * A file is created whole (header and first record) by an atomic write; a record is appended and
 * fsynced before its save is acknowledged. A last record that is cut short or fails its checksum
 * is a save that never finished (never acknowledged): it is ignored and cut off before anything is
 * appended after it. Damage before the last record makes the file unreadable (moved aside and
 * reported, store.ts). When the log holds much more than its live entries it is compacted:
 * rewritten atomically as the header and one record of the live entries.
 *
 * Version 1 (until this one): one JSON object {"version":1,"connectionId","table","changes":{id:
 * change}} without a newline, rewritten whole on every save. It still loads (parseStagingFile);
 * the first save to its table rewrites the file as version 2.
 */
import { crc32 } from 'node:zlib';
import { z } from 'zod';
import type { StagedChange } from '../../shared/changes/types';
import { toDelta, type UpdateDelta } from '../../shared/changes/wire';
import { stagedChangeSchema, updateDeltaSchema } from '../../shared/contract/staging';

export const LOG_FORMAT = 'dynostage-staging-log';
export const LOG_VERSION = 2;

/** One entry of a record: a change id and its new value (neither: un-staged). */
export interface LogEntry {
  id: string;
  change?: StagedChange;
  update?: UpdateDelta;
}

const headerSchema = z.object({
  format: z.literal(LOG_FORMAT),
  version: z.literal(LOG_VERSION),
  connectionId: z.string(),
  table: z.string(),
});

const recordSchema = z.object({
  entries: z.array(
    z
      .object({
        id: z.string().min(1),
        change: stagedChangeSchema.optional(),
        update: updateDeltaSchema.optional(),
      })
      .refine((e) => !(e.change && e.update), 'an entry has a change or an update, not both'),
  ),
});

const v1Schema = z.object({
  version: z.literal(1),
  connectionId: z.string(),
  table: z.string(),
  changes: z.record(z.string(), stagedChangeSchema),
});

/** How a staged change is written: an update as a delta when it has one (half the bytes). */
export function logEntryOf(id: string, change: StagedChange | undefined): LogEntry {
  if (!change) return { id };
  const update = toDelta(change);
  return update ? { id, update } : { id, change };
}

export function headerLine(connectionId: string, table: string): string {
  return JSON.stringify({ format: LOG_FORMAT, version: LOG_VERSION, connectionId, table }) + '\n';
}

/**
 * A record's JSON for entries already serialised one by one (`parts`: JSON.stringify of each
 * LogEntry), so the caller knows each entry's size.
 */
export function recordJson(parts: readonly string[]): string {
  return `{"entries":[${parts.join(',')}]}`;
}

/** A record line already built as bytes (checksum, space, JSON, newline): recordLineOfPieces. */
export class LineBytes {
  constructor(readonly line: Buffer) {}
}

/**
 * The record line of entries each serialised whole (a string) or as a text and the bytes that
 * follow it, then "}}" (an update whose original is spliced in as the bytes it was served as,
 * server/staging/byRef.ts), built in one buffer; `at`: where each entry's bytes landed, in order.
 */
export function recordLineOfPieces(parts: readonly (string | readonly [string, Uint8Array])[]): { bytes: LineBytes; at: number[] } {
  // The texts between byte pieces, encoded in one call (a call per text cost 20,000 calls for a
  // bulk edit's 10,000 entries, most of building the record), then copied in place.
  const texts: string[] = [];
  const pieces: Uint8Array[] = [];
  let text = '{"entries":[';
  parts.forEach((p, k) => {
    if (k > 0) text += ',';
    if (typeof p === 'string') text += p;
    else {
      texts.push(text + p[0]);
      pieces.push(p[1]);
      text = '}}';
    }
  });
  texts.push(text + ']}');
  const joined = texts.join('');
  const encoded = Buffer.from(joined, 'utf8');
  // All ASCII (the usual case): each text's bytes are as many as its characters.
  const ascii = encoded.length === joined.length;
  let size = encoded.length;
  for (const piece of pieces) size += piece.byteLength;
  const line = Buffer.allocUnsafe(9 + size + 1);
  const at: number[] = [];
  let o = 9;
  let from = 0;
  texts.forEach((t, k) => {
    const n = ascii ? t.length : Buffer.byteLength(t, 'utf8');
    // copy, not set(subarray): no view allocated per entry (10,000 of them in a bulk edit's save).
    encoded.copy(line, o, from, from + n);
    from += n;
    o += n;
    const piece = pieces[k];
    if (piece) {
      line.set(piece, o);
      at.push(o);
      o += piece.byteLength;
    }
  });
  line.write(`${hex(crc32(line.subarray(9, o)))} `, 0, 'latin1');
  line[o] = 0x0a;
  return { bytes: new LineBytes(line.subarray(0, o + 1)), at };
}

/** One record line of a record's JSON (one line: no raw newline in it), with its checksum. */
export function recordLine(json: string | LineBytes): string | Buffer {
  if (typeof json === 'string') return `${hex(crc32(json))} ${json}\n`;
  return json.line;
}

const hex = (n: number) => n.toString(16).padStart(8, '0');

/** What a staging file holds, whichever version wrote it. */
export interface ParsedFile {
  version: 1 | 2;
  connectionId: string;
  table: string;
  /** Records in order (a version 1 file: one record of all its changes). */
  records: { entries: LogEntry[]; bytes: number }[];
  /** Bytes of the file up to the end of the last whole record. */
  validBytes: number;
  /** A last record was cut short or damaged, and ignored. */
  torn: boolean;
}

export class StagingFileDamaged extends Error {}

const NEWLINE = 0x0a;

/** Reads a staging file's bytes; throws StagingFileDamaged (or a zod error) when it is not readable. */
export function parseStagingFile(buf: Buffer): ParsedFile {
  const firstEnd = buf.indexOf(NEWLINE);
  if (firstEnd < 0) return parseV1(buf);
  const header = headerSchema.parse(JSON.parse(buf.subarray(0, firstEnd).toString('utf8')));
  const out: ParsedFile = {
    version: 2,
    connectionId: header.connectionId,
    table: header.table,
    records: [],
    validBytes: firstEnd + 1,
    torn: false,
  };
  let at = firstEnd + 1;
  while (at < buf.length) {
    const end = buf.indexOf(NEWLINE, at);
    const last = end < 0 || end === buf.length - 1;
    const record = end < 0 ? null : readRecord(buf.subarray(at, end));
    if (!record) {
      if (last) {
        out.torn = true;
        break;
      }
      throw new StagingFileDamaged(`record at byte ${at} is damaged (not the last one)`);
    }
    out.records.push({ entries: record, bytes: end + 1 - at });
    at = end + 1;
    out.validBytes = at;
  }
  return out;
}

/** A record line's entries, or null when its checksum or content is wrong. */
function readRecord(line: Buffer): LogEntry[] | null {
  if (line.length < 10 || line[8] !== 0x20) return null;
  const json = line.subarray(9);
  if (line.subarray(0, 8).toString('latin1') !== hex(crc32(json))) return null;
  try {
    return recordSchema.parse(JSON.parse(json.toString('utf8'))).entries as LogEntry[];
  } catch {
    return null;
  }
}

function parseV1(buf: Buffer): ParsedFile {
  const v1 = v1Schema.parse(JSON.parse(buf.toString('utf8')));
  const entries = Object.entries(v1.changes).map(([id, change]) => ({ id, change }));
  return {
    version: 1,
    connectionId: v1.connectionId,
    table: v1.table,
    records: [{ entries, bytes: buf.length }],
    validBytes: buf.length,
    torn: false,
  };
}

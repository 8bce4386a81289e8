import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { writeWholeLog } from './logFile';
import { headerLine, parseStagingFile, recordLineOfPieces } from './logFormat';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'dynostage-record-'));
});
afterEach(() => rm(root, { recursive: true, force: true }));

const original = (id: string, note: string) => Buffer.from(JSON.stringify({ id: { S: id }, note: { S: note } }), 'utf8');

/** Entries as store.ts writes them: whole texts, and texts with an original's bytes after them. */
function parts(names: readonly string[]): (string | [string, Uint8Array])[] {
  return names.map((id, k) =>
    k % 3 === 2
      ? JSON.stringify({ id })
      : [`${JSON.stringify({ id, update: { connectionId: 'c', table: 'T', key: { id: { S: id } }, set: {}, remove: [] } }).slice(0, -2)},"original":`, original(id, `${id} nöte ✓ 😀`)],
  );
}

/** The line written the plain way: every piece encoded on its own, then joined. */
function expected(ps: readonly (string | readonly [string, Uint8Array])[]): Buffer {
  const chunks: Buffer[] = [Buffer.from('{"entries":[')];
  ps.forEach((p, k) => {
    if (k > 0) chunks.push(Buffer.from(','));
    if (typeof p === 'string') chunks.push(Buffer.from(p, 'utf8'));
    else chunks.push(Buffer.from(p[0], 'utf8'), Buffer.from(p[1]), Buffer.from('}}'));
  });
  chunks.push(Buffer.from(']}'));
  const json = Buffer.concat(chunks);
  return Buffer.concat([Buffer.from(`${crc32(json).toString(16).padStart(8, '0')} `), json, Buffer.from('\n')]);
}

for (const [name, ids] of [
  ['ASCII ids', ['a-1', 'a-2', 'a-3', 'a-4', 'a-5']],
  ['ids with two-, three- and four-byte characters', ['é-1', 'a-2', '€-3', '😀-4', 'a-5']],
] as const) {
  test(`a record line of texts and bytes is the texts and bytes in order, checksummed (${name})`, () => {
    const ps = parts(ids);
    const { bytes, at } = recordLineOfPieces(ps);
    expect(bytes.line.equals(expected(ps))).toBe(true);
    // Each original landed where `at` says (the store keeps views of them there).
    const spliced = ps.filter((p): p is [string, Uint8Array] => typeof p !== 'string');
    expect(at).toHaveLength(spliced.length);
    spliced.forEach(([, piece], k) => {
      expect(Buffer.from(bytes.line.subarray(at[k]!, at[k]! + piece.byteLength)).equals(Buffer.from(piece))).toBe(true);
    });
    // Nothing past the newline: the line is exactly as long as what it holds.
    expect(bytes.line.at(-1)).toBe(0x0a);
  });
}

test('a whole log written from a record built as bytes reads back entry by entry, at its exact size', async () => {
  const ids = ['é-1', 'a-2', '€-3', '😀-4'];
  const { bytes } = recordLineOfPieces(parts(ids));
  const file = join(root, 'c', 'T.json');
  const size = await writeWholeLog(root, file, 'c', 'T', bytes);
  const buf = await readFile(file);
  expect(size).toBe(buf.length);
  expect((await stat(file)).mode & 0o777).toBe(0o600);
  expect(buf.subarray(0, headerLine('c', 'T').length).toString('utf8')).toBe(headerLine('c', 'T'));
  const parsed = parseStagingFile(buf);
  expect(parsed.torn).toBe(false);
  expect(parsed.records).toHaveLength(1);
  expect(parsed.records[0]!.entries.map((e) => e.id)).toEqual(ids);
  expect(parsed.records[0]!.entries[3]!.update?.original).toEqual({ id: { S: '😀-4' }, note: { S: '😀-4 nöte ✓ 😀' } });
});

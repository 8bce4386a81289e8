/**
 * Disk operations on one staging log (format: logFormat.ts): write it whole (atomic: a new file
 * or a compaction), append a record (fsynced before returning), cut a torn tail off.
 */
import { open, rm, truncate } from 'node:fs/promises';
import { dirname } from 'node:path';
import { PRIVATE_FILE_MODE, ensurePrivateDir, fsyncDir, writeFileAtomic } from '../files/atomicWrite';
import { headerLine, recordLine, type LineBytes } from './logFormat';

/** Writes the header and one record (its JSON, see recordJson); returns the file's size in bytes. */
export async function writeWholeLog(
  root: string,
  file: string,
  connectionId: string,
  table: string,
  json: string | LineBytes,
): Promise<number> {
  await ensurePrivateDir(root);
  await ensurePrivateDir(dirname(file));
  const line = recordLine(json);
  const header = headerLine(connectionId, table);
  if (typeof line === 'string') {
    const text = header + line;
    await writeFileAtomic(file, text);
    return Buffer.byteLength(text);
  }
  // A record built as bytes (megabytes for a bulk edit) is written after the header, not copied.
  const head = Buffer.from(header, 'utf8');
  await writeFileAtomic(file, [head, line]);
  return head.length + line.length;
}

/**
 * Appends one record (its JSON) at byte `size` (the end of the last whole record) and syncs it;
 * returns the new size. On failure, cuts the file back to `size` when it can, and throws.
 */
export async function appendRecord(file: string, size: number, json: string | LineBytes): Promise<number> {
  const line = recordLine(json);
  const h = await open(file, 'a', PRIVATE_FILE_MODE);
  try {
    await h.appendFile(line);
    await h.sync();
  } catch (err) {
    await h.truncate(size).catch(() => undefined);
    throw err;
  } finally {
    await h.close();
  }
  return size + Buffer.byteLength(line);
}

/** Cuts the file to `size` bytes (a torn last record off) and syncs it. */
export async function cutTo(file: string, size: number): Promise<void> {
  await truncate(file, size);
  const h = await open(file, 'r+');
  try {
    await h.sync();
  } finally {
    await h.close();
  }
}

/** Removes the file (its table has nothing staged) durably. */
export async function removeLog(file: string): Promise<void> {
  await rm(file, { force: true });
  await fsyncDir(dirname(file));
}

/**
 * The one way DynoStage writes its files: private modes (files 0600, folders 0700) and atomic
 * replacement (temp file in the same folder, fsync, rename, fsync of the folder), so a crash
 * leaves the old or the new content and no other local user can read staged items, journals,
 * saved connections or plan files.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { chmod, mkdir, open, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_DIR_MODE = 0o700;

/**
 * Creates `dir` (and missing parents) as 0700. With `tighten`, an existing `dir` is set to 0700
 * too: for the app's own folders, not for a folder the user named.
 */
export async function ensurePrivateDir(dir: string, tighten = true): Promise<void> {
  await mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  // mkdir's mode is filtered by the umask; chmod is not.
  if (tighten) await chmod(dir, PRIVATE_DIR_MODE);
}

/** Makes a rename in `dir` durable; some platforms cannot fsync a folder (the rename is still atomic). */
export async function fsyncDir(dir: string): Promise<void> {
  const h = await open(dir, 'r').catch(() => null);
  if (!h) return;
  await h.sync().catch(() => undefined);
  await h.close();
}

function tempName(file: string): string {
  return `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
}

export interface WriteOptions {
  /** Create the parent folder as 0700 when missing (default true). */
  createDir?: boolean;
}

/**
 * Replaces `file` with `data` atomically; afterwards `file` is mode 0600 and holds `data` on disk,
 * or (on error) still holds its old content and no temp file is left. `data` may be chunks, written
 * in order (a large record after its header, without copying both into one buffer first).
 */
export async function writeFileAtomic(
  file: string,
  data: string | Uint8Array | readonly Uint8Array[],
  opts: WriteOptions = {},
): Promise<void> {
  const dir = dirname(file);
  if (opts.createDir ?? true) await mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  const tmp = tempName(file);
  try {
    // 'wx' with an explicit mode: the temp file is private from its first byte.
    const h = await open(tmp, 'wx', PRIVATE_FILE_MODE);
    try {
      // Chunks are written one after another, each whole (node takes an iterable of them).
      await writeFile(h, data);
      await h.chmod(PRIVATE_FILE_MODE);
      await h.sync();
    } finally {
      await h.close();
    }
    await rename(tmp, file);
  } catch (err) {
    await rm(tmp, { force: true }).catch(() => undefined);
    throw err;
  }
  await fsyncDir(dir);
}

/** writeFileAtomic for the few places that must finish before returning (the window on quit). */
export function writeFileAtomicSync(file: string, data: string): void {
  mkdirSync(dirname(file), { recursive: true, mode: PRIVATE_DIR_MODE });
  const tmp = tempName(file);
  try {
    const fd = openSync(tmp, 'wx', PRIVATE_FILE_MODE);
    try {
      writeSync(fd, data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

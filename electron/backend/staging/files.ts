import { open, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** File name for a connection or table: safe on every OS, distinct for distinct names. */
export function safeName(name: string): string {
  return encodeURIComponent(name).replace(/\*/g, '%2A').replace(/^\./, '%2E');
}

export function tableFile(root: string, connectionId: string, table: string): string {
  return join(root, safeName(connectionId), safeName(table) + '.json');
}

/** Writes a file so that a crash leaves the old or the new content, never a torn one. */
export async function writeAtomic(file: string, text: string): Promise<void> {
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(tmp, text);
  const fh = await open(tmp, 'r+');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
  await rename(tmp, file);
  // Make the rename itself durable (directory entry), where the platform allows it.
  const dir = await open(dirname(file), 'r').catch(() => null);
  if (dir) {
    await dir.sync().catch(() => undefined);
    await dir.close();
  }
}

import { join } from 'node:path';
import { writeFileAtomic } from '../files/atomicWrite';

/** File name for a connection or table: safe on every OS, distinct for distinct names. */
export function safeName(name: string): string {
  return encodeURIComponent(name).replace(/\*/g, '%2A').replace(/^\./, '%2E');
}

export function tableFile(root: string, connectionId: string, table: string): string {
  return join(root, safeName(connectionId), safeName(table) + '.json');
}

/** Writes a file so that a crash leaves the old or the new content, never a torn one (mode 0600). */
export const writeAtomic = (file: string, text: string): Promise<void> => writeFileAtomic(file, text);

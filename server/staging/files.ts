import { join } from 'node:path';

/** File name for a connection or table: safe on every OS, distinct for distinct names. */
export function safeName(name: string): string {
  return encodeURIComponent(name).replace(/\*/g, '%2A').replace(/^\./, '%2E');
}

export function tableFile(root: string, connectionId: string, table: string): string {
  return join(root, safeName(connectionId), safeName(table) + '.json');
}

/**
 * Staged changes as a DynoStage change file: JSON lines of {"table","put"|"delete"|"move"}, the
 * format `dynostage apply` reads. A move (a delete paired with the put of its image into another
 * table) is one "move" line, so the CLI holds the delete until the copy is written.
 */
import type { Item } from '../dynamo/types';
import type { Changes, StagedChange } from './types';

/** One connection's change file. */
export interface ChangeFile {
  connectionId: string;
  /** The file's text: one JSON object per line, each line ending in "\n". */
  text: string;
  lines: number;
}

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Whether `item` holds every attribute of `key` with the same value (the CLI cuts the key from it). */
function carriesKey(item: Item, key: Item): boolean {
  return Object.keys(key).every((k) => Object.hasOwn(item, k) && sameValue(item[k], key[k]));
}

/** A JSON object with own keys in the given order (the item maps are null-prototype). */
function line(table: string, kind: 'put' | 'delete' | 'move', value: unknown): string {
  return JSON.stringify({ table, [kind]: value });
}

/**
 * The change file of each connection with staged changes, in staging order. `moves` maps the id
 * of a delete that is half of a move to its put's id (the review's pairing). An update is written
 * as a put of its new image. A move whose copy does not carry the source key (a key mapping
 * changed it) is written as its put and its delete, on their own lines.
 */
export function changeFiles(changes: Changes, moves: ReadonlyMap<string, string>): ChangeFile[] {
  const movedPuts = new Map<string, string>(); // put id -> delete id
  for (const [del, put] of moves) {
    const d = changes.get(del);
    const p = changes.get(put);
    if (d?.kind === 'delete' && p?.kind === 'put' && carriesKey(p.item, d.key))
      movedPuts.set(put, del);
  }
  const moveDeletes = new Set(movedPuts.values());
  const byConnection = new Map<string, string[]>();
  const add = (c: StagedChange, text: string) => {
    const list = byConnection.get(c.connectionId);
    if (list) list.push(text);
    else byConnection.set(c.connectionId, [text]);
  };
  for (const [id, c] of changes) {
    if (movedPuts.has(id)) continue; // written with its delete
    if (moveDeletes.has(id)) {
      const put = changes.get(moves.get(id)!) as Extract<StagedChange, { kind: 'put' }>;
      add(c, line(c.table, 'move', { to: put.table, item: put.item }));
    } else if (c.kind === 'delete') add(c, line(c.table, 'delete', c.key));
    else add(c, line(c.table, 'put', c.item));
  }
  return [...byConnection].map(([connectionId, list]) => ({
    connectionId,
    text: list.map((l) => l + '\n').join(''),
    lines: list.length,
  }));
}

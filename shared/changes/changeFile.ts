/**
 * Staged changes as a DynoStage change file: JSON lines of {"table","put"|"delete"|"move"}, the
 * format `dynostage apply` reads. A move (a delete paired with the put of its image into another
 * table) is one "move" line, so the CLI holds the delete until the copy is written. In guarded
 * mode a write the app would guard carries "expect" (its base image), and "version" and
 * "overwrite" when set: the CLI then runs it as the same conditional single-item call.
 */
import type { Item } from '../dynamo/types';
import type { Guard } from '../plan/types';
import { guardOf, type GuardOptions } from './toPlanGuards';
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
function line(
  table: string,
  kind: 'put' | 'delete' | 'move',
  value: unknown,
  guard: Guard | undefined,
): string {
  const o: Record<string, unknown> = { table, [kind]: value };
  if (guard) {
    o.expect = guard.base;
    if (guard.version !== undefined) o.version = guard.version;
    if (guard.overwrite) o.overwrite = true;
  }
  return JSON.stringify(o);
}

/**
 * The change file of each connection with staged changes, in staging order. `moves` maps the id
 * of a delete that is half of a move to its put's id (the review's pairing). An update is written
 * as a put of its new image. A move whose copy does not carry the source key (a key mapping
 * changed it) is written as its put and its delete, on their own lines. `guards`: the commit's
 * write mode and options (default batch: no expectations).
 */
export function changeFiles(
  changes: Changes,
  moves: ReadonlyMap<string, string>,
  guards: GuardOptions = { mode: 'batch' },
): ChangeFile[] {
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
    const guard = guardOf(id, c.table, changes, guards);
    if (moveDeletes.has(id)) {
      const put = changes.get(moves.get(id)!) as Extract<StagedChange, { kind: 'put' }>;
      add(c, line(c.table, 'move', { to: put.table, item: put.item }, guard));
    } else if (c.kind === 'delete') add(c, line(c.table, 'delete', c.key, guard));
    else add(c, line(c.table, 'put', c.item, guard));
  }
  return [...byConnection].map(([connectionId, list]) => ({
    connectionId,
    text: list.map((l) => l + '\n').join(''),
    lines: list.length,
  }));
}

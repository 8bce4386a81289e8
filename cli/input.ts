/**
 * Reading change files: JSON lines of {"table","put"|"delete"|"move"} (with "expect", "version"
 * and "overwrite" for a guarded write), or AWS CLI request-items JSON.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { checkPlanHeader } from '../shared/changes/planFileId';
import { itemSchema } from '../shared/contract/values';
import { withoutLeadingPlus } from '../shared/dynamo/number';
import { keyOf, type AttributeValue, type Item, type KeySchema } from '../shared/dynamo/types';
import { fromRequestItems } from '../shared/plan/requestItems';
import type { Guard, PlanInput } from '../shared/plan/types';
import { UsageError } from './args';

function isRequestItems(v: unknown): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const values = Object.values(v);
  return values.length > 0 && values.every(Array.isArray);
}

/** A value with every number's leading '+' dropped: the same number, in the form dynalite reads. */
function withoutPlus(v: AttributeValue): AttributeValue {
  if ('N' in v) return { N: withoutLeadingPlus(v.N) };
  if ('NS' in v) return { NS: v.NS.map(withoutLeadingPlus) };
  if ('L' in v) return { L: v.L.map(withoutPlus) };
  if ('M' in v) return { M: mapValues(v.M) };
  return v;
}

function mapValues(item: Item): Item {
  const out = Object.create(null) as Item; // an attribute named "__proto__" stays an attribute
  for (const [k, v] of Object.entries(item)) out[k] = withoutPlus(v);
  return out;
}

function checkItem(where: string, what: string, value: unknown): Item {
  const r = itemSchema.safeParse(value);
  if (!r.success) {
    const issue = r.error.issues[0];
    const at = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
    throw new UsageError(`${where}: ${what} is not a DynamoDB JSON item${at}`);
  }
  // DynamoDB reads "+5" as 5; writing it as 5 keeps dynalite (which refuses the sign) working.
  return mapValues(r.data);
}

const SHAPES =
  'expected {"table":"T","put":{…}}, {"table":"T","delete":{…}} or ' +
  '{"table":"T","move":{"to":"T2","item":{…}}}';

/**
 * The guard of a line with "expect" (its base image), "version" and "overwrite": the write is then
 * the conditional single-item call the app makes in guarded mode. No "expect": a batch write.
 */
function guardOfLine(where: string, o: Record<string, unknown>): Guard | undefined {
  if (o.expect === undefined) {
    for (const k of ['version', 'overwrite'])
      if (o[k] !== undefined) throw new UsageError(`${where}: "${k}" needs "expect" (the item as loaded)`);
    return undefined;
  }
  const guard: Guard = { base: checkItem(where, '"expect"', o.expect) };
  if (o.version !== undefined) {
    if (typeof o.version !== 'string' || o.version === '')
      throw new UsageError(`${where}: "version" is the name of the version attribute (a string)`);
    guard.version = o.version;
  }
  if (o.overwrite !== undefined) {
    if (typeof o.overwrite !== 'boolean') throw new UsageError(`${where}: "overwrite" is true or false`);
    if (o.overwrite) guard.overwrite = true;
  }
  return guard;
}

/**
 * The operations of one line. A move is a put of the item into `to` (id "<id> copy") and a delete
 * from `table` that waits for it (`after`); its key is cut to the key attributes once the table's
 * schema is known (see keyOnlyMoves). A guard ("expect") goes on the put, the delete, or a move's
 * delete.
 */
function fromLine(where: string, id: string, text: string): PlanInput[] {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    throw new UsageError(`${where}: not valid JSON`);
  }
  const o = (typeof v === 'object' && v !== null ? v : {}) as Record<string, unknown>;
  if (typeof o.table !== 'string' || o.table === '') throw new UsageError(`${where}: ${SHAPES}`);
  const given = ['put', 'delete', 'move'].filter((k) => o[k] !== undefined);
  if (given.length !== 1) {
    throw new UsageError(`${where}: give exactly one of "put", "delete" and "move"`);
  }
  const guard = guardOfLine(where, o);
  const g = guard ? { guard } : {};
  if (o.put !== undefined)
    return [{ id, table: o.table, kind: 'put', item: checkItem(where, 'put', o.put), ...g }];
  if (o.delete !== undefined) {
    return [{ id, table: o.table, kind: 'delete', key: checkItem(where, 'delete', o.delete), ...g }];
  }
  const m = (typeof o.move === 'object' && o.move !== null ? o.move : {}) as Record<
    string,
    unknown
  >;
  if (typeof m.to !== 'string' || m.to === '' || m.item === undefined) {
    throw new UsageError(`${where}: a move is {"to":"TargetTable","item":{…the whole item…}}`);
  }
  if (m.to === o.table)
    throw new UsageError(`${where}: a move needs a "to" table other than "${o.table}"`);
  const item = checkItem(where, 'move.item', m.item);
  const copy = `${id} copy`;
  return [
    { id: copy, table: m.to, kind: 'put', item },
    { id, table: o.table, kind: 'delete', key: item, after: copy, ...g },
  ];
}

/** Moves' deletes with their key cut to the table's key attributes (the line gave the whole item). */
export function keyOnlyMoves(
  ops: PlanInput[],
  schemas: Readonly<Record<string, KeySchema>>,
): PlanInput[] {
  return ops.map((op) => {
    const schema = schemas[op.table];
    return op.kind === 'delete' && op.after !== undefined && schema
      ? { ...op, key: keyOf(op.key, schema) }
      : op;
  });
}

/** Parses one file's text; ids are `<prefix>line N` or `<prefix>Table[i]`. */
export function parseChanges(text: string, file: string, prefix = ''): PlanInput[] {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    let whole: unknown;
    try {
      whole = JSON.parse(trimmed);
    } catch {
      whole = undefined; // JSON lines: parsed line by line below
    }
    if (isRequestItems(whole)) {
      try {
        return fromRequestItems(whole, prefix).map((op) =>
          op.kind === 'put'
            ? { ...op, item: checkItem(`${file}: ${op.id}`, 'Item', op.item) }
            : { ...op, key: checkItem(`${file}: ${op.id}`, 'Key', op.key) },
        );
      } catch (err) {
        if (err instanceof UsageError) throw err;
        throw new UsageError(`${file}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  }
  const ops: PlanInput[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    ops.push(...fromLine(`${file}:${i + 1}`, `${prefix}line ${i + 1}`, line));
  });
  return ops;
}

/**
 * Reads every FILE; with more than one, ids carry the file name. An exported plan whose id line no
 * longer matches its lines is refused, or only warned about with `force`.
 */
export async function readChanges(
  files: string[],
  force = false,
  warn: (m: string) => void = (m) => void process.stderr.write(`${m}\n`),
): Promise<PlanInput[]> {
  const ops: PlanInput[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch (err) {
      throw new UsageError(
        `cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`,
      );
    }
    const { body, changed } = checkPlanHeader(text);
    if (changed && !force) {
      throw new UsageError(`${file}: ${changed}; export it again, or pass --force to apply it as it is`);
    }
    if (changed) warn(`warning: ${file}: ${changed}; applied as it is (--force)`);
    ops.push(...parseChanges(body, file, files.length > 1 ? `${path.basename(file)}:` : ''));
  }
  if (ops.length === 0) throw new UsageError(`no changes in ${files.join(', ')}`);
  return ops;
}

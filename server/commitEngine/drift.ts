/**
 * Before commit, drift: has the server image moved since the edit was based on it? After commit,
 * read-back: does the server hold what was written?
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { canonicalKey } from '../../shared/dynamo/key';
import { keyOf, type Item } from '../../shared/dynamo/types';
import type { KeySchemasByTable, PlanInput } from '../../shared/plan/types';
import { batchGetItems, type BatchGetItemsOptions } from '../sdk/batchGet';
import { itemsEquivalent } from './equivalent';

export interface DriftInput {
  id: string;
  table: string;
  key: Item;
  /** The image the edit was based on; null when the edit expects no item (a new put). */
  original: Item | null;
}

export interface Mismatch {
  id: string;
  table: string;
  key: Item;
  /** What was expected: the original image (drift) or the written image (read-back). */
  expected: Item | null;
  server: Item | null;
}

export interface CompareResult {
  mismatches: Mismatch[];
  /** Ids whose item could not be read (still unprocessed after the last round). */
  unchecked: string[];
}

type Expectation = {
  id: string;
  table: string;
  key: Item;
  expected: Item | null;
  /** What the write makes the item (null: gone); a server equal to it is not a mismatch either. */
  done?: Item | null;
};

const same = (server: Item | null, want: Item | null) =>
  server === null || want === null ? server === want : itemsEquivalent(server, want);

async function compare(
  client: DynamoDBClient,
  wanted: Expectation[],
  keySchemas: KeySchemasByTable,
  opts: BatchGetItemsOptions,
): Promise<CompareResult> {
  const byTable = new Map<string, Expectation[]>();
  for (const w of wanted) byTable.set(w.table, [...(byTable.get(w.table) ?? []), w]);
  const result: CompareResult = { mismatches: [], unchecked: [] };
  for (const [table, list] of byTable) {
    const schema = keySchemas[table];
    if (!schema) throw new Error(`no key schema for table "${table}"`);
    const got = await batchGetItems(
      client,
      table,
      schema,
      list.map((w) => w.key),
      opts,
    );
    const unresolved = new Set(got.unresolved.map((k) => canonicalKey(k, schema)));
    for (const w of list) {
      const ck = canonicalKey(w.key, schema);
      if (unresolved.has(ck)) {
        result.unchecked.push(w.id);
        continue;
      }
      const server = got.items.get(ck) ?? null;
      const ok = same(server, w.expected) || (w.done !== undefined && same(server, w.done));
      if (!ok)
        result.mismatches.push({
          id: w.id,
          table,
          key: keyOf(w.key, schema),
          expected: w.expected,
          server,
        });
    }
  }
  return result;
}

/** Conflicts: edits whose item on the server no longer equals the image they were based on. */
export function checkDrift(
  client: DynamoDBClient,
  inputs: readonly DriftInput[],
  keySchemas: KeySchemasByTable,
  opts: BatchGetItemsOptions = {},
): Promise<CompareResult> {
  const wanted = inputs.map((d) => ({
    id: d.id,
    table: d.table,
    key: d.key,
    expected: d.original,
  }));
  return compare(client, wanted, keySchemas, { consistent: true, ...opts });
}

/** Differences: written puts whose server item is not the put image, deletes whose item exists. */
export function readBack(
  client: DynamoDBClient,
  written: readonly PlanInput[],
  keySchemas: KeySchemasByTable,
  opts: BatchGetItemsOptions = {},
): Promise<CompareResult> {
  const wanted = written.map((op) =>
    op.kind === 'put'
      ? { id: op.id, table: op.table, key: op.item, expected: op.item }
      : { id: op.id, table: op.table, key: op.key, expected: null },
  );
  return compare(client, wanted, keySchemas, { consistent: true, ...opts });
}

/**
 * The drift check again, before a resume sends batch writes: `bases` holds the image each
 * operation's edit was based on (null: it expects no item). An item that already holds what the
 * operation writes is not a conflict (the interrupted run wrote it). Operations without a base,
 * and guarded ones (their condition checks them), are not read.
 */
export function checkResume(
  client: DynamoDBClient,
  ops: readonly PlanInput[],
  bases: ReadonlyMap<string, Item | null>,
  keySchemas: KeySchemasByTable,
  opts: BatchGetItemsOptions = {},
): Promise<CompareResult> {
  const wanted: Expectation[] = [];
  for (const op of ops) {
    const base = bases.get(op.id);
    if (op.guard !== undefined || base === undefined) continue;
    const key = op.kind === 'put' ? op.item : op.key;
    const done = op.kind === 'put' ? op.item : null;
    wanted.push({ id: op.id, table: op.table, key, expected: base, done });
  }
  return compare(client, wanted, keySchemas, { consistent: true, ...opts });
}

/**
 * Running the PartiQL tab's statement: a SELECT fills the table's grid (first page, Load more,
 * Load all with Cancel), an INSERT, UPDATE or DELETE is staged for the review.
 */
import type { TableDescription } from '../../../../shared/contract/tables';
import type { QueryModel } from '../../../../shared/contract/items';
import type { AttributeValue } from '../../../../shared/dynamo/types';
import { keyNames } from '../../../../shared/dynamo/types';
import { parseParameters } from '../../../../shared/partiql/params';
import { describeStatement, errorPosition } from '../../../../shared/partiql/statement';
import { ApiCallError, call } from '../../api/client';
import { slotKey, useItemsStore, type SlotRef } from '../../stores/itemsStore';
import { usePartiqlStore, type PartiqlError } from './partiqlStore';

let sequence = 0;
const newLoadId = () => `partiql-${Date.now().toString(36)}-${++sequence}`;
const draftOf = (key: string) => usePartiqlStore.getState().drafts[key];
const patch = (key: string, p: Parameters<ReturnType<typeof usePartiqlStore.getState>['patch']>[1]) =>
  usePartiqlStore.getState().patch(key, p);
const items = () => useItemsStore.getState();

function errorOf(err: unknown): PartiqlError {
  if (err instanceof ApiCallError) {
    const at = errorPosition(err.message);
    return { code: err.code, message: err.message, ...(at ? { where: 'statement' as const, ...at } : {}) };
  }
  return { code: 'Error', message: err instanceof Error ? err.message : String(err) };
}

/**
 * The model the grid keeps for rows of a SELECT: none for whole items of the table (editable like
 * a query's rows), a projection or the index otherwise, so the grid says why they are read-only.
 */
function gridModel(table: string, info: ReturnType<typeof describeStatement>): QueryModel | undefined {
  if (!info.selectsAll) return { table, projection: ['(the SELECT list)'] };
  if (info.index) return { table, index: info.index };
  return undefined;
}

async function readPage(ref: SlotRef, key: string, loadId: string, token?: string): Promise<boolean> {
  const draft = draftOf(key);
  if (!draft?.running || draft.loadId !== loadId) return false;
  try {
    const page = await call('partiql:execute', {
      connectionId: ref.connectionId,
      statement: draft.running.statement,
      parameters: draft.running.parameters,
      consistentRead: draft.consistentRead,
      ...(token ? { nextToken: token } : {}),
    });
    if (draftOf(key)?.loadId !== loadId) return false;
    items().append(ref, loadId, page.items);
    const now = draftOf(key)!;
    patch(key, {
      nextToken: page.nextToken,
      items: now.items + page.items.length,
      pages: now.pages + 1,
      consumedCapacity: now.consumedCapacity + page.consumedCapacity,
    });
    return page.nextToken !== undefined;
  } catch (err) {
    const error = errorOf(err);
    items().fail(ref, loadId, { code: error.code, message: error.message });
    patch(key, { status: 'error', error });
    return false;
  }
}

/** Run: a SELECT replaces the grid's rows with its first page (or every page when `all`); a write is staged. */
export async function runStatement(ref: SlotRef, table: TableDescription, all = false): Promise<void> {
  const key = slotKey(ref);
  const draft = draftOf(key);
  if (!draft) return;
  const params = parseParameters(draft.params);
  if (!params.ok) {
    patch(key, { error: { code: 'BadInput', where: 'parameters', ...params.error }, notice: undefined });
    return;
  }
  const info = describeStatement(draft.text);
  if (info.kind === 'UNKNOWN') {
    patch(key, { error: { code: 'BadInput', message: 'Write a SELECT, INSERT, UPDATE or DELETE statement.' }, notice: undefined });
    return;
  }
  if (info.table !== undefined && info.table !== table.name) {
    patch(key, {
      error: { code: 'BadInput', message: `This tab works on table ${table.name}; the statement names ${info.table}. Open ${info.table} to run it.` },
      notice: undefined,
    });
    return;
  }
  if (info.kind !== 'SELECT') {
    await stageStatement(ref, key, draft.text, params.values, keyNames(table.key));
    return;
  }
  const loadId = newLoadId();
  patch(key, {
    status: all ? 'streaming' : 'loading',
    loadId,
    running: { statement: draft.text, parameters: params.values },
    nextToken: undefined,
    items: 0,
    pages: 0,
    consumedCapacity: 0,
    error: undefined,
    notice: undefined,
  });
  const model = gridModel(table.name, info);
  items().begin(ref, { keySchema: table.key, kind: 'Get', status: all ? 'streaming' : 'loading', loadId, ...(model ? { model } : {}) });
  await continueLoad(ref, key, loadId, undefined, all);
}

async function continueLoad(ref: SlotRef, key: string, loadId: string, token: string | undefined, all: boolean) {
  let more = await readPage(ref, key, loadId, token);
  while (all && more && draftOf(key)?.loadId === loadId && draftOf(key)?.status === 'streaming') {
    more = await readPage(ref, key, loadId, draftOf(key)?.nextToken);
  }
  const now = draftOf(key);
  if (now?.loadId !== loadId || now.status === 'error') return;
  const status = now.status === 'canceled' ? 'canceled' : 'done';
  patch(key, { status });
  items().finish(ref, loadId, { status, progress: { items: now.items, pages: now.pages, consumedCapacity: now.consumedCapacity } });
}

/** Load more (one page) or Load all (every page left) of the last SELECT. */
export async function loadMoreStatement(ref: SlotRef, all: boolean): Promise<void> {
  const key = slotKey(ref);
  const draft = draftOf(key);
  if (!draft?.nextToken || !draft.running) return;
  const loadId = newLoadId();
  const slot = items().slots[key];
  patch(key, { status: all ? 'streaming' : 'loading', loadId, error: undefined });
  items().begin(ref, { keySchema: slot?.keySchema ?? { partitionKey: { name: '', type: 'S' } }, kind: 'Get', status: all ? 'streaming' : 'loading', loadId, keep: true });
  await continueLoad(ref, key, loadId, draft.nextToken, all);
}

/** Cancel: Load all stops after the page in flight; the rows read so far stay. */
export function cancelStatement(ref: SlotRef): void {
  const key = slotKey(ref);
  if (draftOf(key)?.status === 'streaming') patch(key, { status: 'canceled' });
}

async function stageStatement(ref: SlotRef, key: string, statement: string, parameters: AttributeValue[], names: string[]) {
  try {
    const out = await call('partiql:stage', { connectionId: ref.connectionId, statement, parameters, keyNames: names });
    usePartiqlStore.getState().setStaged(out.statements);
    const item = out.staged.key ? ' on one item' : '';
    patch(key, {
      error: undefined,
      notice: `Staged ${out.staged.kind}${item} of ${out.staged.table}: not run yet. Review and commit it with the other staged changes.`,
    });
  } catch (err) {
    patch(key, { error: errorOf(err), notice: undefined });
  }
}

/** Loads the staged statements once (they are saved by the backend across restarts). */
export async function loadStagedStatements(): Promise<void> {
  if (usePartiqlStore.getState().stagedLoaded) return;
  const out = await call('partiql:staged', {});
  usePartiqlStore.getState().setStaged(out.statements);
}

export async function unstageStatements(ids: string[]): Promise<void> {
  const out = await call('partiql:unstage', { ids });
  usePartiqlStore.getState().setStaged(out.statements);
}

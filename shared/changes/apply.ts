/**
 * Applies edits to the staged changes. Each item's edits collapse into one change that compares
 * the loaded image (the base) with the wanted image: no base means put, no wanted image means
 * delete, equal images mean nothing staged, anything else an update.
 */
import { itemsEqual, valuesEqual } from '../dynamo/equal';
import { keyNames, keyOf } from '../dynamo/types';
import type { Item, KeySchema } from '../dynamo/types';
import { setAttr } from '../dynamo/attrs';
import { StepDraft } from './stepDraft';
import { changeId, changeIdOf, tableRef } from './identity';
import type { Edit, ItemTarget, KeySchemasByRef, Patch, StagedChange, StagingState } from './types';

interface Resolved {
  id: string;
  connectionId: string;
  table: string;
  schema: KeySchema;
  /** The image in the table the change is based on; undefined for new items. */
  base: Item | undefined;
  /** The image the user sees now; undefined when the item is unknown. */
  current: Item | undefined;
  /** What the draft holds at `id` now (looked up once: a new id misses V8's string table). */
  existing: StagedChange | undefined;
}

/** Whether two key schemas name the same attributes with the same types. */
function sameSchema(a: KeySchema, b: KeySchema): boolean {
  if (a === b) return true;
  const [pa, pb, sa, sb] = [a.partitionKey, b.partitionKey, a.sortKey, b.sortKey];
  if (pa.name !== pb.name || pa.type !== pb.type) return false;
  return sa === undefined ? sb === undefined : sa.name === sb?.name && sa.type === sb.type;
}

const hasKey = (item: Item, schema: KeySchema) =>
  keyNames(schema).every((n) => item[n] !== undefined);

/** The loaded image a change is based on (a put has none). */
function baseOf(change: StagedChange): Item | undefined {
  return change.kind === 'put' ? undefined : change.original;
}

/** True when staging `next` would not alter `existing` (so the step can keep the same object). */
function sameChange(existing: StagedChange, next: StagedChange): boolean {
  if (existing.kind !== next.kind || existing.error !== undefined) return false;
  if (existing.kind === 'delete' || next.kind === 'delete') {
    return (
      (existing.kind === 'delete' && existing.after) === (next.kind === 'delete' && next.after)
    );
  }
  if (baseOf(existing) !== baseOf(next)) return false;
  return itemsEqual(existing.item, next.item);
}

class Editor {
  constructor(
    readonly draft: StepDraft,
    private readonly schemas: KeySchemasByRef,
  ) {}

  // Batches usually hit one table: remember the last lookup.
  private last: { connectionId: string; table: string; schema: KeySchema } | null = null;

  private schema(connectionId: string, table: string): KeySchema {
    const last = this.last;
    if (last && last.connectionId === connectionId && last.table === table) return last.schema;
    const schema = this.schemas[tableRef(connectionId, table)];
    if (!schema) throw new Error(`No key schema for table ${table} on connection ${connectionId}`);
    this.last = { connectionId, table, schema };
    return schema;
  }

  private resolve(t: ItemTarget): Resolved {
    const schema = this.schema(t.connectionId, t.table);
    const k = t.keyId;
    const id =
      k !== undefined && sameSchema(k.schema, schema)
        ? changeIdOf(t.connectionId, t.table, k.id)
        : changeId(t.connectionId, t.table, t.key, schema);
    const existing = this.draft.get(id);
    const { connectionId, table } = t;
    if (!existing) {
      const { original } = t;
      return { id, connectionId, table, schema, base: original, current: original, existing };
    }
    // Editing a deleted item brings it back with the edit applied.
    const current = existing.kind === 'delete' ? existing.original : existing.item;
    return { id, connectionId, table, schema, base: baseOf(existing), current, existing };
  }

  /**
   * Stages `next` (undefined = deleted) for the item at `r.id`, given its base. `sameAsBase`, when
   * the caller knows it, is itemsEqual(base, next). A delete staged with `after` waits for the put
   * staged at that change id (a move or a key change).
   */
  private stage(
    r: Omit<Resolved, 'current'>,
    next: Item | undefined,
    sameAsBase?: boolean,
    after?: string,
  ): void {
    const { connectionId, table, schema, base } = r;
    let change: StagedChange | undefined;
    if (next === undefined) {
      change = base && {
        kind: 'delete',
        connectionId,
        table,
        key: keyOf(base, schema),
        original: base,
        ...(after !== undefined ? { after } : {}),
      };
    } else if (base === undefined) {
      change = { kind: 'put', connectionId, table, key: keyOf(next, schema), item: next };
    } else if (!(sameAsBase ?? itemsEqual(base, next))) {
      const key = keyOf(next, schema);
      change = { kind: 'update', connectionId, table, key, original: base, item: next };
    }
    const { existing } = r;
    if (existing && change && sameChange(existing, change)) return;
    this.draft.set(r.id, change, existing);
  }

  /**
   * Stages a new image of the resolved item; a new key moves it (delete old, put new).
   * `sameAsBase` is what stage takes, for the case where the key stays.
   */
  private write(r: Resolved, next: Item, sameAsBase?: boolean): void {
    const pk = r.schema.partitionKey.name;
    const sk = r.schema.sortKey?.name;
    // An item without its key cannot be written.
    if (next[pk] === undefined || (sk !== undefined && next[sk] === undefined)) return;
    // Same key values (by reference, as after a non-key edit): same id, no need to recompute it.
    const cur = r.current;
    const same =
      cur !== undefined && next[pk] === cur[pk] && (sk === undefined || next[sk] === cur[sk]);
    const id = same ? r.id : changeId(r.connectionId, r.table, next, r.schema);
    if (id === r.id) return this.stage(r, next, sameAsBase);
    // A key change: the old item goes only once the new one is written.
    this.stage(r, undefined, undefined, id);
    const there = this.draft.get(id);
    this.stage({ ...r, id, base: there && baseOf(there), existing: there }, next);
  }

  apply(edit: Edit): void {
    switch (edit.type) {
      case 'batch':
        for (const e of edit.edits) this.apply(e);
        return;
      case 'setAttribute': {
        const r = this.resolve(edit.target);
        if (!r.current) return;
        const next = { ...r.current };
        setAttr(next, edit.name, edit.value);
        // An edit of the base image itself differs from it at one attribute at most.
        let same: boolean | undefined;
        if (r.current === r.base) {
          const was = r.base[edit.name];
          same = was !== undefined && valuesEqual(was, edit.value);
        }
        return this.write(r, next, same);
      }
      case 'removeAttribute': {
        const r = this.resolve(edit.target);
        if (!r.current || !(edit.name in r.current)) return;
        const { [edit.name]: _removed, ...next } = r.current;
        return this.write(r, next);
      }
      case 'replaceItem': {
        const r = this.resolve(edit.target);
        if (r.current) this.write(r, edit.item);
        return;
      }
      case 'putItem': {
        const schema = this.schema(edit.connectionId, edit.table);
        if (!hasKey(edit.item, schema)) return;
        const target = { ...edit, key: edit.item };
        const r = this.resolve(target);
        return this.stage(r, edit.item);
      }
      case 'deleteItem':
        return this.stage(this.resolve(edit.target), undefined, undefined, edit.after);
      case 'revertAttribute':
        return this.revertAttribute(edit.target, edit.name);
      case 'revertItem':
        return this.draft.set(this.resolve(edit.target).id, undefined);
      case 'revertAll':
        for (const [id, c] of [...this.draft.current]) {
          if (edit.connectionId !== undefined && c.connectionId !== edit.connectionId) continue;
          if (edit.table !== undefined && c.table !== edit.table) continue;
          this.draft.set(id, undefined);
        }
        return;
    }
  }

  private revertAttribute(target: ItemTarget, name: string): void {
    const r = this.resolve(target);
    const existing = this.draft.get(r.id);
    if (!existing || existing.kind === 'delete') return;
    const was = r.base?.[name];
    if (was === undefined && keyNames(r.schema).includes(name)) return;
    const { [name]: _now, ...rest } = existing.item;
    this.stage(r, was === undefined ? rest : { ...existing.item, [name]: was });
  }
}

/** The state after `edit`, plus a patch listing only the change ids the edit touched. */
export function applyEditWithPatch(
  state: StagingState,
  edit: Edit,
  keySchemas: KeySchemasByRef,
): { state: StagingState; patch: Patch } {
  const editor = new Editor(new StepDraft(state.changes), keySchemas);
  editor.apply(edit);
  const { changes, patch } = editor.draft.finish();
  return { state: changes === state.changes ? state : { changes }, patch };
}

/** The state after `edit`, with each touched item collapsed into at most one change. */
export function applyEdit(
  state: StagingState,
  edit: Edit,
  keySchemas: KeySchemasByRef,
): StagingState {
  return applyEditWithPatch(state, edit, keySchemas).state;
}

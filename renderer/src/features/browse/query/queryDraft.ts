/**
 * The query bar's form as the user types it (text everywhere), and its translation into the
 * contract's QueryModel. Checking the model is shared/query's validateModel; this file only adds
 * what the form itself can get wrong (page size, segments).
 */
import type {
  FilterOp,
  QueryModel,
  ScalarValue,
  SortOp,
} from '../../../../../shared/contract/items';
import type { AttributeValue, AttrType, KeyType } from '../../../../../shared/dynamo/types';
import type { ModelError } from '../../../../../shared/query';

export type ScalarType = 'S' | 'N' | 'B' | 'BOOL' | 'NULL';
export const SCALAR_TYPES: readonly ScalarType[] = ['S', 'N', 'B', 'BOOL', 'NULL'];

export interface ValueDraft {
  type: ScalarType;
  /** For BOOL: 'true' or 'false'; ignored for NULL. */
  text: string;
}

export interface FilterDraft {
  id: number;
  path: string;
  op: FilterOp;
  values: [ValueDraft, ValueDraft];
  /** The type attribute_type tests for. */
  attrType: AttrType;
}

export interface QueryDraft {
  /** '' for the table itself, else an index name. */
  index: string;
  mode: 'query' | 'scan';
  partition: string;
  /** '' for no sort key condition. */
  sortOp: SortOp | '';
  sortValues: [string, string];
  descending: boolean;
  join: 'AND' | 'OR';
  filters: FilterDraft[];
  /** Comma-separated document paths; empty returns every attribute. */
  projection: string;
  consistentRead: boolean;
  pageSize: string;
  /** Parallel Scan segments for Load all. */
  segments: string;
}

export const EMPTY_DRAFT: QueryDraft = {
  index: '',
  mode: 'scan',
  partition: '',
  sortOp: '',
  sortValues: ['', ''],
  descending: false,
  join: 'AND',
  filters: [],
  projection: '',
  consistentRead: false,
  pageSize: '100',
  segments: '1',
};

let nextFilterId = 1;

export function newFilter(): FilterDraft {
  return {
    id: nextFilterId++,
    path: '',
    op: '=',
    values: [
      { type: 'S', text: '' },
      { type: 'S', text: '' },
    ],
    attrType: 'S',
  };
}

/** A typed scalar from its text: numbers and binary trimmed, strings exactly as typed. */
export function scalarOf(v: ValueDraft): ScalarValue {
  switch (v.type) {
    case 'N':
      return { N: v.text.trim() };
    case 'B':
      return { B: v.text.trim() };
    case 'BOOL':
      return { BOOL: v.text === 'true' };
    case 'NULL':
      return { NULL: true };
    default:
      return { S: v.text };
  }
}

/** A key value of the key attribute's type. */
export function keyValueOf(text: string, type: KeyType): AttributeValue {
  return type === 'S' ? { S: text } : type === 'N' ? { N: text.trim() } : { B: text.trim() };
}

/** Splits `a, "b,c".d, e` on the commas outside double quotes; blanks dropped. */
export function splitPaths(text: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === '\\' && quoted && i + 1 < text.length) {
      current += c + text[++i];
      continue;
    }
    if (c === '"') quoted = !quoted;
    if (c === ',' && !quoted) {
      out.push(current);
      current = '';
    } else current += c;
  }
  out.push(current);
  return out.map((p) => p.trim()).filter((p) => p !== '');
}

function positiveInt(text: string, field: string, label: string, max: number): ModelError | number {
  const n = Number(text.trim());
  if (!/^\d+$/.test(text.trim()) || n < 1 || n > max) {
    return {
      field,
      message: `${label} must be a whole number from 1 to ${max.toLocaleString('en-US')}`,
    };
  }
  return n;
}

export interface TargetKeys {
  partitionKey: { name: string; type: KeyType };
  sortKey?: { name: string; type: KeyType };
}

/** The model for a draft against its target's key, plus the form's own errors. */
export function toModel(
  draft: QueryDraft,
  table: string,
  key: TargetKeys,
  isGsi: boolean,
): { model: QueryModel; errors: ModelError[] } {
  const errors: ModelError[] = [];
  const model: QueryModel = { table, mode: draft.mode };
  if (draft.index) model.index = draft.index;
  if (draft.mode === 'query') {
    if (draft.partition !== '')
      model.partitionValue = keyValueOf(draft.partition, key.partitionKey.type);
    if (draft.sortOp && key.sortKey) {
      const sk = key.sortKey;
      const texts = draft.sortOp === 'between' ? draft.sortValues : [draft.sortValues[0]];
      model.sortCondition = { op: draft.sortOp, values: texts.map((t) => keyValueOf(t, sk.type)) };
    }
    if (draft.descending) model.descending = true;
  }
  if (draft.filters.length > 0) {
    model.filters = {
      join: draft.join,
      conditions: draft.filters.map((f) => {
        const n = f.op === 'between' ? 2 : NO_VALUE_OPS.has(f.op) ? 0 : 1;
        return {
          path: f.path,
          op: f.op,
          values: f.values.slice(0, n).map(scalarOf),
          ...(f.op === 'attribute_type' ? { type: f.attrType } : {}),
        };
      }),
    };
  }
  const projection = splitPaths(draft.projection);
  if (projection.length > 0) model.projection = projection;
  if (draft.consistentRead && !isGsi) model.consistentRead = true;
  if (draft.pageSize.trim() !== '') {
    const n = positiveInt(draft.pageSize, 'pageSize', 'Page size', 1_000_000);
    if (typeof n === 'number') model.pageSize = n;
    else errors.push(n);
  }
  if (draft.mode === 'scan') {
    const n = positiveInt(draft.segments || '1', 'segments', 'Segments', 1_000_000);
    if (typeof n === 'number') {
      if (n > 1) model.segments = n;
    } else errors.push(n);
  }
  return { model, errors };
}

export const NO_VALUE_OPS: ReadonlySet<FilterOp> = new Set([
  'attribute_exists',
  'attribute_not_exists',
  'attribute_type',
]);

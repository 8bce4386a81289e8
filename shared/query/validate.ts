import type { FilterCondition, QueryModel } from '../contract/items';
import type { AttributeValue, KeyAttribute, KeySchema } from '../dynamo/types';
import { typeOf } from '../dynamo/types';
import { isQuery } from './build';
import { isOrdering, valueCount } from './ops';
import { parsePath, pathsOverlap, type PathSegment } from './path';
import { compareScalars, valueError } from './values';

/** One problem, placed on the model field it belongs to (`filters.conditions.2.values.0`). */
export interface ModelError {
  field: string;
  message: string;
}

const COUNT_WORDS = ['no values', 'one value', 'two values'];

function keyValueError(v: AttributeValue, attr: KeyAttribute): string | null {
  const t = typeOf(v);
  if (t !== attr.type) return `${attr.name} is of type ${attr.type}, not ${t}`;
  if ('S' in v && v.S === '') return `${attr.name} must not be empty`;
  if ('B' in v && v.B.replace(/=/g, '') === '') return `${attr.name} must not be empty`;
  return valueError(v);
}

function countError(op: string, n: number, got: number): string | null {
  if (got === n) return null;
  return `${op.toUpperCase()} takes ${COUNT_WORDS[n] ?? `${n} values`}, got ${got}`;
}

function checkSort(model: QueryModel, key: KeySchema, out: ModelError[]): void {
  const sc = model.sortCondition;
  if (!sc) return;
  if (model.partitionValue === undefined) {
    out.push({
      field: 'partitionValue',
      message: `Enter a value for ${key.partitionKey.name}: a sort key condition needs the partition key`,
    });
  }
  const sk = key.sortKey;
  if (!sk) {
    out.push({ field: 'sortCondition', message: 'This table or index has no sort key' });
    return;
  }
  if (sc.op === 'begins_with' && sk.type === 'N') {
    out.push({ field: 'sortCondition.op', message: 'begins_with works on S and B sort keys only' });
  }
  const count = countError(sc.op, sc.op === 'between' ? 2 : 1, sc.values.length);
  if (count) out.push({ field: 'sortCondition.values', message: count });
  sc.values.forEach((v, i) => {
    const e = keyValueError(v, sk);
    if (e) out.push({ field: `sortCondition.values.${i}`, message: e });
  });
  checkBetween(sc.op, sc.values, 'sortCondition.values', out);
}

function checkBetween(
  op: string,
  values: AttributeValue[],
  field: string,
  out: ModelError[],
): void {
  const [lo, hi] = values;
  if (op !== 'between' || !lo || !hi || valueError(lo) || valueError(hi)) return;
  const order = compareScalars(lo, hi);
  if (order === null) out.push({ field, message: 'Both bounds must be of the same type' });
  else if (order > 0) {
    out.push({ field: `${field}.1`, message: 'The upper bound must not be below the lower bound' });
  }
}

function checkFilter(
  c: FilterCondition,
  field: string,
  keyNamesInQuery: string[],
  out: ModelError[],
): void {
  const parsed = parsePath(c.path);
  if (!parsed.ok) out.push({ field: `${field}.path`, message: parsed.error });
  else {
    const [first] = parsed.segments;
    if (
      parsed.segments.length === 1 &&
      first &&
      'name' in first &&
      keyNamesInQuery.includes(first.name)
    ) {
      out.push({
        field: `${field}.path`,
        message: `${first.name} is a key attribute: a query filters it with the key condition`,
      });
    }
  }
  if (c.op === 'attribute_type' && !c.type) {
    out.push({ field: `${field}.type`, message: 'Choose the type to test for' });
  }
  const count = countError(c.op, valueCount(c.op), c.values.length);
  if (count) out.push({ field: `${field}.values`, message: count });
  c.values.forEach((v, i) => {
    const t = typeOf(v);
    let e = valueError(v);
    if (!e && isOrdering(c.op) && t !== 'S' && t !== 'N' && t !== 'B') {
      e = `${c.op.toUpperCase()} compares S, N or B values, not ${t}`;
    }
    if (!e && c.op === 'begins_with' && t !== 'S' && t !== 'B')
      e = `begins_with takes S or B, not ${t}`;
    if (e) out.push({ field: `${field}.values.${i}`, message: e });
  });
  checkBetween(c.op, c.values, `${field}.values`, out);
}

function checkProjection(paths: string[], out: ModelError[]): void {
  const seen: { text: string; segments: PathSegment[] }[] = [];
  paths.forEach((text, i) => {
    const parsed = parsePath(text);
    if (!parsed.ok) {
      out.push({ field: `projection.${i}`, message: parsed.error });
      return;
    }
    const clash = seen.find((s) => pathsOverlap(s.segments, parsed.segments));
    if (clash) out.push({ field: `projection.${i}`, message: `Overlaps "${clash.text}"` });
    else seen.push({ text, segments: parsed.segments });
  });
}

/**
 * Every problem DynamoDB would reject (or the user would not mean) in a model, per field; empty
 * when buildRequest can run it. `key` is the target's key; `isIndex` true means a GSI.
 */
export function validateModel(
  model: QueryModel,
  key: KeySchema,
  isIndex: boolean | 'GSI' | 'LSI',
): ModelError[] {
  const out: ModelError[] = [];
  const query = isQuery(model);
  if (model.mode === 'query' && model.partitionValue === undefined && !model.sortCondition) {
    out.push({
      field: 'partitionValue',
      message: `Enter a value for ${key.partitionKey.name} to query`,
    });
  }
  if (model.partitionValue !== undefined) {
    const e = keyValueError(model.partitionValue, key.partitionKey);
    if (e) out.push({ field: 'partitionValue', message: e });
  }
  checkSort(model, key, out);
  const keyNamesInQuery = query
    ? [key.partitionKey.name, ...(key.sortKey ? [key.sortKey.name] : [])]
    : [];
  (model.filters?.conditions ?? []).forEach((c, i) =>
    checkFilter(c, `filters.conditions.${i}`, keyNamesInQuery, out),
  );
  checkProjection(model.projection ?? [], out);
  const gsi = isIndex === true || isIndex === 'GSI';
  if (model.consistentRead && gsi) {
    out.push({
      field: 'consistentRead',
      message: 'Consistent reads are not supported on global secondary indexes',
    });
  }
  if (model.segments !== undefined && model.segments > 1 && query) {
    out.push({ field: 'segments', message: 'Parallel segments apply to scans only' });
  }
  return out;
}

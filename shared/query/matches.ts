/**
 * Whether an item is one a Query or Scan model would return, evaluated locally: used to tell the
 * staged new items that belong to the rows a query shows from those that only sit beside them.
 */
import type { FilterCondition, QueryModel } from '../contract/items';
import { base64ToBytes } from '../dynamo/binary';
import { valuesEqual } from '../dynamo/equal';
import type { AttributeValue, Item, KeySchema } from '../dynamo/types';
import { typeOf } from '../dynamo/types';
import { parsePath } from './path';
import { compareScalars } from './values';

function valueAt(item: Item, path: string): AttributeValue | undefined {
  const parsed = parsePath(path);
  if (!parsed.ok) return undefined;
  let at: AttributeValue | undefined = { M: item };
  for (const s of parsed.segments) {
    if (at === undefined) return undefined;
    if ('name' in s) at = 'M' in at ? at.M[s.name] : undefined;
    else at = 'L' in at ? at.L[s.index] : undefined;
  }
  return at;
}

function ordered(op: string, c: number | null): boolean {
  if (c === null) return false;
  if (op === '<') return c < 0;
  if (op === '<=') return c <= 0;
  if (op === '>') return c > 0;
  return c >= 0;
}

function beginsWith(v: AttributeValue, prefix: AttributeValue): boolean {
  if ('S' in v && 'S' in prefix) return v.S.startsWith(prefix.S);
  if ('B' in v && 'B' in prefix) {
    // Base64 prefixes do not line up with byte prefixes: compare the bytes.
    const x = base64ToBytes(v.B);
    const p = base64ToBytes(prefix.B);
    return !!x && !!p && p.length <= x.length && p.every((byte, i) => x[i] === byte);
  }
  return false;
}

function contains(v: AttributeValue, x: AttributeValue): boolean {
  if ('S' in v) return 'S' in x && v.S.includes(x.S);
  if ('SS' in v) return 'S' in x && v.SS.includes(x.S);
  if ('NS' in v) return 'N' in x && v.NS.some((n) => compareScalars({ N: n }, x) === 0);
  if ('BS' in v) return 'B' in x && v.BS.includes(x.B);
  if ('L' in v) return v.L.some((e) => valuesEqual(e, x));
  return false;
}

/** One comparison as DynamoDB evaluates it: values of different types never match (but <>). */
function test(v: AttributeValue | undefined, op: string, values: readonly AttributeValue[]) {
  const [a, b] = values;
  if (op === 'attribute_exists') return v !== undefined;
  if (op === 'attribute_not_exists') return v === undefined;
  if (v === undefined || a === undefined) return false;
  switch (op) {
    case '=':
      return valuesEqual(v, a);
    case '<>':
      return !valuesEqual(v, a);
    case 'between':
      return (
        b !== undefined &&
        ordered('>=', compareScalars(v, a)) &&
        ordered('<=', compareScalars(v, b))
      );
    case 'begins_with':
      return beginsWith(v, a);
    case 'contains':
      return contains(v, a);
    default:
      return ordered(op, compareScalars(v, a));
  }
}

function condition(item: Item, c: FilterCondition): boolean {
  const v = valueAt(item, c.path);
  if (c.op === 'attribute_type') return v !== undefined && typeOf(v) === c.type;
  return test(v, c.op, c.values);
}

/**
 * True when `item` satisfies the model's key condition (against `key`, the key of the table or
 * index read) and its filters; an index only holds items that carry its key attributes.
 */
export function itemMatchesModel(item: Item, model: QueryModel, key: KeySchema): boolean {
  if (model.index !== undefined) {
    if (item[key.partitionKey.name] === undefined) return false;
    if (key.sortKey && item[key.sortKey.name] === undefined) return false;
  }
  // A Scan turns the key conditions into filters: the same test either way.
  if (model.partitionValue !== undefined) {
    const pk = item[key.partitionKey.name];
    if (pk === undefined || !valuesEqual(pk, model.partitionValue)) return false;
    const sc = model.sortCondition;
    if (sc && key.sortKey && !test(item[key.sortKey.name], sc.op, sc.values)) return false;
  }
  const filters = model.filters;
  if (!filters || filters.conditions.length === 0) return true;
  const results = filters.conditions.map((c) => condition(item, c));
  return filters.join === 'AND' ? results.every(Boolean) : results.some(Boolean);
}

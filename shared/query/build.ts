import type { FilterCondition, QueryModel } from '../contract/items';
import type { AttributeValue, KeySchema } from '../dynamo/types';
import { keyNames } from '../dynamo/types';
import { conditionExpression, valueCount } from './ops';
import { parsePath, type PathSegment } from './path';
import { Placeholders } from './placeholders';

/** Query/Scan parameters in wire form (values as DynamoDB JSON, binary base64). */
export interface RequestParams {
  TableName: string;
  IndexName?: string;
  KeyConditionExpression?: string;
  FilterExpression?: string;
  ProjectionExpression?: string;
  /** Omitted when empty: DynamoDB rejects empty maps. */
  ExpressionAttributeNames?: Record<string, string>;
  ExpressionAttributeValues?: Record<string, AttributeValue>;
  ScanIndexForward?: boolean;
  ConsistentRead?: boolean;
  Limit?: number;
}

export interface BuiltRequest {
  kind: 'Query' | 'Scan';
  params: RequestParams;
}

export interface BuildOptions {
  /** The table's own key, when the target is an index: projected too, so items stay editable. */
  tableKey?: KeySchema;
}

/** True when the model runs as a Query: a partition key value is given and mode is not 'scan'. */
export function isQuery(model: QueryModel): boolean {
  return model.mode !== 'scan' && model.partitionValue !== undefined;
}

function pathOf(text: string): PathSegment[] {
  const parsed = parsePath(text);
  if (!parsed.ok) throw new Error(`Invalid path "${text}": ${parsed.error}`);
  return parsed.segments;
}

function condition(ph: Placeholders, c: FilterCondition): string {
  const n = valueCount(c.op);
  if (c.values.length !== n) throw new Error(`${c.op} takes ${n} value(s), got ${c.values.length}`);
  const path = ph.path(pathOf(c.path));
  if (c.op === 'attribute_type') {
    if (!c.type) throw new Error('attribute_type needs a type');
    return conditionExpression(path, c.op, [ph.value({ S: c.type })]);
  }
  return conditionExpression(
    path,
    c.op,
    c.values.map((v) => ph.value(v)),
  );
}

function keyConditions(ph: Placeholders, model: QueryModel, key: KeySchema): string[] {
  if (model.partitionValue === undefined) {
    if (model.sortCondition) throw new Error('A sort key condition needs a partition key value');
    return [];
  }
  const pk = `${ph.name(key.partitionKey.name)} = ${ph.value(model.partitionValue)}`;
  const sc = model.sortCondition;
  if (!sc) return [pk];
  if (!key.sortKey) throw new Error('This table or index has no sort key');
  const n = sc.op === 'between' ? 2 : 1;
  if (sc.values.length !== n) throw new Error(`${sc.op} takes ${n} value(s)`);
  const values = sc.values.map((v) => ph.value(v));
  return [pk, conditionExpression(ph.name(key.sortKey.name), sc.op, values)];
}

function join(parts: string[], op: 'AND' | 'OR'): string | undefined {
  if (parts.length <= 1) return parts[0];
  return parts.map((p) => `(${p})`).join(` ${op} `);
}

function projection(ph: Placeholders, paths: string[], keys: string[]): string | undefined {
  if (paths.length === 0) return undefined;
  const segments = paths.map(pathOf);
  for (const name of keys) {
    const covered = segments.some((s) => {
      const first = s[0];
      return first !== undefined && 'name' in first && first.name === name;
    });
    if (!covered) segments.push([{ name }]);
  }
  return segments.map((s) => ph.path(s)).join(', ');
}

/**
 * The Query or Scan for a model against its target (the table, or `model.index`) whose key is
 * `key`. Every name and value is a placeholder. Throws on a model validateModel would reject.
 */
export function buildRequest(
  model: QueryModel,
  key: KeySchema,
  opts: BuildOptions = {},
): BuiltRequest {
  if (model.mode === 'query' && model.partitionValue === undefined) {
    throw new Error('A query needs a partition key value');
  }
  const query = isQuery(model);
  const ph = new Placeholders();
  const keyConds = keyConditions(ph, model, key);
  const filters = model.filters ?? { join: 'AND' as const, conditions: [] };
  const userFilter = join(
    filters.conditions.map((c) => condition(ph, c)),
    filters.join,
  );
  // In a Scan the key conditions filter instead; join() wraps each part in parentheses.
  const filterParts = query ? [] : [...keyConds];
  if (userFilter !== undefined) filterParts.push(userFilter);
  const projected = [...keyNames(key), ...(opts.tableKey ? keyNames(opts.tableKey) : [])];
  const params: RequestParams = { TableName: model.table };
  if (model.index !== undefined) params.IndexName = model.index;
  if (query) params.KeyConditionExpression = keyConds.join(' AND ');
  const filterExpression = join(filterParts, 'AND');
  if (filterExpression !== undefined) params.FilterExpression = filterExpression;
  const projectionExpression = projection(ph, model.projection ?? [], [...new Set(projected)]);
  if (projectionExpression !== undefined) params.ProjectionExpression = projectionExpression;
  const names = ph.attributeNames();
  if (names) params.ExpressionAttributeNames = names;
  const values = ph.attributeValues();
  if (values) params.ExpressionAttributeValues = values;
  if (query && model.descending) params.ScanIndexForward = false;
  if (model.consistentRead) params.ConsistentRead = true;
  if (model.pageSize !== undefined) params.Limit = model.pageSize;
  return { kind: query ? 'Query' : 'Scan', params };
}

/** Plans as DynamoDB JSON RequestItems: the AWS CLI's `--request-items file://…` format. */
import type { Item } from '../dynamo/types';
import type { Plan, PlanInput, PlanRequest } from './types';

export type WriteRequest = { PutRequest: { Item: Item } } | { DeleteRequest: { Key: Item } };
export type RequestItems = Record<string, WriteRequest[]>;

/** The RequestItems of one request, tables in order of their first operation. */
export function toRequestItems(ops: readonly PlanInput[]): RequestItems {
  const out: RequestItems = {};
  for (const op of ops) {
    const list = (out[op.table] ??= []);
    list.push(
      op.kind === 'put' ? { PutRequest: { Item: op.item } } : { DeleteRequest: { Key: op.key } },
    );
  }
  return out;
}

export interface CliRequestFile {
  /** File name, e.g. `request-0001.json`, sorting in execution order. */
  name: string;
  /** Pretty JSON for `aws dynamodb batch-write-item --request-items file://<name>`. */
  json: string;
}

/** One AWS CLI request-items file per planned request, in plan order. */
export function toCliRequestFiles(p: Plan | PlanRequest[], prefix = 'request-'): CliRequestFile[] {
  const requests = Array.isArray(p) ? p : p.requests;
  const width = Math.max(4, String(requests.length).length);
  return requests.map((r, i) => ({
    name: `${prefix}${String(i + 1).padStart(width, '0')}.json`,
    json: JSON.stringify(toRequestItems(r.ops), null, 2) + '\n',
  }));
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Reads RequestItems back into operations with ids `<idPrefix><table>[<index>]`. Throws on a shape
 * that is not RequestItems; item contents are checked by the caller (or the service).
 */
export function fromRequestItems(value: unknown, idPrefix = ''): PlanInput[] {
  if (!isObject(value)) throw new Error('request items must be a JSON object of table -> requests');
  const ops: PlanInput[] = [];
  for (const [table, list] of Object.entries(value)) {
    if (!Array.isArray(list)) throw new Error(`request items for "${table}" must be an array`);
    list.forEach((req: unknown, i) => {
      const id = `${idPrefix}${table}[${i}]`;
      if (isObject(req) && isObject(req.PutRequest) && isObject(req.PutRequest.Item)) {
        ops.push({ id, table, kind: 'put', item: req.PutRequest.Item as Item });
      } else if (isObject(req) && isObject(req.DeleteRequest) && isObject(req.DeleteRequest.Key)) {
        ops.push({ id, table, kind: 'delete', key: req.DeleteRequest.Key as Item });
      } else {
        throw new Error(`${id}: expected {"PutRequest":{"Item":…}} or {"DeleteRequest":{"Key":…}}`);
      }
    });
  }
  return ops;
}

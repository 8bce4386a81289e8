/**
 * Two independent DynamoDB implementations (dynalite and moto) answer the same queries from our
 * items service with the same items: sets, 38-digit numbers, binary, nested paths, reserved words.
 */
import { BatchWriteItemCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { QueryModel } from '../../shared/contract/items';
import { normalizeNumber } from '../../shared/dynamo/number';
import type { Item } from '../../shared/dynamo/types';
import type { BackendContext } from '../../server/context';
import { toSdkItem } from '../../server/sdk/convert';
import { BIG_CREATED_AT, createOrgUsers, createSupportTickets } from '../fixtures/itemsFixtures';
import { itemsHandlers } from '../../server/items/handlers';
import { startDynalite, type LocalDynamo } from './dynalite';
import { MOTO_REGIONS, motoEndpoint } from './motoTest';

const moto = motoEndpoint('agreeBrowse.moto.test.ts');

function context(endpoint: string, region: string): BackendContext & { sdk: DynamoDBClient } {
  const sdk = new DynamoDBClient({ endpoint, region, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  return { dataDir: '/nonexistent', sdk, client: async () => sdk, emit: () => {} };
}

/** Items whose values only survive if every type is kept: sets of each kind, big numbers, binary. */
const typed: Item[] = [
  {
    ticketId: { S: 'SET-1' },
    status: { S: 'typed' },
    createdAt: { N: '-0.00000000000000000000000000000000000001' },
    tags: { SS: ['a', 'b', 'é'] },
    scores: { NS: ['1', '99999999999999999999999999999999999999', '-1.5'] },
    blobs: { BS: ['AAE=', '/w=='] },
    empty: { S: '' },
    nul: { NULL: true },
    flag: { BOOL: false },
    deep: { M: { l: { L: [{ NS: ['2'] }, { B: 'AA==' }, { M: { constructor: { S: 'kept' } } }] } } },
  },
  { ticketId: { S: 'SET-2' }, status: { S: 'typed' }, createdAt: { N: '1E+125' }, tags: { SS: ['b'] } },
];

const canon = (items: Item[]) => items.map((i) => JSON.stringify(sortSets(i))).sort();
const norm = (n: string) => normalizeNumber(n) ?? `bad number ${n}`;
/**
 * Set members come back in any order (both servers are free to reorder them), and numbers in either
 * form: dynalite answers 1E+125 written out in full, moto as it was sent.
 */
function sortSets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortSets);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (k === 'N' && typeof v === 'string') out[k] = norm(v);
      else if (k === 'NS' && Array.isArray(v)) out[k] = (v as string[]).map(norm).sort();
      else out[k] = (k === 'SS' || k === 'BS') && Array.isArray(v) ? [...(v as string[])].sort() : sortSets(v);
    }
    return out;
  }
  return value;
}

let dyn: LocalDynamo;
let a: ReturnType<typeof context>;
let b: ReturnType<typeof context>;

async function all(ctx: BackendContext, model: QueryModel): Promise<Item[]> {
  const items: Item[] = [];
  let cursor: Item | undefined;
  do {
    const page = await itemsHandlers['items:query']({ connectionId: 'x', model, ...(cursor ? { cursor } : {}) }, ctx as never);
    items.push(...page.items);
    cursor = page.cursor;
  } while (cursor);
  return items;
}

describe.skipIf(!moto)('dynalite and moto agree with our items service', () => {
  beforeAll(async () => {
    dyn = await startDynalite();
    a = context(dyn.endpoint, 'us-east-1');
    b = context(moto!, MOTO_REGIONS.agreeBrowse);
    for (const ctx of [a, b]) {
      await createSupportTickets(ctx.sdk);
      await createOrgUsers(ctx.sdk);
      await ctx.sdk.send(
        new BatchWriteItemCommand({ RequestItems: { SupportTickets: typed.map((i) => ({ PutRequest: { Item: toSdkItem(i) } })) } }),
      );
    }
  });
  afterAll(() => dyn?.close());

  const ordered: [string, QueryModel][] = [
    ['Query by partition key (binary attribute)', { table: 'SupportTickets', partitionValue: { S: 'T-0007' } }],
    ['Query by partition key (sets of every kind)', { table: 'SupportTickets', partitionValue: { S: 'SET-1' } }],
    [
      'GSI Query with BETWEEN, descending',
      {
        table: 'SupportTickets',
        index: 'byStatus',
        partitionValue: { S: 'open' },
        sortCondition: { op: 'between', values: [{ N: '1700000010' }, { N: '1700000090' }] },
        descending: true,
      },
    ],
    [
      '38-digit sort key condition',
      { table: 'SupportTickets', index: 'byStatus', partitionValue: { S: 'pending' }, sortCondition: { op: '>=', values: [{ N: BIG_CREATED_AT }] } },
    ],
    ['GSI Query over tiny and huge numbers', { table: 'SupportTickets', index: 'byStatus', partitionValue: { S: 'typed' } }],
    [
      'composite key, begins_with, paged by 7',
      { table: 'OrgUsers', partitionValue: { S: 'org-2' }, sortCondition: { op: 'begins_with', values: [{ S: 'user-01' }] }, pageSize: 7 },
    ],
  ];
  test.each(ordered)('%s: same items in the same order', async (_name, model) => {
    const [x, y] = [await all(a, model), await all(b, model)];
    expect(x.length).toBeGreaterThan(0);
    expect(canon(y)).toEqual(canon(x));
    expect(y.map((i) => JSON.stringify(i.ticketId ?? i.userId))).toEqual(x.map((i) => JSON.stringify(i.ticketId ?? i.userId)));
  });

  const scans: [string, QueryModel][] = [
    [
      'OR filter on reserved words',
      { table: 'SupportTickets', filters: { join: 'OR', conditions: [{ path: 'status', op: '=', values: [{ S: 'closed' }] }, { path: 'name', op: 'begins_with', values: [{ S: 'Ticket 1' }] }] } },
    ],
    ['nested path filter', { table: 'SupportTickets', filters: { join: 'AND', conditions: [{ path: 'data.assignee.name', op: '=', values: [{ S: 'Ana' }] }] } }],
    ['contains on a string set', { table: 'SupportTickets', filters: { join: 'AND', conditions: [{ path: 'tags', op: 'contains', values: [{ S: 'b' }] }] } }],
    ['contains on a number set, 38 digits', { table: 'SupportTickets', filters: { join: 'AND', conditions: [{ path: 'scores', op: 'contains', values: [{ N: '99999999999999999999999999999999999999' }] }] } }],
    ['attribute_type BS and binary equality', { table: 'SupportTickets', filters: { join: 'OR', conditions: [{ path: 'blobs', op: 'attribute_type', values: [], type: 'BS' }, { path: 'attachment', op: '=', values: [{ B: 'AAECAw==' }] }] } }],
    ['list index path, paged by 13', { table: 'SupportTickets', pageSize: 13, filters: { join: 'AND', conditions: [{ path: 'data.tags[0]', op: '=', values: [{ S: 'vip' }] }] } }],
  ];
  test.each(scans)('Scan, %s: same items', async (_name, model) => {
    const [x, y] = [await all(a, model), await all(b, model)];
    expect(x.length).toBeGreaterThan(0);
    expect(canon(y)).toEqual(canon(x));
  });
});

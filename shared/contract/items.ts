import { z } from 'zod';
import { channel } from './define';
import { attributeValueSchema, connectionIdSchema, itemSchema, tableNameSchema } from './values';

/** A value a filter compares against: scalars only (DynamoDB JSON, numbers as strings). */
export const scalarValueSchema = z.union([
  z.strictObject({ S: z.string() }),
  z.strictObject({ N: z.string() }),
  z.strictObject({ B: z.string() }),
  z.strictObject({ BOOL: z.boolean() }),
  z.strictObject({ NULL: z.literal(true) }),
]);
export type ScalarValue = z.infer<typeof scalarValueSchema>;

export const attrTypeSchema = z.enum(['S', 'N', 'B', 'BOOL', 'NULL', 'M', 'L', 'SS', 'NS', 'BS']);

export const sortOpSchema = z.enum(['=', '<', '<=', '>', '>=', 'between', 'begins_with']);
export const filterOpSchema = z.enum([
  '=',
  '<>',
  '<',
  '<=',
  '>',
  '>=',
  'between',
  'begins_with',
  'contains',
  'attribute_exists',
  'attribute_not_exists',
  'attribute_type',
]);

export const filterConditionSchema = z.object({
  /** Document path: `a.b[0].c`; a name with `.`, `[` or `]` in it goes in double quotes. */
  path: z.string(),
  op: filterOpSchema,
  values: z.array(scalarValueSchema),
  /** The type `attribute_type` tests for. */
  type: attrTypeSchema.optional(),
});

export const filterGroupSchema = z.object({
  join: z.enum(['AND', 'OR']),
  conditions: z.array(filterConditionSchema),
});

/**
 * What the user asked for in the query bar. A Query when a partition key value is given (and mode
 * is not 'scan'), else a Scan; in a Scan the key conditions become filter conditions.
 */
export const queryModelSchema = z.object({
  table: tableNameSchema,
  index: z.string().min(1).optional(),
  mode: z.enum(['query', 'scan']).optional(),
  partitionValue: attributeValueSchema.optional(),
  sortCondition: z.object({ op: sortOpSchema, values: z.array(attributeValueSchema) }).optional(),
  descending: z.boolean().optional(),
  filters: filterGroupSchema.optional(),
  /** Document paths to return; key attributes are always added. */
  projection: z.array(z.string()).optional(),
  consistentRead: z.boolean().optional(),
  /** Limit per request (items evaluated, as DynamoDB counts it). */
  pageSize: z.number().int().min(1).optional(),
  /** Parallel scan segments; used by items:loadAll only. */
  segments: z.number().int().min(1).max(64, 'at most 64 parallel Scan segments').optional(),
});

export type QueryModel = z.infer<typeof queryModelSchema>;
export type FilterCondition = z.infer<typeof filterConditionSchema>;
export type FilterOp = z.infer<typeof filterOpSchema>;
export type SortOp = z.infer<typeof sortOpSchema>;

const loadIdSchema = z.string().min(1, 'loadId must not be empty').max(200);
const errorSchema = z.object({ code: z.string(), message: z.string() });

export const batchGetRequestSchema = z.object({
  connectionId: connectionIdSchema,
  table: tableNameSchema,
  keys: z.array(itemSchema),
  consistentRead: z.boolean().optional(),
});

export const batchGetResultSchema = z.object({
  connectionId: z.string(),
  table: z.string(),
  /** Found items, in the order of the first occurrence of their key in the request. */
  items: z.array(itemSchema),
  /** Keys that matched no item. */
  missing: z.array(itemSchema),
  /** Keys still unprocessed after the last retry round (throttling); not known to be missing. */
  unprocessed: z.array(itemSchema),
  /** How many keys were dropped because an equal key (canonical form) came earlier. */
  duplicates: z.number(),
  consumedCapacity: z.number(),
});
export type BatchGetResult = z.infer<typeof batchGetResultSchema>;

const loadSummary = {
  loadId: loadIdSchema,
  count: z.number(),
  scannedCount: z.number(),
  pages: z.number(),
  consumedCapacity: z.number(),
  canceled: z.boolean(),
};

export const itemsChannels = {
  /** One page of a Query or Scan built from the query model. */
  'items:query': channel(
    z.object({
      connectionId: connectionIdSchema,
      model: queryModelSchema,
      /** LastEvaluatedKey of the previous page. */
      cursor: itemSchema.optional(),
    }),
    z.object({
      items: z.array(itemSchema),
      cursor: itemSchema.optional(),
      scannedCount: z.number(),
      count: z.number(),
      consumedCapacity: z.number(),
    }),
  ),
  /** Reads every page, streaming items:page events; returns the totals when done or canceled. */
  'items:loadAll': channel(
    z.object({
      connectionId: connectionIdSchema,
      model: queryModelSchema,
      loadId: loadIdSchema,
      /** Overrides model.segments: parallel Scan segments. */
      segments: z.number().int().min(1).max(64, 'at most 64 parallel Scan segments').optional(),
      /**
       * Paces the load: a page is read only while fewer than `window` of the pages emitted are
       * unacknowledged by items:taken. Without it, every page is read as soon as the last came.
       */
      window: z
        .number()
        .int()
        .min(1, 'window must be at least 1 page')
        .max(1000, 'window must be at most 1000 pages')
        .optional(),
    }),
    z.object(loadSummary),
  ),
  /** A paced items:loadAll's renderer has taken in its first `pages` pages; false when none runs. */
  'items:taken': channel(
    z.object({
      connectionId: connectionIdSchema,
      loadId: loadIdSchema,
      pages: z.number().int().min(0, 'pages must not be negative'),
    }),
    z.object({ running: z.boolean() }),
  ),
  /** Stops a running items:loadAll; false when no such load runs. */
  'items:cancel': channel(
    z.object({ connectionId: connectionIdSchema, loadId: loadIdSchema }),
    z.object({ canceled: z.boolean() }),
  ),
  /** Reads items by key (100 unique keys per call, unprocessed keys retried); lists missing keys. */
  'items:batchGet': channel(
    z.object({ requests: z.array(batchGetRequestSchema).min(1) }),
    z.object({ results: z.array(batchGetResultSchema), consumedCapacity: z.number() }),
  ),
};

/** Progress of an items:loadAll: one event per page read, totals so far. */
export const itemsPageEventSchema = z.object({
  type: z.literal('items:page'),
  loadId: z.string(),
  items: z.array(itemSchema),
  /** Pages read so far (every segment). */
  pages: z.number(),
  /** Items received so far, these included. */
  total: z.number(),
  scannedCount: z.number(),
  consumedCapacity: z.number(),
  segment: z.number().optional(),
  /**
   * The id under which the backend keeps this page's Items bytes (web host only): a staging save
   * may name one of its items by this id and its index instead of sending the image back.
   */
  servedPage: z.string().optional(),
});

/** The end of an items:loadAll, also sent when it failed (with `error`) or was canceled. */
export const itemsDoneEventSchema = z.object({
  type: z.literal('items:done'),
  ...loadSummary,
  loadId: z.string(),
  error: errorSchema.optional(),
});

export const itemsEvents = [itemsPageEventSchema, itemsDoneEventSchema] as const;
export type ItemsEvent = z.infer<(typeof itemsEvents)[number]>;

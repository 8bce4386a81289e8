import { z } from 'zod';
import { channel } from './define';
import { connectionIdSchema, keySchemaSchema, tableNameSchema } from './values';

export const projectionSchema = z.object({
  type: z.enum(['ALL', 'KEYS_ONLY', 'INCLUDE']),
  nonKeyAttributes: z.array(z.string()).optional(),
});

export const indexSchema = z.object({
  name: z.string(),
  kind: z.enum(['GSI', 'LSI']),
  key: keySchemaSchema,
  projection: projectionSchema,
  status: z.string().optional(),
});

export const tableDescriptionSchema = z.object({
  name: z.string(),
  status: z.string(),
  key: keySchemaSchema,
  attributeDefinitions: z.array(z.object({ name: z.string(), type: z.enum(['S', 'N', 'B']) })),
  indexes: z.array(indexSchema),
  billingMode: z.enum(['PAY_PER_REQUEST', 'PROVISIONED']),
  provisioned: z.object({ read: z.number(), write: z.number() }).optional(),
  itemCount: z.number().optional(),
  sizeBytes: z.number().optional(),
  stream: z.object({ enabled: z.boolean(), viewType: z.string().optional() }),
  ttl: z.object({ status: z.string(), attribute: z.string().optional() }),
  createdAt: z.string().optional(),
  arn: z.string().optional(),
});
export type TableDescription = z.infer<typeof tableDescriptionSchema>;
export type IndexDescription = z.infer<typeof indexSchema>;

export const tablesChannels = {
  /** Every table name of a connection (ListTables, all pages). */
  'tables:list': channel(
    z.object({ connectionId: connectionIdSchema }),
    z.object({ tables: z.array(z.string()) }),
  ),
  /** Keys, attribute definitions, indexes, billing, streams and TTL of one table. */
  'tables:describe': channel(
    z.object({ connectionId: connectionIdSchema, table: tableNameSchema }),
    tableDescriptionSchema,
  ),
};

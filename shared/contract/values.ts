import { z } from 'zod';
import type { AttributeValue } from '../dynamo/types';

/** Zod schema for a DynamoDB JSON AttributeValue (numbers as strings, binary as base64). */
export const attributeValueSchema: z.ZodType<AttributeValue> = z.lazy(() =>
  z.union([
    z.strictObject({ S: z.string() }),
    z.strictObject({ N: z.string() }),
    z.strictObject({ B: z.string() }),
    z.strictObject({ BOOL: z.boolean() }),
    z.strictObject({ NULL: z.literal(true) }),
    z.strictObject({ M: z.record(z.string(), attributeValueSchema) }),
    z.strictObject({ L: z.array(attributeValueSchema) }),
    z.strictObject({ SS: z.array(z.string()) }),
    z.strictObject({ NS: z.array(z.string()) }),
    z.strictObject({ BS: z.array(z.string()) }),
  ]),
) as z.ZodType<AttributeValue>;

export const itemSchema = z.record(z.string(), attributeValueSchema);

export const keyTypeSchema = z.enum(['S', 'N', 'B']);
export const keySchemaSchema = z.object({
  partitionKey: z.object({ name: z.string(), type: keyTypeSchema }),
  sortKey: z.object({ name: z.string(), type: keyTypeSchema }).optional(),
});

export const connectionIdSchema = z.string().min(1, 'connectionId must not be empty');
export const tableNameSchema = z
  .string()
  .min(3, 'table name must be 3 to 255 characters')
  .max(255, 'table name must be 3 to 255 characters');

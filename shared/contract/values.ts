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

// C0 controls, DEL and C1 controls: a name holding one can end a line in a script, a log or a
// terminal and start another.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** Where the first control character of `s` is, as a message; undefined when there is none. */
export function controlCharProblem(s: string): string | undefined {
  const m = CONTROL.exec(s);
  if (!m) return undefined;
  const code = m[0].charCodeAt(0).toString(16).padStart(4, '0');
  return `must not contain control characters (U+${code} at position ${m.index + 1})`;
}

/** A string schema that refuses control characters (newlines, tabs, escapes). */
export function plainText<T extends z.ZodString>(schema: T) {
  return schema.superRefine((value, ctx) => {
    const problem = controlCharProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
}

export const connectionIdSchema = plainText(z.string().min(1, 'connectionId must not be empty'));
export const tableNameSchema = plainText(
  z
    .string()
    .min(3, 'table name must be 3 to 255 characters')
    .max(255, 'table name must be 3 to 255 characters'),
);

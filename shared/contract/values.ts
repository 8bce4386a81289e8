import { z } from 'zod';
import { attributeValueProblem, itemProblem, type AttributeProblem } from './attributeCheck';
import type { AttributeValue, Item } from '../dynamo/types';

/**
 * Zod schema for a DynamoDB JSON AttributeValue (numbers as strings, binary as base64). Checked by
 * attributeCheck.ts's walk (not a zod union: that cost seconds on a bulk edit's save); a valid
 * value passes through as it came, so an attribute named `__proto__` survives.
 */
export const attributeValueSchema: z.ZodType<AttributeValue> = checked<AttributeValue>(
  attributeValueProblem,
);

/** An object of attributes by name (any name, `__proto__` included). */
export const itemSchema: z.ZodType<Item> = checked<Item>(itemProblem);

function checked<T>(problem: (v: unknown) => AttributeProblem | null): z.ZodType<T> {
  return z.unknown().superRefine((v, ctx) => {
    const p = problem(v);
    if (p) ctx.addIssue({ code: 'custom', message: p.message, path: p.path });
  }) as unknown as z.ZodType<T>;
}

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

/**
 * The commit journal's lines, as zod schemas: a resume sends what the journal says, so every line
 * is checked before anything is sent (an edited or damaged file is refused, never guessed at).
 */
import { z } from 'zod';
import { itemSchema, keySchemaSchema } from '../contract/values';

const guardSchema = z
  .object({
    base: itemSchema.nullable(),
    overwrite: z.boolean().optional(),
    version: z.string().min(1).optional(),
  })
  .strict();

const common = {
  id: z.string().min(1),
  table: z.string().min(1),
  oldSize: z.number().nonnegative().optional(),
  guard: guardSchema.optional(),
};

export const journalOpSchema = z.discriminatedUnion('kind', [
  z.object({ ...common, kind: z.literal('put'), item: itemSchema }).strict(),
  z.object({ ...common, kind: z.literal('delete'), key: itemSchema, after: z.string().optional() }).strict(),
]);

export const journalHeaderSchema = z
  .object({
    journal: z.literal('dynostage-commit'),
    version: z.literal(1),
    createdAt: z.string(),
    keySchemas: z.record(z.string(), keySchemaSchema),
    ops: z.array(journalOpSchema),
    /** The connection the plan was made for (absent: a CLI journal, no connection). */
    connectionId: z.string().optional(),
    /** Atomic mode: the scope and condition checks a resume sends the transactions with. */
    atomic: z
      .object({
        scope: z.enum(['group', 'all']),
        checks: z.array(z.object({ table: z.string().min(1), key: itemSchema, expect: z.enum(['exists', 'absent']) }).strict()),
      })
      .strict()
      .optional(),
    /** sha256 of the connection and the plan (see journalHash): a changed plan no longer matches. */
    hash: z.string().regex(/^[0-9a-f]{64}$/).optional(),
  })
  .strict();

const reasons = z.array(z.object({ id: z.string(), reason: z.string() }).strict());
export const journalEntrySchema = z.union([
  z.object({ written: z.array(z.string()) }).strict(),
  z.object({ failed: reasons }).strict(),
  z.object({ held: reasons }).strict(),
  z.object({ conflicts: z.array(z.string()) }).strict(),
]);

/** The meta.json sidecar beside an app journal. */
export const journalMetaSchema = z.object({ connectionId: z.string().min(1) }).strict();

/** JSON with object keys sorted at every level: the same value always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Says what is wrong with a value a schema refused, in a few words: "ops.3.kind: Invalid input". */
export function describeIssues(err: z.ZodError): string {
  return err.issues
    .slice(0, 3)
    .map((i) => `${i.path.length ? i.path.join('.') + ': ' : ''}${i.message}`)
    .join('; ');
}

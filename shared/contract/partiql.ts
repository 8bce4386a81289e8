import { z } from 'zod';
import { channel } from './define';
import { attributeValueSchema, connectionIdSchema, itemSchema } from './values';

const statementText = z
  .string()
  .min(1, 'The statement is empty')
  .max(8192, 'A PartiQL statement is at most 8,192 characters');

/** An INSERT, UPDATE or DELETE statement waiting to be committed (never a SELECT). */
export const stagedStatementSchema = z.object({
  id: z.string().min(1),
  connectionId: connectionIdSchema,
  statement: statementText,
  parameters: z.array(attributeValueSchema),
  kind: z.enum(['INSERT', 'UPDATE', 'DELETE']),
  table: z.string().min(1),
  /** The item the statement names (its key), when the statement pins every key attribute. */
  key: itemSchema.optional(),
  /** Why the last commit of this statement failed. */
  error: z.string().optional(),
  stagedAt: z.number(),
});
export type StagedStatement = z.infer<typeof stagedStatementSchema>;

export const statementOutcomeSchema = z.object({
  id: z.string(),
  status: z.enum(['written', 'failed']),
  /** The service's error code for this statement (e.g. ConditionalCheckFailed, DuplicateItem). */
  code: z.string().optional(),
  message: z.string().optional(),
});
export type StatementOutcome = z.infer<typeof statementOutcomeSchema>;

export const partiqlChannels = {
  /** One page of a PartiQL SELECT (ExecuteStatement); writes are staged with partiql:stage instead. */
  'partiql:execute': channel(
    z.object({
      connectionId: connectionIdSchema,
      statement: statementText,
      parameters: z.array(attributeValueSchema).optional(),
      consistentRead: z.boolean().optional(),
      /** NextToken of the previous page. */
      nextToken: z.string().optional(),
      /** Items evaluated per page (ExecuteStatement's Limit). */
      limit: z.number().int().min(1).optional(),
    }),
    z.object({
      items: z.array(itemSchema),
      nextToken: z.string().optional(),
      consumedCapacity: z.number(),
    }),
  ),
  /** Every staged PartiQL write, as saved in the data directory. */
  'partiql:staged': channel(
    z.object({}).strict(),
    z.object({ statements: z.array(stagedStatementSchema) }),
  ),
  /** Stages an INSERT, UPDATE or DELETE statement (saved to disk, not run). */
  'partiql:stage': channel(
    z.object({
      connectionId: connectionIdSchema,
      statement: statementText,
      parameters: z.array(attributeValueSchema).optional(),
      /** The table's key attribute names, to find the item the statement names. */
      keyNames: z.array(z.string()).optional(),
    }),
    z.object({ staged: stagedStatementSchema, statements: z.array(stagedStatementSchema) }),
  ),
  /** Removes staged PartiQL statements. */
  'partiql:unstage': channel(
    z.object({ ids: z.array(z.string()) }),
    z.object({ statements: z.array(stagedStatementSchema) }),
  ),
  /**
   * Runs staged statements with BatchExecuteStatement (25 a call), or in Atomic mode
   * ExecuteTransaction (100 a transaction); failed ones stay staged with their reason.
   */
  'partiql:commit': channel(
    z.object({
      connectionId: connectionIdSchema,
      ids: z.array(z.string()).optional(),
      /** atomic: ExecuteTransaction (100 a transaction) instead of BatchExecuteStatement. */
      mode: z.enum(['batch', 'atomic']).optional(),
    }),
    z.object({
      outcomes: z.array(statementOutcomeSchema),
      calls: z.number(),
      consumedCapacity: z.number(),
      statements: z.array(stagedStatementSchema),
      api: z.enum(['BatchExecuteStatement', 'ExecuteTransaction']).optional(),
    }),
  ),
};

import { z } from 'zod';
import type { StagedChange } from '../changes/types';
import type { UpdateDelta, UpdateRef } from '../changes/wire';
import { channel } from './define';
import { connectionIdSchema, itemSchema, keySchemaSchema, plainText } from './values';

// Table names go into exported scripts and file names: no control characters.
const stagedTableSchema = plainText(z.string().min(1));

const base = {
  connectionId: connectionIdSchema,
  table: stagedTableSchema,
  key: itemSchema,
  error: z.string().optional(),
};

/** A staged change on the wire: exactly shared/changes' StagedChange. */
export const stagedChangeSchema: z.ZodType<StagedChange> = z.discriminatedUnion('kind', [
  z.object({ ...base, kind: z.literal('put'), item: itemSchema }),
  z.object({ ...base, kind: z.literal('update'), original: itemSchema, item: itemSchema }),
  z.object({ ...base, kind: z.literal('delete'), original: itemSchema, after: z.string().optional() }),
]) as z.ZodType<StagedChange>;

/** An update sent as its original and what differs (shared/changes/wire.ts): half the bytes. */
export const updateDeltaSchema: z.ZodType<UpdateDelta> = z.object({
  ...base,
  original: itemSchema,
  set: itemSchema,
  remove: z.array(z.string()),
}) as z.ZodType<UpdateDelta>;

/** An update whose original is named (a served page and index), not sent: wire.ts UpdateRef. */
export const updateRefSchema: z.ZodType<UpdateRef> = z.object({
  key: itemSchema,
  error: z.string().optional(),
  page: z.string().min(1),
  index: z.number().int().min(0),
  set: itemSchema,
  remove: z.array(z.string()),
}) as z.ZodType<UpdateRef>;

/**
 * One change id's new value: `change`, or an update as `update` (a delta) or `updateRef` (a
 * delta whose original the backend served, web host only); none means un-staged.
 */
export const stagingEntrySchema = z
  .object({
    id: z.string().min(1),
    connectionId: connectionIdSchema,
    table: stagedTableSchema,
    change: stagedChangeSchema.optional(),
    update: updateDeltaSchema.optional(),
    updateRef: updateRefSchema.optional(),
  })
  .refine((e) => [e.change, e.update, e.updateRef].filter(Boolean).length <= 1, {
    message: 'an entry has at most one of change, update and updateRef',
  });
export type StagingEntry = z.infer<typeof stagingEntrySchema>;

/**
 * Rows of one table given the same update (a bulk edit's), each named by the Load all page that
 * served it and its index there, instead of one entry each (web host only). The backend reads
 * each row's key from the bytes it served, by `keySchema`, makes the row's change id from it
 * (shared/changes/identity.ts) and stages the update with those bytes as its original: what an
 * entry with an updateRef does, without the row's id, key and update written out 10,000 times.
 */
export const stagingGroupSchema = z.object({
  connectionId: connectionIdSchema,
  table: stagedTableSchema,
  keySchema: keySchemaSchema,
  set: itemSchema,
  remove: z.array(z.string()),
  error: z.string().optional(),
  /** Each served page's id (an items:page event's servedPage) and the rows' indexes in it. */
  rows: z.array(z.object({ page: z.string().min(1), indexes: z.array(z.number().int().min(0)) })),
});
export type StagingGroup = z.infer<typeof stagingGroupSchema>;

export const stagingProblemSchema = z.object({
  file: z.string(),
  message: z.string(),
  /** Where the unreadable file was moved; nothing is deleted. */
  movedTo: z.string(),
});
export type StagingProblem = z.infer<typeof stagingProblemSchema>;

export const stagingChannels = {
  /** Every staged change saved in the data directory, and any file that could not be read. */
  'staging:load': channel(
    z.object({}).strict(),
    z.object({
      entries: z.array(z.object({ id: z.string(), change: stagedChangeSchema })),
      problems: z.array(stagingProblemSchema),
      /** The saves applied so far (see staging:apply's revision). */
      revision: z.number().int(),
    }),
  ),
  /**
   * Saves staged changes (appended to each table's staging log and fsynced); answers once they are
   * on disk, with the revision the save made.
   */
  'staging:apply': channel(
    // The entries in order, then the groups' rows (the last value of an id wins).
    z.object({ entries: z.array(stagingEntrySchema), groups: z.array(stagingGroupSchema).optional() }),
    z.object({
      saved: z.number(),
      tables: z.number(),
      /** Counts every applied save: what commit:start's reviewed.stagingRevision names. */
      revision: z.number().int(),
    }),
  ),
};

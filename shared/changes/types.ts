/** Staged changes as data: what the user has edited but not yet committed, and the edits themselves. */
import type { AttributeValue, Item, KeySchema } from '../dynamo/types';

interface ChangeBase {
  connectionId: string;
  table: string;
  /** The key attributes alone. */
  key: Item;
  /** Why the last commit of this change failed; cleared when the change is edited again. */
  error?: string;
}

/** A new item, or one whose previous image is unknown: committed as a put. */
export type PutChange = ChangeBase & { kind: 'put'; item: Item };
/** A new image for a loaded item, with the image it was based on: committed as a full put. */
export type UpdateChange = ChangeBase & { kind: 'update'; original: Item; item: Item };
/**
 * A loaded item to delete, with its image for the review pane and undo. `after` links it to the
 * put it must wait for (a move or a key change): the change id of that put.
 */
export type DeleteChange = ChangeBase & { kind: 'delete'; original: Item; after?: string };

export type StagedChange = PutChange | UpdateChange | DeleteChange;

/**
 * Staged changes by change id (see changeId), in staging order. A Map rather than a plain record:
 * a bulk edit adds thousands of new ids, and a record would put each one in V8's string table.
 * It is sent and saved as entries (id, change).
 */
export type Changes = ReadonlyMap<string, StagedChange>;

/** Everything staged. */
export interface StagingState {
  changes: Changes;
}

// Typed read-only: nobody can add to the one empty map every empty staging shares.
const NO_CHANGES: ReadonlyMap<string, StagedChange> = new Map();

export const emptyStaging: StagingState = { changes: NO_CHANGES };

/** Key schemas of the tables edits touch, by tableRef(connectionId, table). */
export type KeySchemasByRef = Readonly<Record<string, KeySchema>>;

// Identities (TableRef, ChangeId, RowId) are made and parsed in ./identity.
export { changeId, tableRef } from './identity';

/** The item an edit applies to: its key as shown, and its loaded image if it came from the table. */
export interface ItemTarget {
  connectionId: string;
  table: string;
  key: Item;
  original?: Item;
  /**
   * canonicalKey(key, keySchema), when the caller has it (a loaded row's id): the change id is
   * then built from it instead of from the key's values. Only for the table's own key schema.
   */
  keyId?: { schema: KeySchema; id: string };
}

/** One user action on the staging area; a batch applies many as one undo step. */
export type Edit =
  | { type: 'setAttribute'; target: ItemTarget; name: string; value: AttributeValue }
  | { type: 'removeAttribute'; target: ItemTarget; name: string }
  | { type: 'putItem'; connectionId: string; table: string; item: Item; original?: Item }
  | { type: 'replaceItem'; target: ItemTarget; item: Item }
  /** `after`: the change id of a put this delete must wait for (the copy of a move). */
  | { type: 'deleteItem'; target: ItemTarget; after?: string }
  | { type: 'revertAttribute'; target: ItemTarget; name: string }
  | { type: 'revertItem'; target: ItemTarget }
  | { type: 'revertAll'; connectionId?: string; table?: string }
  | { type: 'batch'; edits: readonly Edit[] };

/** One change id's value before and after a step (absent = nothing staged). */
export interface PatchEntry {
  id: string;
  before?: StagedChange;
  after?: StagedChange;
}

/** What one step changed: only the touched ids, so undo costs O(touched). */
export interface Patch {
  entries: PatchEntry[];
}

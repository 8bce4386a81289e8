import { useMemo, useState } from 'react';
import { tableRef } from '../../../../shared/changes/types';
import type { KeySchemasByRef } from '../../../../shared/changes/types';
import { BulkEditDialog } from '../staging/dialogs/BulkEditDialog';
import type { BulkSource } from '../staging/dialogs/BulkEditDialog';
import { CopyMoveDialog } from '../staging/dialogs/CopyMoveDialog';
import { targetOf } from '../../../../shared/staging/currentImage';
import type { ReviewEntry } from '../../../../shared/review/reviewModel';

export interface ReviewBulkActionsProps {
  /** The entries the filters show. */
  entries: readonly ReviewEntry[];
  /** tableRef of the table filter, or null when every table shows. */
  table: string | null;
  keySchemas: KeySchemasByRef;
}

/**
 * Bulk edit, copy or move the staged items the review shows (one table at a time): the same
 * dialogs the grid opens on a selection, here on staged puts and updates.
 */
export function ReviewBulkActions({ entries, table, keySchemas }: ReviewBulkActionsProps) {
  const [open, setOpen] = useState<'bulk' | 'copy' | null>(null);
  const live = useMemo(() => entries.filter((e) => e.change.kind !== 'delete'), [entries]);
  const first = live[0]?.change;
  const keySchema = first && keySchemas[tableRef(first.connectionId, first.table)];
  const source: BulkSource = useMemo(
    () => ({ kind: 'selection', targets: live.map((e) => targetOf(e.change)) }),
    [live],
  );
  const why =
    table === null
      ? 'Pick one table in the filter first'
      : !keySchema
        ? 'Nothing to edit here'
        : null;
  return (
    <>
      <button
        type="button"
        className="small"
        disabled={why !== null}
        title={why ?? undefined}
        onClick={() => setOpen('bulk')}
      >
        Bulk edit shown…
      </button>
      <button
        type="button"
        className="small"
        disabled={why !== null}
        title={why ?? undefined}
        onClick={() => setOpen('copy')}
      >
        Copy or move shown…
      </button>
      {open === 'bulk' && first && keySchema && (
        <BulkEditDialog
          connectionId={first.connectionId}
          table={first.table}
          keySchema={keySchema}
          source={source}
          onClose={() => setOpen(null)}
        />
      )}
      {open === 'copy' && first && keySchema && (
        <CopyMoveDialog
          source={{ connectionId: first.connectionId, table: first.table, keySchema }}
          targets={source.kind === 'selection' ? source.targets : []}
          onClose={() => setOpen(null)}
        />
      )}
    </>
  );
}

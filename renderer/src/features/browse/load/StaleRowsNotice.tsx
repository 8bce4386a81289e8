import type { TableDescription } from '../../../../../shared/contract/tables';
import type { SlotRef } from '../../../stores/itemsStore';
import { useRowsStale } from './useFirstPage';
import './stale.css';

/** Says that the rows shown were read with another query, and dims them until Run. */
export function StaleRowsNotice({
  slot,
  draftKey,
  table,
}: {
  slot: SlotRef;
  draftKey: string;
  table: TableDescription;
}) {
  const stale = useRowsStale(slot, draftKey, table);
  if (!stale) return null;
  return (
    <p className="rows-stale-notice" role="status" data-testid="rows-stale">
      The query changed: these rows are from the previous one. Run to read with the new query.
    </p>
  );
}

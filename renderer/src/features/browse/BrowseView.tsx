import { useEffect, useMemo } from 'react';
import type { TableDescription } from '../../../../shared/contract/tables';
import { keyNames } from '../../../../shared/dynamo/types';
import { selectSlot, slotKey, useItemsStore } from '../../stores/itemsStore';
import { ExportButton } from './export/ExportButton';
import { BrowseGrid } from './grid/BrowseGrid';
import { ColumnsMenu } from './grid/ColumnsMenu';
import { selectView, useGridViewStore } from './grid/gridViewStore';
import { QuickFilter } from './grid/QuickFilter';
import { InspectorPanel } from './inspector/InspectorPanel';
import { GetByKeyButton } from './keys/GetByKeyButton';
import { QueryTabs } from '../partiql/QueryTabs';
import { GridEditToolbar } from '../staging/grid/GridEditToolbar';
import { useGridEditing } from '../staging/grid/useGridEditing';
import { useStagedGrid } from '../staging/grid/useStagedGrid';
import { stagingActions } from '../../stores/stagingStore';
import { useBrowseCommands } from './useBrowseCommands';
import { GridEditOverlay } from '../../lazy/onDemand';
import { StaleRowsNotice } from './load/StaleRowsNotice';
import { useFirstPage } from './load/useFirstPage';
import './browse.css';

export interface BrowseViewProps {
  connectionId: string;
  table: TableDescription;
}

/** The Items tab: query bar, toolbar, grid and inspector for one table. */
export function BrowseView({ connectionId, table }: BrowseViewProps) {
  const ref = useMemo(() => ({ connectionId, table: table.name }), [connectionId, table.name]);
  const key = slotKey(ref);
  const slot = useItemsStore(selectSlot(ref));
  const inspectorOpen = useGridViewStore((s) => selectView(key)(s).inspectorOpen);
  const update = useGridViewStore((s) => s.update);
  useFirstPage(ref, key, table);
  useEffect(
    () =>
      stagingActions.registerKeySchema({ connectionId, table: table.name, keySchema: table.key }),
    [connectionId, table.name, table.key],
  );
  const staged = useStagedGrid(ref, table.key);
  const editing = useGridEditing(ref, table, staged);
  useBrowseCommands(ref, editing);
  const onDeleteRows = () => {
    const { ids, leftOut } = editing.scope('delete');
    if (ids.length > 0 || leftOut.length > 0) editing.open({ kind: 'delete', ids, leftOut });
  };
  return (
    <div className="browse">
      <QueryTabs slot={ref} draftKey={key} table={table} />
      {slot?.status === 'error' && slot.error && (
        <div role="alert" className="banner error browse-error">
          <strong>{slot.error.code}</strong> {slot.error.message}
        </div>
      )}
      <div className="browse-toolbar" role="toolbar" aria-label="Rows">
        <QuickFilter viewKey={key} />
        <ColumnsMenu
          viewKey={key}
          columns={staged.data.columns ?? keyNames(table.key)}
          keySchema={table.key}
          items={staged.data.items}
        />
        <GridEditToolbar slot={ref} editing={editing} />
        <div className="spacer" />
        <GetByKeyButton connectionId={connectionId} table={table} />
        <ExportButton slot={ref} />
        <button
          type="button"
          aria-pressed={inspectorOpen}
          onClick={() => update(key, 'inspectorOpen', !inspectorOpen)}
        >
          Inspector
        </button>
      </div>
      {editing.readOnly && (
        <p className="browse-notice" role="note" aria-label="Why rows are read-only">
          {editing.readOnly}
        </p>
      )}
      <StaleRowsNotice slot={ref} draftKey={key} table={table} />
      <div className="browse-body">
        <BrowseGrid
          slot={ref}
          keySchema={table.key}
          data={staged.data}
          rowStaging={staged.rowStaging}
          onEditCell={editing.onEditCell}
          onPaste={editing.onPaste}
          onDeleteRows={onDeleteRows}
          extraMenuActions={editing.menuActions}
        />
        {editing.editor && <GridEditOverlay slot={ref} staged={staged} editing={editing} />}
        <InspectorPanel slot={ref} itemOf={(id) => staged.rowOf(id)?.item} />
      </div>
    </div>
  );
}

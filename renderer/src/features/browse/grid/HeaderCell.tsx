import type { Header } from '@tanstack/react-table';
import { useState } from 'react';
import type { Item } from '../../../../../shared/dynamo/types';
import type { GridFeatures } from './gridFeatures';

export interface HeaderCellProps {
  header: Header<GridFeatures, Item, unknown>;
  colIndex: number;
  width: number;
  /** A pinned key column (inside the header's sticky pin group). */
  pinned?: boolean;
  /** 'PK' or 'SK' for key columns. */
  keyRole?: 'PK' | 'SK';
  onMove?: (dragged: string, target: string) => void;
}

const DRAG_TYPE = 'application/x-dynostage-column';

/** A column header: click to sort (Shift adds a sort), drag to reorder, drag the edge to resize. */
export function HeaderCell({ header, colIndex, width, pinned, keyRole, onMove }: HeaderCellProps) {
  const column = header.column;
  const sorted = column.getIsSorted();
  const sortIndex = column.getSortIndex();
  const [dropping, setDropping] = useState(false);
  const resize = header.getResizeHandler();
  const draggable = onMove !== undefined;
  return (
    <div
      role="columnheader"
      className={`gh${pinned ? ' pinned' : ''}${dropping ? ' drop' : ''}${column.getIsResizing() ? ' resizing' : ''}`}
      aria-colindex={colIndex}
      aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
      data-col={column.id}
      style={{ width }}
      onDragOver={(e) => {
        if (!draggable || !e.dataTransfer.types.includes(DRAG_TYPE)) return;
        e.preventDefault();
        setDropping(true);
      }}
      onDragLeave={() => setDropping(false)}
      onDrop={(e) => {
        setDropping(false);
        const dragged = e.dataTransfer.getData(DRAG_TYPE);
        if (dragged && dragged !== column.id) onMove?.(dragged, column.id);
      }}
    >
      <button
        type="button"
        className="gh-label"
        title={`${column.id}: click to sort, Shift+click to add to the sort${draggable ? ', drag to move' : ''}`}
        // Only the label drags, so that pressing the resize edge never starts a drag.
        draggable={draggable}
        onDragStart={(e) => {
          e.dataTransfer.setData(DRAG_TYPE, column.id);
          e.dataTransfer.effectAllowed = 'move';
        }}
        onClick={column.getToggleSortingHandler()}
      >
        {keyRole && <span className="key-role">{keyRole}</span>}
        <span className="gh-name">{column.id}</span>
        {sorted && (
          <span className="sort-mark" aria-hidden="true">
            {sorted === 'asc' ? '▲' : '▼'}
            {sortIndex > 0 ? sortIndex + 1 : ''}
          </span>
        )}
      </button>
      <div
        className="resizer"
        role="separator"
        aria-label={`Resize ${column.id}`}
        onMouseDown={(e) => {
          // No text selection (which the browser would start dragging) while resizing.
          e.preventDefault();
          resize(e);
        }}
        onTouchStart={resize}
        onDoubleClick={() => column.resetSize()}
        onClick={(e) => e.stopPropagation()}
      />
    </div>
  );
}

import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { AttributeValue, KeyType } from '../../../../../shared/dynamo/types';
import { CellEditor } from '../editors/CellEditor';

import { anchorGrid, currentAnchor, type CellAnchor } from '../../browse/grid/cellAnchor';

export type Anchor = CellAnchor;

export interface CellEditPopoverProps {
  anchor: Anchor;
  attribute: string;
  value: AttributeValue | undefined;
  keyType?: KeyType;
  onStage(value: AttributeValue): void;
  onCancel(): void;
}

const MARGIN = 8;

/**
 * The cell editor floating at its cell: below it when it fits, above it otherwise, inside the
 * window. It follows its cell when the grid scrolls or changes size (at the grid's edge while the
 * cell is scrolled out, see cellAnchor.ts). It is not dismissed by a click elsewhere (a half-typed
 * map must not vanish): Save, Cancel or Escape close it.
 */
export function CellEditPopover(p: CellEditPopoverProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [pos, setPos] = useState({ left: p.anchor.left, top: p.anchor.bottom, ready: false });
  // Keyboard work goes on where it was: the grid gets the focus back when the editor closes.
  useEffect(() => {
    const before = document.activeElement;
    return () => {
      if (before instanceof HTMLElement && before.isConnected)
        before.focus({ preventScroll: true });
    };
  }, []);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    let anchor = p.anchor;
    // Placed again whenever the editor changes size (a type change swaps the editor), and
    // whenever its cell moves: the grid scrolled or was resized.
    const place = () => {
      anchor = currentAnchor(anchor);
      const { width, height } = el.getBoundingClientRect();
      const below = anchor.bottom + height + MARGIN <= window.innerHeight;
      const wanted = below ? anchor.bottom : anchor.top - height;
      const top = Math.max(MARGIN, Math.min(wanted, window.innerHeight - height - MARGIN));
      const left = Math.max(MARGIN, Math.min(anchor.left, window.innerWidth - width - MARGIN));
      setPos((was) =>
        was.ready && was.left === left && was.top === top ? was : { left, top, ready: true },
      );
    };
    place();
    const observer = new ResizeObserver(place);
    observer.observe(el);
    // The grid's own scroll listener renders the rows in view first (it was added before this
    // one), so the cell found here is the one on screen.
    const grid = anchorGrid(p.anchor);
    if (grid) observer.observe(grid);
    grid?.addEventListener('scroll', place, { passive: true });
    window.addEventListener('resize', place);
    return () => {
      observer.disconnect();
      grid?.removeEventListener('scroll', place);
      window.removeEventListener('resize', place);
    };
  }, [p.anchor]);
  // The value's field takes the focus once the editor is shown (an element still hidden, as it
  // is while the editor is being placed, cannot take it): typing edits the value, Escape closes.
  const ready = pos.ready;
  useEffect(() => {
    const el = ref.current;
    if (!ready || !el) return;
    const field =
      el.querySelector<HTMLElement>('textarea, input:not([type="radio"]), .cm-content') ??
      el.querySelector<HTMLElement>('input, select, button');
    field?.focus();
  }, [ready]);
  return (
    <div
      ref={ref}
      className="cell-popover"
      role="dialog"
      aria-label={`Edit ${p.attribute}`}
      style={{ left: pos.left, top: pos.top, visibility: pos.ready ? 'visible' : 'hidden' }}
    >
      <CellEditor
        value={p.value}
        attribute={p.attribute}
        keyType={p.keyType}
        onStage={p.onStage}
        onCancel={p.onCancel}
      />
    </div>
  );
}

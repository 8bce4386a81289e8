/** Column reordering as a pure function over column ids. */

/**
 * `order` with `dragged` moved to where `target` is: before it when moving left, after it when
 * moving right (as a dragged header lands). Unknown ids leave the order as it was.
 */
export function moveColumn(order: readonly string[], dragged: string, target: string): string[] {
  const from = order.indexOf(dragged);
  const to = order.indexOf(target);
  if (from < 0 || to < 0 || from === to) return [...order];
  const next = order.filter((id) => id !== dragged);
  next.splice(to, 0, dragged);
  return next;
}

/** `order` with `id` moved one place left (-1) or right (+1), within bounds. */
export function shiftColumn(order: readonly string[], id: string, by: -1 | 1): string[] {
  const at = order.indexOf(id);
  const target = order[at + by];
  return at < 0 || target === undefined ? [...order] : moveColumn(order, id, target);
}

/**
 * The order TanStack Table shows columns in: ids listed in `columnOrder` first (those that
 * exist), then the rest in their natural order.
 */
export function effectiveOrder(
  columns: readonly string[],
  columnOrder: readonly string[],
): string[] {
  const known = new Set(columns);
  const listed = columnOrder.filter((id) => known.has(id));
  const seen = new Set(listed);
  return [...listed, ...columns.filter((id) => !seen.has(id))];
}

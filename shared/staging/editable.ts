/**
 * Whether the rows of a load hold whole items. Staged updates are written as full-item puts, so
 * editing a row that holds only some attributes (a projection, or a KEYS_ONLY / INCLUDE index)
 * would delete the rest: such rows are not editable, and the reason says what to do instead.
 */
import type { QueryModel } from '../contract/items';
import type { TableDescription } from '../contract/tables';

/** Why rows read with `model` cannot be edited, or null when they hold whole items. */
export function partialRowsReason(
  model: QueryModel | undefined,
  table: Pick<TableDescription, 'indexes'>,
): string | null {
  if (!model) return null;
  if (model.projection && model.projection.length > 0) {
    return (
      'These rows were read with a projection and hold only some attributes; a staged edit ' +
      'would write the whole item without the others. Clear the projection and run again to edit.'
    );
  }
  if (model.index) {
    const index = table.indexes.find((i) => i.name === model.index);
    const type = index?.projection.type ?? 'unknown';
    if (type !== 'ALL') {
      return (
        `These rows come from index ${model.index} (projection ${type}) and hold only the ` +
        'projected attributes; a staged edit would write the whole item without the others. ' +
        'Query the table itself, or get the items by key, to edit them.'
      );
    }
  }
  return null;
}

import type { TableDescription } from '../../../../shared/contract/tables';
import { useQueryModel } from '../browse/query/useQueryModel';
import { CopyAsMenu } from './CopyAsMenu';
import { queryChoices } from './copyAsText';

/** "Copy as ▾" for the query or scan the builder holds now. */
export function CopyQueryAs({ draftKey, table }: { draftKey: string; table: TableDescription }) {
  const query = useQueryModel(draftKey, table);
  const index = query.model.index ? table.indexes.find((i) => i.name === query.model.index) : undefined;
  const sortKey = (index ? index.key : table.key).sortKey?.name;
  return (
    <CopyAsMenu
      label="Copy as"
      choices={query.built && query.errors.length === 0 ? queryChoices(query.built, sortKey) : null}
      disabledReason="Fix the query first."
    />
  );
}

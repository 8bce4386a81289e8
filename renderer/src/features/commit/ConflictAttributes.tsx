import type { ConflictRow } from '../../../../shared/changes/conflictRows';
import type { AttributeValue } from '../../../../shared/dynamo/types';
import { ValueText } from '../review/ValueText';

function Cell({ value, label }: { value: AttributeValue | undefined; label: string }) {
  return (
    <td>
      {value === undefined ? (
        <span className="muted small">{label}</span>
      ) : (
        <ValueText value={value} />
      )}
    </td>
  );
}

/**
 * A conflict attribute by attribute: as loaded, on the server now, and staged. Rows both sides
 * changed differently come first and are marked; "yours" rows are what overwrite writes.
 */
export function ConflictAttributes({
  rows,
  stagedDelete,
  label,
}: {
  rows: readonly ConflictRow[];
  stagedDelete: boolean;
  label: string;
}) {
  return (
    <table className="conflict-table" aria-label={`Attributes of ${label}`}>
      <thead>
        <tr>
          <th scope="col">Attribute</th>
          <th scope="col">As loaded</th>
          <th scope="col">On the server now</th>
          <th scope="col">Yours (staged)</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr
            key={r.name}
            className={`conflict-row${r.clash ? ' clash' : ''}${r.yours ? ' yours' : ''}`}
            data-attr={r.name}
          >
            <th scope="row" className="mono" title={r.name}>
              {r.name}
              {r.clash && <span className="conflict-tag">both changed</span>}
              {!r.clash && r.theirs && !r.yours && (
                <span className="conflict-tag theirs">server only</span>
              )}
            </th>
            <Cell value={r.loaded} label="absent" />
            <Cell value={r.server} label="absent" />
            <Cell
              value={r.staged}
              label={stagedDelete ? 'deleted' : r.yours ? 'removed' : 'absent'}
            />
          </tr>
        ))}
      </tbody>
    </table>
  );
}

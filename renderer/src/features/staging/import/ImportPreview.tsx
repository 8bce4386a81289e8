import { useMemo } from 'react';
import { TYPE_LABELS } from '../../../../../shared/dynamo/types';
import type { AttrType, KeySchema } from '../../../../../shared/dynamo/types';
import { IMPORT_TYPES, keyTypeOf } from '../../../../../shared/import/importMapping';
import type { ColumnMapping, ImportError, ImportType } from '../../../../../shared/import/importMapping';
import { nodeText } from '../../../../../shared/import/importParse';
import type { ParsedImport, RawCell } from '../../../../../shared/import/importParse';
import { isSetType } from '../../../../../shared/values/valueParse';

export interface ImportPreviewProps {
  parsed: ParsedImport;
  mappings: readonly ColumnMapping[];
  keySchema: KeySchema;
  errors: readonly ImportError[];
  onMappings(next: ColumnMapping[]): void;
}

const ROWS = 20;

function cellText(cell: RawCell | undefined): string {
  if (!cell) return '';
  const t = cell.kind === 'text' ? cell.text : nodeText(cell.node);
  return t.length > 80 ? t.slice(0, 77) + '…' : t;
}

const typeLabel = (t: ImportType) =>
  t === 'skip' ? 'skip' : `${t} · ${TYPE_LABELS[t as AttrType]}`;

/** The first rows with a type per column (and a separator for sets); cells with errors marked. */
export function ImportPreview({
  parsed,
  mappings,
  keySchema,
  errors,
  onMappings,
}: ImportPreviewProps) {
  const bad = useMemo(
    () => new Set(errors.map((e) => `${e.line}\u0000${e.column ?? ''}`)),
    [errors],
  );
  const update = (i: number, patch: Partial<ColumnMapping>) =>
    onMappings(mappings.map((m, j) => (j === i ? { ...m, ...patch } : m)));
  return (
    <div className="import-preview">
      <table aria-label="Import preview">
        <thead>
          <tr>
            <th className="muted">Row</th>
            {mappings.map((m, i) => {
              const keyType = keyTypeOf(m.column, keySchema);
              return (
                <th key={m.column}>
                  <div className="attr-name">
                    {m.column}
                    {keyType && <span className="badge">key</span>}
                  </div>
                  <select
                    aria-label={`Type of ${m.column}`}
                    value={m.type}
                    disabled={keyType !== undefined}
                    title={
                      keyType ? `Key attributes take the table's type (${keyType})` : undefined
                    }
                    onChange={(e) => update(i, { type: e.target.value as ImportType })}
                  >
                    {IMPORT_TYPES.map((t) => (
                      <option key={t} value={t}>
                        {typeLabel(t)}
                      </option>
                    ))}
                  </select>
                  {m.type !== 'skip' && isSetType(m.type) && (
                    <input
                      aria-label={`Separator of ${m.column}`}
                      className="separator mono"
                      value={m.separator}
                      maxLength={3}
                      title="Splits a text cell into set members"
                      onChange={(e) => update(i, { separator: e.target.value })}
                    />
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {parsed.rows.slice(0, ROWS).map((row, r) => {
            const line = parsed.lines[r] ?? r + 1;
            return (
              <tr key={r}>
                <td className="muted">{line}</td>
                {mappings.map((m, c) => (
                  <td
                    key={m.column}
                    className={`${bad.has(`${line}\u0000${m.column}`) ? 'cell-error' : ''} ${m.type === 'skip' ? 'skipped' : ''}`}
                  >
                    {cellText(row[c])}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
      {parsed.rows.length > ROWS && (
        <p className="hint">
          The first {ROWS} of {parsed.rows.length.toLocaleString('en-US')} rows.
        </p>
      )}
    </div>
  );
}

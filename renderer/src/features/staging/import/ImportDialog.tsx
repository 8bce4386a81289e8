import { useDeferredValue, useMemo, useState } from 'react';
import type { KeySchema } from '../../../../../shared/dynamo/types';
import { stageThenClose } from '../dialogs/stageThenClose';
import { Dialog } from '../../../ui/Dialog';
import { ImportErrors } from './ImportErrors';
import { ImportPreview } from './ImportPreview';
import { ImportSource } from './ImportSource';
import { guessMappings, importEdit, mapImport } from '../../../../../shared/import/importMapping';
import type { ColumnMapping } from '../../../../../shared/import/importMapping';
import { FORMAT_LABELS, parseImport } from '../../../../../shared/import/importParse';
import type { ImportFormat } from '../../../../../shared/import/importParse';

export interface ImportDialogProps {
  connectionId: string;
  table: string;
  keySchema: KeySchema;
  onClose(): void;
}

const fmt = (n: number) => n.toLocaleString('en-US');

/**
 * Imports CSV, a JSON array or JSON lines as staged puts: a preview with a type per column
 * (key columns take the key's type), errors per row and column, then one undo step.
 */
export function ImportDialog({ connectionId, table, keySchema, onClose }: ImportDialogProps) {
  const [source, setSource] = useState<{ name: string; text: string; format: ImportFormat } | null>(
    null,
  );
  const [mappings, setMappings] = useState<ColumnMapping[]>([]);
  const [error, setError] = useState<string | null>(null);
  const parsed = useMemo(() => (source ? parseImport(source.text, source.format) : null), [source]);
  const deferred = useDeferredValue(mappings);
  const result = useMemo(
    () => (parsed && deferred.length ? mapImport(parsed, deferred, keySchema) : null),
    [parsed, deferred, keySchema],
  );

  const load = (name: string, text: string, format: ImportFormat) => {
    const p = parseImport(text, format);
    setSource({ name, text, format });
    setMappings(guessMappings(p, keySchema));
  };
  const stage = () => {
    if (!result || result.items.length === 0) return;
    const edit = importEdit(connectionId, table, result.items);
    void stageThenClose(edit, [{ connectionId, table, keySchema }], onClose).then((r) => {
      if (!r.ok) setError(r.error);
    });
  };

  const items = result?.items.length ?? 0;
  return (
    <Dialog
      title={`Import into ${table}`}
      onClose={onClose}
      size="large"
      footer={
        <>
          {result && result.skippedRows > 0 && (
            <span className="field-error small">
              {fmt(result.skippedRows)} {result.skippedRows === 1 ? 'row' : 'rows'} with errors left
              out
            </span>
          )}
          <span className="spacer" />
          {source && (
            <button type="button" onClick={() => setSource(null)}>
              Back
            </button>
          )}
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="primary" disabled={items === 0} onClick={stage}>
            Stage {fmt(items)} {items === 1 ? 'put' : 'puts'}
          </button>
        </>
      }
    >
      {!source || !parsed ? (
        <ImportSource onLoad={load} />
      ) : (
        <div className="stack">
          <div className="row">
            <span>
              <strong>{source.name}</strong> · {fmt(parsed.rows.length)} rows,{' '}
              {parsed.columns.length} columns
              {parsed.dynamoJson ? ' · DynamoDB JSON' : ''}
            </span>
            <label className="field inline">
              <span className="label">Read as</span>
              <select
                aria-label="File format"
                value={source.format}
                onChange={(e) => load(source.name, source.text, e.target.value as ImportFormat)}
              >
                {(Object.keys(FORMAT_LABELS) as ImportFormat[]).map((f) => (
                  <option key={f} value={f}>
                    {FORMAT_LABELS[f]}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <ImportPreview
            parsed={parsed}
            mappings={mappings}
            keySchema={keySchema}
            errors={result?.errors ?? []}
            onMappings={setMappings}
          />
          <ImportErrors errors={result?.errors ?? []} />
          {error && <p className="field-error">{error}</p>}
        </div>
      )}
    </Dialog>
  );
}

import { useState } from 'react';
import { busyActions } from '../../../stores/busyStore';
import { detectFormat } from '../../../../../shared/import/importParse';
import type { ImportFormat } from '../../../../../shared/import/importParse';

export interface ImportSourceProps {
  onLoad(name: string, text: string, format: ImportFormat): void;
}

/** Where the import comes from: a file (CSV, JSON, JSON lines) or pasted text. */
export function ImportSource({ onLoad }: ImportSourceProps) {
  const [pasted, setPasted] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="stack import-source">
      <label className="field">
        <span className="label">
          A file: CSV with a header row, a JSON array of items, or JSON lines
        </span>
        <input
          type="file"
          aria-label="Import file"
          accept=".csv,.tsv,.json,.jsonl,.ndjson,text/csv,application/json"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (!file) return;
            busyActions
              .track(`Reading ${file.name}…`, file.text())
              .then((text) => onLoad(file.name, text, detectFormat(file.name, text)))
              .catch((err: unknown) => setError((err as Error).message));
          }}
        />
      </label>
      <label className="field">
        <span className="label">Or paste the text</span>
        <textarea
          aria-label="Import text"
          className="mono"
          rows={8}
          value={pasted}
          onChange={(e) => setPasted(e.target.value)}
        />
      </label>
      <div className="row">
        <span className="spacer" />
        <button
          type="button"
          disabled={pasted.trim() === ''}
          onClick={() => onLoad('Pasted text', pasted, detectFormat('', pasted))}
        >
          Preview pasted text
        </button>
      </div>
      {error && <p className="field-error">{error}</p>}
    </div>
  );
}

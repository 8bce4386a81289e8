import type { ParsedKeyList } from '../../../../../shared/query';
import type { SchemaState } from './useKeySchemas';

export interface KeyBlockDraft {
  id: number;
  table: string;
  text: string;
  consistentRead: boolean;
}

export interface KeyBlockProps {
  block: KeyBlockDraft;
  tables: string[];
  schema: SchemaState;
  parsed: ParsedKeyList | null;
  onChange: (block: KeyBlockDraft) => void;
  onRemove?: () => void;
}

const MAX_SHOWN = 8;

/** The keys to read from one table: pasted one per line, parsed as you type. */
export function KeyBlock({ block, tables, schema, parsed, onChange, onRemove }: KeyBlockProps) {
  const keySchema = schema && 'partitionKey' in schema ? schema : null;
  const hint = keySchema
    ? keySchema.sortKey
      ? `One key per line: ${keySchema.partitionKey.name}, ${keySchema.sortKey.name} (separated by a tab or a comma)`
      : `One ${keySchema.partitionKey.name} per line`
    : schema && 'error' in schema
      ? schema.error
      : 'Reading the key schema…';
  const problems = parsed
    ? [...parsed.errors, ...parsed.duplicates].sort((a, b) => a.line - b.line)
    : [];
  return (
    <fieldset className="key-block" aria-label={`Read from ${block.table}`}>
      <div className="key-block-head">
        <select
          aria-label="Table"
          value={block.table}
          onChange={(e) => onChange({ ...block, table: e.target.value })}
        >
          {tables.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
        <label className="b-check">
          <input
            type="checkbox"
            checked={block.consistentRead}
            onChange={(e) => onChange({ ...block, consistentRead: e.target.checked })}
          />
          Consistent read
        </label>
        {onRemove && (
          <button
            type="button"
            className="ghost"
            aria-label={`Remove ${block.table}`}
            onClick={onRemove}
          >
            ×
          </button>
        )}
      </div>
      <textarea
        aria-label={`Keys for ${block.table}`}
        rows={6}
        spellCheck={false}
        placeholder={hint}
        value={block.text}
        onChange={(e) => onChange({ ...block, text: e.target.value })}
      />
      <p className="muted small">{hint}</p>
      {parsed && (
        <p className="small" data-testid={`key-summary-${block.table}`}>
          {parsed.keys.length} {parsed.keys.length === 1 ? 'key' : 'keys'}
          {parsed.duplicates.length > 0 && ` · ${parsed.duplicates.length} repeated (read once)`}
          {parsed.errors.length > 0 && ` · ${parsed.errors.length} not read`}
        </p>
      )}
      {problems.length > 0 && (
        <ul className="key-problems small">
          {problems.slice(0, MAX_SHOWN).map((p) => (
            <li key={p.line} className={'firstLine' in p ? 'muted' : 'key-error'}>
              Line {p.line}: {p.message}
            </li>
          ))}
          {problems.length > MAX_SHOWN && (
            <li className="muted">… and {problems.length - MAX_SHOWN} more</li>
          )}
        </ul>
      )}
    </fieldset>
  );
}

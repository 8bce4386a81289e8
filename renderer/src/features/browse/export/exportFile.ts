/**
 * Export files built in slices: the rows are turned into text a few thousand at a time, with a
 * pause between slices so the page keeps painting, and the slices become one Blob.
 */
import { unparse } from 'papaparse';
import { plainJsonText } from '../../../../../shared/dynamo/plainJson';
import type { AttributeValue, Item } from '../../../../../shared/dynamo/types';

export type ExportFormat = 'jsonl' | 'json' | 'csv';

export const FORMATS: Record<ExportFormat, { label: string; extension: string; mime: string }> = {
  jsonl: { label: 'DynamoDB JSON lines', extension: 'jsonl', mime: 'application/x-ndjson' },
  json: { label: 'JSON (plain)', extension: 'json', mime: 'application/json' },
  csv: { label: 'CSV', extension: 'csv', mime: 'text/csv' },
};

export interface ExportRequest {
  format: ExportFormat;
  items: readonly Item[];
  /** Column order for CSV; every attribute of the items should be in it. */
  columns: readonly string[];
  sliceSize?: number;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
  /**
   * CSV: a text cell starting with =, +, -, @, tab or CR gets a leading ' so a spreadsheet shows
   * it instead of running it as a formula (default true). Numbers are never changed.
   */
  escapeFormulas?: boolean;
  /** Waits between slices; by default a macrotask, so input and paint get their turn. */
  pause?: () => Promise<void>;
}

const macrotask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * A CSV cell: S, N (every digit) and BOOL as their text; a missing attribute as an empty cell;
 * B, NULL, maps, lists and sets as DynamoDB JSON, so their type survives the round trip.
 */
export function csvCell(v: AttributeValue | undefined, escapeFormulas = true): string {
  if (v === undefined) return '';
  if ('N' in v) return v.N;
  if ('BOOL' in v) return String(v.BOOL);
  const text = 'S' in v ? v.S : JSON.stringify(v);
  return escapeFormulas && FORMULA_START.test(text) ? `'${text}` : text;
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** The item's own attribute (an attribute may be called `constructor` or `toString`). */
const attr = (item: Item, name: string): AttributeValue | undefined =>
  Object.prototype.hasOwnProperty.call(item, name) ? item[name] : undefined;

function slice(
  format: ExportFormat,
  items: readonly Item[],
  columns: readonly string[],
  first: boolean,
  escapeFormulas: boolean,
): string {
  switch (format) {
    case 'jsonl':
      return items.map((item) => JSON.stringify(item)).join('\n') + '\n';
    case 'json':
      return items
        .map(
          (item, i) =>
            (first && i === 0 ? '\n  ' : ',\n  ') + plainJsonText(item).replace(/\n/g, '\n  '),
        )
        .join('');
    case 'csv': {
      const data = items.map((item) => columns.map((c) => csvCell(attr(item, c), escapeFormulas)));
      const text = unparse({ fields: [...columns], data }, { header: first, newline: '\r\n' });
      return text + '\r\n';
    }
  }
}

/** The file's text in parts (for a Blob). Rejects with an AbortError when `signal` aborts. */
export async function buildExport(req: ExportRequest): Promise<string[]> {
  const { format, items, columns } = req;
  const size = req.sliceSize ?? 2000;
  const pause = req.pause ?? macrotask;
  const parts: string[] = format === 'json' ? ['['] : [];
  if (format === 'csv' && items.length === 0)
    parts.push(unparse([[...columns]], { newline: '\r\n' }) + '\r\n');
  for (let at = 0; at < items.length; at += size) {
    if (req.signal?.aborted) throw new DOMException('Export canceled', 'AbortError');
    parts.push(
      slice(format, items.slice(at, at + size), columns, at === 0, req.escapeFormulas ?? true),
    );
    req.onProgress?.(Math.min(at + size, items.length), items.length);
    await pause();
  }
  if (format === 'json') parts.push(items.length > 0 ? '\n]\n' : ']\n');
  return parts;
}

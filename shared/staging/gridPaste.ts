/**
 * A paste into the grid: the TSV text laid over the display rows from the focused cell, as one
 * batch of edits (one undo step). Builds pasteTsv's input from the few rows the paste covers, so a
 * paste into a grid of 100,000 rows does not touch the rest.
 */
import type { Item, KeySchema } from '../dynamo/types';
import { typeOf } from '../dynamo/types';
import { parseTsv, pasteTsv } from './tsvPaste';
import type { PasteResult, PasteRow } from './tsvPaste';

export interface GridPasteInput {
  text: string;
  /** The focused cell: display row index and column index in `columns`. */
  row: number;
  column: number;
  /** Attribute names in display order (pinned key columns first). */
  columns: readonly string[];
  rowCount: number;
  /** The row at a display index: what it shows now and where its edits go. */
  rowAt(index: number): PasteRow | undefined;
  keySchema: KeySchema;
}

/** Rows looked at to tell whether a column holds numbers (for empty or NULL cells). */
const SAMPLE = 200;

function numberColumns(input: GridPasteInput, rows: readonly PasteRow[], width: number) {
  const names = input.columns.slice(input.column, input.column + width);
  const sample: (Item | undefined)[] = rows.map((r) => r.current);
  for (let i = 0; i < Math.min(SAMPLE, input.rowCount); i++) sample.push(input.rowAt(i)?.current);
  const out = new Set<string>();
  for (const name of names) {
    for (const item of sample) {
      const v = item?.[name];
      if (!v || 'NULL' in v) continue;
      if (typeOf(v) === 'N') out.add(name);
      break;
    }
  }
  return out;
}

/** The edits of a paste at the focused cell; error and clip positions are display indexes. */
export function gridPaste(input: GridPasteInput): PasteResult {
  const lines = parseTsv(input.text);
  const rows: PasteRow[] = [];
  for (let i = 0; i < lines.length && input.row + i < input.rowCount; i++) {
    const r = input.rowAt(input.row + i);
    if (!r) break;
    rows.push(r);
  }
  const width = Math.max(0, ...lines.map((l) => l.length));
  const result = pasteTsv({
    text: input.text,
    start: { row: 0, column: input.column },
    columns: input.columns,
    rows,
    keySchema: input.keySchema,
    numberColumns: numberColumns(input, rows, width),
  });
  return {
    ...result,
    errors: result.errors.map((e) => ({ ...e, row: e.row + input.row })),
  };
}

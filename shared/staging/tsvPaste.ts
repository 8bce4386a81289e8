/**
 * Pasting tab-separated text (from a spreadsheet or the grid itself) into a range of cells:
 * one setAttribute edit per non-empty field, all in one batch, so the paste is one undo step.
 */
import type { Edit, ItemTarget } from '../changes/types';
import { valuesEqual } from '../dynamo/equal';
import { getAttr, setAttr } from '../dynamo/attrs';
import { keyNames, typeOf } from '../dynamo/types';
import type { AttributeValue, AttrType, Item, KeySchema } from '../dynamo/types';
import { textToValue } from '../values/textToValue';

/**
 * Rows and fields of TSV text. Quoted fields ("a\tb", with "" for a quote) may hold tabs and line
 * breaks, as spreadsheets write them; one trailing line break is ignored.
 */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  const n = text.length;
  let atFieldStart = true;
  while (i < n) {
    const c = text[i];
    if (atFieldStart && c === '"') {
      // A quoted field: runs to the quote that is not doubled.
      const close = readQuoted(text, i + 1);
      if (close) {
        field = close.value;
        i = close.end;
        atFieldStart = false;
        continue;
      }
    }
    atFieldStart = false;
    if (c === '\t') {
      row.push(field);
      field = '';
      atFieldStart = true;
    } else if (c === '\n' || c === '\r') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      atFieldStart = true;
      if (c === '\r' && text[i + 1] === '\n') i++;
    } else field += c;
    i++;
  }
  if (!atFieldStart || field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** The value of a quoted field starting after its opening quote, if it closes before a separator. */
function readQuoted(text: string, from: number): { value: string; end: number } | null {
  let value = '';
  let i = from;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') {
      if (text[i + 1] === '"') {
        value += '"';
        i += 2;
        continue;
      }
      const next = text[i + 1];
      // Only a quote followed by a separator or the end closes the field; otherwise it is text.
      if (next === undefined || next === '\t' || next === '\n' || next === '\r')
        return { value, end: i + 1 };
      return null;
    }
    value += c;
    i++;
  }
  return null;
}

/** One grid row a paste may write: where edits go, and the image the user sees now. */
export interface PasteRow {
  target: ItemTarget;
  /** The row's current image (staged, or loaded); undefined for an unknown item. */
  current: Item | undefined;
}

export interface PasteInput {
  text: string;
  /** The top-left cell: an index into `rows` and one into `columns`. */
  start: { row: number; column: number };
  /** Attribute names in display order. */
  columns: readonly string[];
  /** Rows in display order. */
  rows: readonly PasteRow[];
  keySchema: KeySchema;
  /** Columns whose empty cells take numbers (N); any other empty cell takes a string. */
  numberColumns?: ReadonlySet<string>;
}

export interface PasteError {
  /** Row and column index of the cell in the grid (as in `rows` and `columns`). */
  row: number;
  column: number;
  attribute: string;
  message: string;
}

export interface PasteResult {
  /** One batch of edits (setAttribute, or replaceItem for a row whose key changes), or null. */
  edit: Edit | null;
  /** Cells the edit sets. */
  cells: number;
  errors: PasteError[];
  /** Pasted rows and columns that fell outside the grid and were left out. */
  clipped: { rows: number; columns: number };
}

/**
 * A row's fields as edits. A row whose key changes becomes one replaceItem of the whole new image:
 * separate edits would each start from the old key, which the first key edit already moved.
 */
function rowEdits(
  row: PasteRow,
  sets: Field[],
  keys: Set<string>,
): { edits: Edit[]; cells: number } {
  const { target, current } = row;
  const movesKey = sets.some(
    (f) => keys.has(f.name) && !sameValue(current && getAttr(current, f.name), f.value),
  );
  if (movesKey && current) {
    const item: Item = { ...current };
    for (const f of sets) setAttr(item, f.name, f.value);
    return { edits: [{ type: 'replaceItem', target, item }], cells: sets.length };
  }
  const edits: Edit[] = sets
    .filter((f) => !keys.has(f.name))
    .map((f) => ({ type: 'setAttribute', target, name: f.name, value: f.value }));
  return { edits, cells: edits.length };
}

interface Field {
  name: string;
  value: AttributeValue;
}

function sameValue(a: AttributeValue | undefined, b: AttributeValue): boolean {
  return a !== undefined && valuesEqual(a, b);
}

/** The type a pasted field takes in this cell: the existing value's, the key's, or N/S by column. */
function cellType(existing: AttributeValue | undefined, name: string, input: PasteInput): AttrType {
  if (existing && !('NULL' in existing)) return typeOf(existing);
  const { partitionKey, sortKey } = input.keySchema;
  if (partitionKey.name === name) return partitionKey.type;
  if (sortKey?.name === name) return sortKey.type;
  return input.numberColumns?.has(name) ? 'N' : 'S';
}

/**
 * The edits a paste makes, one per non-empty field: each cell keeps the type of its existing value
 * (a NULL or missing cell takes N in a number or N-key column, else S); empty fields leave their
 * cell alone; fields past the last row or column are clipped; unreadable fields are reported.
 */
export function pasteTsv(input: PasteInput): PasteResult {
  const grid = parseTsv(input.text);
  const errors: PasteError[] = [];
  const edits: Edit[] = [];
  const keys = new Set(keyNames(input.keySchema));
  let clippedRows = 0;
  let clippedColumns = 0;
  let cells = 0;
  grid.forEach((fields, i) => {
    const rowIndex = input.start.row + i;
    const row = input.rows[rowIndex];
    if (!row) {
      clippedRows++;
      return;
    }
    const sets: Field[] = [];
    fields.forEach((text, j) => {
      const columnIndex = input.start.column + j;
      const name = input.columns[columnIndex];
      if (name === undefined) {
        if (i === 0) clippedColumns++;
        return;
      }
      if (text === '') return;
      const existing = row.current && getAttr(row.current, name);
      if (existing && 'NULL' in existing && text.trim() === 'null') return;
      const parsed = textToValue(text, cellType(existing, name, input), { original: existing });
      if (!parsed.ok) {
        errors.push({ row: rowIndex, column: columnIndex, attribute: name, message: parsed.error });
        return;
      }
      sets.push({ name, value: parsed.value });
    });
    const r = rowEdits(row, sets, keys);
    edits.push(...r.edits);
    cells += r.cells;
  });
  return {
    edit: edits.length ? { type: 'batch', edits } : null,
    cells,
    errors,
    clipped: { rows: clippedRows, columns: clippedColumns },
  };
}

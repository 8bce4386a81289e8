/** Reading an import file into rows of raw cells: CSV (papaparse), a JSON array, or JSON lines. */
import Papa from 'papaparse';
import { parseJson } from '../dynamo/jsonParse';
import type { JsonNode } from '../dynamo/jsonParse';
import { looksTyped } from '../values/jsonValue';

export type ImportFormat = 'csv' | 'json' | 'jsonl';

export const FORMAT_LABELS: Readonly<Record<ImportFormat, string>> = {
  csv: 'CSV',
  json: 'JSON (array of items)',
  jsonl: 'JSON lines (one item per line)',
};

/** A cell as read: CSV text, or a JSON value (numbers keep their source text). */
export type RawCell = { kind: 'text'; text: string } | { kind: 'json'; node: JsonNode };

export interface ParsedImport {
  format: ImportFormat;
  /** Column names in order of first appearance. */
  columns: string[];
  /** Cells per row, parallel to `columns`; undefined where a row has no such field. */
  rows: (RawCell | undefined)[][];
  /** How the user finds each row, 1-based: CSV record after the header, JSON line, array position. */
  lines: number[];
  /** Records that could not be read at all. */
  errors: { line: number; message: string }[];
  /** True when every value is a DynamoDB typed value ({"S": "x"}): the file is DynamoDB JSON. */
  dynamoJson: boolean;
}

/** The format a file most likely has, from its name, else its first character. */
export function detectFormat(fileName: string, text: string): ImportFormat {
  const name = fileName.toLowerCase();
  if (name.endsWith('.csv') || name.endsWith('.tsv')) return 'csv';
  if (name.endsWith('.jsonl') || name.endsWith('.ndjson')) return 'jsonl';
  const start = text.trimStart();
  if (start.startsWith('[')) return 'json';
  if (start.startsWith('{')) return 'jsonl';
  return 'csv';
}

/** Unique, non-empty column names: blanks become column_N, repeats get _2, _3. */
function uniqueNames(header: string[]): string[] {
  const seen = new Set<string>();
  return header.map((raw, i) => {
    const base = raw.trim() === '' ? `column_${i + 1}` : raw;
    let name = base;
    for (let n = 2; seen.has(name); n++) name = `${base}_${n}`;
    seen.add(name);
    return name;
  });
}

function parseCsv(text: string): ParsedImport {
  const result = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' });
  const [header = [], ...data] = result.data;
  const columns = uniqueNames(header);
  const out: ParsedImport = {
    format: 'csv',
    columns,
    rows: [],
    lines: [],
    errors: [],
    dynamoJson: false,
  };
  for (const e of result.errors) {
    out.errors.push({ line: e.row ?? 0, message: e.message });
  }
  data.forEach((fields, i) => {
    const line = i + 1;
    if (fields.length > columns.length) {
      out.errors.push({
        line,
        message: `has ${fields.length} fields; the header names ${columns.length}`,
      });
      return;
    }
    out.rows.push(fields.map((text) => ({ kind: 'text', text })));
    out.lines.push(line);
  });
  return out;
}

/** The record inside {"Item": {...}} (as AWS exports write it), else the record itself. */
function unwrapItem(node: JsonNode): JsonNode {
  if (node.kind !== 'object' || node.entries.length !== 1) return node;
  const only = node.entries[0];
  if (only?.key !== 'Item' || only.value.kind !== 'object') return node;
  return looksTyped(only.value) ? node : only.value;
}

function fromRecords(
  format: ImportFormat,
  records: { line: number; node: JsonNode }[],
  errors: ParsedImport['errors'],
): ParsedImport {
  const index = new Map<string, number>();
  const columns: string[] = [];
  const rows: (RawCell | undefined)[][] = [];
  const lines: number[] = [];
  let typed = true;
  let values = 0;
  for (const { line, node: raw } of records) {
    const node = unwrapItem(raw);
    if (node.kind !== 'object') {
      errors.push({ line, message: 'is not a JSON object' });
      continue;
    }
    const row: (RawCell | undefined)[] = [];
    for (const e of node.entries) {
      let at = index.get(e.key);
      if (at === undefined) {
        at = columns.length;
        index.set(e.key, at);
        columns.push(e.key);
      }
      row[at] = { kind: 'json', node: e.value };
      values++;
      if (typed && !looksTyped(e.value)) typed = false;
    }
    rows.push(row);
    lines.push(line);
  }
  return { format, columns, rows, lines, errors, dynamoJson: typed && values > 0 };
}

function parseJsonArray(text: string): ParsedImport {
  const parsed = parseJson(text);
  if (!parsed.ok) {
    const e = parsed.error;
    return emptyWith('json', { line: e.line, message: `column ${e.column}: ${e.message}` });
  }
  if (parsed.node.kind !== 'array') {
    return emptyWith('json', { line: 1, message: 'The file must hold a JSON array of items.' });
  }
  return fromRecords(
    'json',
    parsed.node.items.map((node, i) => ({ line: i + 1, node })),
    [],
  );
}

function parseJsonLines(text: string): ParsedImport {
  const errors: ParsedImport['errors'] = [];
  const records: { line: number; node: JsonNode }[] = [];
  text.split(/\r?\n/).forEach((lineText, i) => {
    if (lineText.trim() === '') return;
    const parsed = parseJson(lineText);
    if (parsed.ok) records.push({ line: i + 1, node: parsed.node });
    else
      errors.push({
        line: i + 1,
        message: `column ${parsed.error.column}: ${parsed.error.message}`,
      });
  });
  return fromRecords('jsonl', records, errors);
}

function emptyWith(format: ImportFormat, error: { line: number; message: string }): ParsedImport {
  return { format, columns: [], rows: [], lines: [], errors: [error], dynamoJson: false };
}

/** The file's rows and columns; records that cannot be read are listed, never dropped silently. */
export function parseImport(text: string, format: ImportFormat): ParsedImport {
  if (format === 'csv') return parseCsv(text);
  if (format === 'json') return parseJsonArray(text);
  return parseJsonLines(text);
}

/** JSON text of a parsed node, with number literals exactly as they were written. */
export function nodeText(node: JsonNode): string {
  switch (node.kind) {
    case 'number':
      return node.text;
    case 'string':
      return JSON.stringify(node.value);
    case 'boolean':
      return String(node.value);
    case 'null':
      return 'null';
    case 'array':
      return `[${node.items.map(nodeText).join(',')}]`;
    case 'object':
      return `{${node.entries.map((e) => `${JSON.stringify(e.key)}:${nodeText(e.value)}`).join(',')}}`;
  }
}

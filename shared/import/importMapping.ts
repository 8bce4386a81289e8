/** Import column mapping: which DynamoDB type each column becomes, and the items that results. */
import type { Edit } from '../changes/types';
import type { JsonNode } from '../dynamo/jsonParse';
import { setAttr } from '../dynamo/attrs';
import { TYPE_LABELS, typeOf } from '../dynamo/types';
import type { AttributeValue, AttrType, Item, KeySchema } from '../dynamo/types';
import { validateNumber } from '../dynamo/validate';
import { nodeText } from './importParse';
import type { ParsedImport, RawCell } from './importParse';
import { parseValueText } from '../values/jsonValue';
import { textToValue } from '../values/textToValue';
import {
  buildSet,
  convertValue,
  fail,
  isSetType,
  ok,
  parseBinaryText,
  parseBoolText,
  parseNumberText,
  splitMembers,
} from '../values/valueParse';
import type { Parsed } from '../values/valueParse';

export type ImportType = AttrType | 'skip';

/** Types offered per column, in menu order. */
export const IMPORT_TYPES: readonly ImportType[] = [
  'S',
  'N',
  'BOOL',
  'NULL',
  'B',
  'SS',
  'NS',
  'BS',
  'M',
  'L',
  'skip',
];

export interface ColumnMapping {
  column: string;
  type: ImportType;
  /** Splits a text cell into set members (SS, NS, BS). */
  separator: string;
}

export interface ImportError {
  /** The row as the user finds it (see ParsedImport.lines). */
  line: number;
  /** The column, or undefined for the row as a whole. */
  column?: string;
  message: string;
}

export interface ImportResult {
  items: Item[];
  errors: ImportError[];
  /** Rows left out because of an error. */
  skippedRows: number;
}

/** The key type a column must have, if it is a key attribute. */
export function keyTypeOf(column: string, keySchema: KeySchema): AttrType | undefined {
  if (keySchema.partitionKey.name === column) return keySchema.partitionKey.type;
  if (keySchema.sortKey?.name === column) return keySchema.sortKey.type;
  return undefined;
}

const CSV_NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;

function guessText(texts: string[]): AttrType {
  if (texts.length === 0) return 'S';
  // Leading zeros ("007") usually mark an identifier, not a number: those stay strings.
  if (texts.every((t) => CSV_NUMBER.test(t) && validateNumber(t) === null)) return 'N';
  if (texts.every((t) => /^(true|false)$/i.test(t))) return 'BOOL';
  if (texts.every((t) => t.startsWith('{') && t.endsWith('}'))) return 'M';
  if (texts.every((t) => t.startsWith('[') && t.endsWith(']'))) return 'L';
  return 'S';
}

const NODE_TYPES: Record<JsonNode['kind'], AttrType> = {
  number: 'N',
  string: 'S',
  boolean: 'BOOL',
  null: 'NULL',
  array: 'L',
  object: 'M',
};

function guessNodes(nodes: JsonNode[], dynamo: boolean): AttrType {
  const first = nodes[0];
  if (!first) return 'S';
  if (dynamo && first.kind === 'object') return (first.entries[0]?.key ?? 'S') as AttrType;
  const kinds = new Set(nodes.filter((n) => n.kind !== 'null').map((n) => NODE_TYPES[n.kind]));
  if (kinds.size === 0) return 'NULL';
  return kinds.size === 1 ? ([...kinds][0] as AttrType) : 'S';
}

const SAMPLE = 1000;

/** A first mapping from the data: key columns take their key type, others a type their cells fit. */
export function guessMappings(parsed: ParsedImport, keySchema: KeySchema): ColumnMapping[] {
  return parsed.columns.map((column, c) => {
    const keyType = keyTypeOf(column, keySchema);
    if (keyType) return { column, type: keyType, separator: ',' };
    const texts: string[] = [];
    const nodes: JsonNode[] = [];
    for (const row of parsed.rows.slice(0, SAMPLE)) {
      const cell = row[c];
      if (cell?.kind === 'text' && cell.text !== '') texts.push(cell.text);
      if (cell?.kind === 'json') nodes.push(cell.node);
    }
    const type = parsed.format === 'csv' ? guessText(texts) : guessNodes(nodes, parsed.dynamoJson);
    return { column, type, separator: ',' };
  });
}

function jsonCell(
  node: JsonNode,
  type: AttrType,
  separator: string,
): Parsed<AttributeValue> | null {
  if (node.kind === 'null') return type === 'NULL' ? ok({ NULL: true }) : null;
  const scalar =
    node.kind === 'string'
      ? node.value
      : node.kind === 'number'
        ? node.text
        : node.kind === 'boolean'
          ? String(node.value)
          : null;
  switch (type) {
    case 'S':
      return scalar === null ? fail('is a JSON object or array, not a string') : ok({ S: scalar });
    case 'N': {
      if (scalar === null || node.kind === 'boolean') return fail('is not a number');
      const n = parseNumberText(scalar);
      return n.ok ? ok({ N: n.value }) : n;
    }
    case 'BOOL': {
      if (node.kind === 'boolean') return ok({ BOOL: node.value });
      const b = scalar === null ? fail<boolean>('is not a boolean') : parseBoolText(scalar);
      return b.ok ? ok({ BOOL: b.value }) : b;
    }
    case 'NULL':
      return ok({ NULL: true });
    case 'B': {
      if (node.kind !== 'string') return fail('is not a base64 string');
      const b = parseBinaryText(node.value, /^0x/i.test(node.value) ? 'hex' : 'base64');
      return b.ok ? ok({ B: b.value }) : b;
    }
    default:
      break;
  }
  if (isSetType(type)) {
    if (node.kind === 'array') {
      const members: string[] = [];
      for (const m of node.items) {
        if (m.kind === 'string') members.push(m.value);
        else if (m.kind === 'number') members.push(m.text);
        else return fail('holds a member that is not a string or a number');
      }
      return buildSet(type, members);
    }
    if (node.kind !== 'string') return fail(`is not a ${TYPE_LABELS[type]}`);
    const m = splitMembers(node.value, separator);
    return m.ok ? buildSet(type, m.value) : m;
  }
  const r = parseValueText(nodeText(node), 'auto');
  if (!r.ok) return fail(r.error);
  const got = typeOf(r.value);
  return got === type
    ? ok(r.value)
    : fail(`is a ${TYPE_LABELS[got]} (${got}), not a ${TYPE_LABELS[type]} (${type})`);
}

/**
 * A cell's value under its mapping; null when the cell is empty (the attribute is left out).
 * Text cells parse by type; JSON cells keep their own type where it is the mapped one; typed
 * DynamoDB JSON values convert only where the content carries over (convertValue).
 */
export function cellValue(
  cell: RawCell | undefined,
  m: ColumnMapping,
  dynamo: boolean,
): Parsed<AttributeValue> | null {
  if (m.type === 'skip' || cell === undefined) return null;
  if (cell.kind === 'text') {
    if (cell.text === '') return null;
    return textToValue(cell.text, m.type, { separator: m.separator });
  }
  if (!dynamo) return jsonCell(cell.node, m.type, m.separator);
  const r = parseValueText(nodeText(cell.node), 'dynamo');
  if (!r.ok) return fail(r.error);
  return convertValue(r.value, m.type);
}

/** Items from every readable row; rows with an unreadable cell or without their key are left out. */
export function mapImport(
  parsed: ParsedImport,
  mappings: readonly ColumnMapping[],
  keySchema: KeySchema,
): ImportResult {
  const errors: ImportError[] = parsed.errors.map((e) => ({ line: e.line, message: e.message }));
  const items: Item[] = [];
  let skippedRows = 0;
  const keys = keySchema.sortKey
    ? [keySchema.partitionKey, keySchema.sortKey]
    : [keySchema.partitionKey];
  parsed.rows.forEach((row, r) => {
    const line = parsed.lines[r] ?? r + 1;
    const item: Item = {};
    const badColumns = new Set<string>();
    mappings.forEach((m, c) => {
      const v = cellValue(row[c], m, parsed.dynamoJson);
      if (v === null) return;
      if (!v.ok) {
        badColumns.add(m.column);
        errors.push({ line, column: m.column, message: v.error });
      } else setAttr(item, m.column, v.value);
    });
    let bad = badColumns.size > 0;
    for (const k of keys) {
      const v = item[k.name];
      if ((v !== undefined && typeOf(v) === k.type) || badColumns.has(k.name)) continue;
      bad = true;
      const what = v === undefined ? 'is missing' : `must be a ${TYPE_LABELS[k.type]} (${k.type})`;
      errors.push({ line, column: k.name, message: `The key ${k.name} ${what}.` });
    }
    if (bad) skippedRows++;
    else items.push(item);
  });
  return { items, errors, skippedRows };
}

/** The imported items as staged puts of one table, in one batch (one undo step). */
export function importEdit(connectionId: string, table: string, items: readonly Item[]): Edit {
  return {
    type: 'batch',
    edits: items.map((item) => ({ type: 'putItem', connectionId, table, item })),
  };
}

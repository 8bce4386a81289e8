import { base64ByteLength, base64ToBytes, utf8Length } from '../dynamo/binary';
import { canonicalKey } from '../dynamo/key';
import { setAttr } from '../dynamo/attrs';
import type { AttributeValue, Item, KeyAttribute, KeySchema } from '../dynamo/types';
import { validateNumber } from '../dynamo/validate';

export interface KeyLineProblem {
  /** 1-based line number in the pasted text. */
  line: number;
  message: string;
}

export interface KeyListDuplicate extends KeyLineProblem {
  /** The line whose key this one repeats. */
  firstLine: number;
}

export interface ParsedKeyList {
  /** Unique keys in order of first appearance. */
  keys: Item[];
  /** The line each key came from (parallel to `keys`). */
  lines: number[];
  errors: KeyLineProblem[];
  duplicates: KeyListDuplicate[];
}

/** Comma-separated fields; a field in double quotes may hold commas (`""` is a quote). */
function splitCsv(line: string): string[] | string {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    while (line[i] === ' ') i++;
    if (line[i] === '"') {
      let field = '';
      i++;
      for (;;) {
        if (i >= line.length) return 'unclosed quote';
        if (line[i] === '"' && line[i + 1] === '"') {
          field += '"';
          i += 2;
        } else if (line[i] === '"') {
          i++;
          break;
        } else field += line[i++];
      }
      while (line[i] === ' ') i++;
      fields.push(field);
    } else {
      const end = line.indexOf(',', i);
      fields.push(line.slice(i, end < 0 ? line.length : end));
      i = end < 0 ? line.length : end;
    }
    if (i >= line.length) return fields;
    if (line[i] !== ',') return `unexpected "${line[i]}" after a quoted value`;
    i++;
  }
}

function splitParts(line: string, composite: boolean): string[] | string {
  if (!composite) return line.includes('\t') ? 'expected one value, found a tab' : [line];
  const parts = line.includes('\t') ? line.split('\t') : splitCsv(line);
  if (typeof parts === 'string') return parts;
  if (parts.length !== 2) {
    return `expected two values (partition key, sort key) separated by a tab or a comma, found ${parts.length}`;
  }
  return parts;
}

function keyValue(raw: string, attr: KeyAttribute, maxBytes: number): AttributeValue | string {
  const text = raw.trim();
  if (text === '') return `${attr.name} is empty`;
  if (attr.type === 'N') {
    const e = validateNumber(text);
    return e ? `${attr.name}: ${e}` : { N: text };
  }
  if (attr.type === 'B') {
    const bytes = base64ToBytes(text);
    if (!bytes) return `${attr.name}: not valid base64`;
    if (bytes.length === 0) return `${attr.name} is empty`;
    if (base64ByteLength(text) > maxBytes) return `${attr.name} is over ${maxBytes} bytes`;
    return { B: text };
  }
  if (utf8Length(text) > maxBytes) return `${attr.name} is over ${maxBytes} bytes`;
  return { S: text };
}

/**
 * Keys from pasted text, one per line (blank lines skipped; each value trimmed). With a sort key
 * the two parts are separated by a tab, or a comma (CSV quoting allowed). After the call every
 * returned key is well typed and unique by canonical key; each bad or repeated line is reported.
 */
export function parseKeyList(text: string, schema: KeySchema): ParsedKeyList {
  const result: ParsedKeyList = { keys: [], lines: [], errors: [], duplicates: [] };
  const firstLineOf = new Map<string, number>();
  const composite = schema.sortKey !== undefined;
  text.split(/\r\n|\n|\r/).forEach((line, i) => {
    const lineNo = i + 1;
    if (line.trim() === '') return;
    const parts = splitParts(line, composite);
    if (typeof parts === 'string') {
      result.errors.push({ line: lineNo, message: parts });
      return;
    }
    const key: Item = {};
    const pk = keyValue(parts[0] ?? '', schema.partitionKey, 2048);
    if (typeof pk === 'string') return void result.errors.push({ line: lineNo, message: pk });
    setAttr(key, schema.partitionKey.name, pk);
    if (schema.sortKey) {
      const sk = keyValue(parts[1] ?? '', schema.sortKey, 1024);
      if (typeof sk === 'string') return void result.errors.push({ line: lineNo, message: sk });
      setAttr(key, schema.sortKey.name, sk);
    }
    const canonical = canonicalKey(key, schema);
    const firstLine = firstLineOf.get(canonical);
    if (firstLine !== undefined) {
      result.duplicates.push({ line: lineNo, firstLine, message: `same key as line ${firstLine}` });
      return;
    }
    firstLineOf.set(canonical, lineNo);
    result.keys.push(key);
    result.lines.push(lineNo);
  });
  return result;
}

/**
 * A JSON parser that keeps number literals as their source text (so 38-digit numbers survive),
 * rejects duplicate keys, and records where every value starts for error messages.
 */

export type JsonNode =
  | { kind: 'number'; text: string; at: number }
  | { kind: 'string'; value: string; at: number }
  | { kind: 'boolean'; value: boolean; at: number }
  | { kind: 'null'; at: number }
  | { kind: 'array'; items: JsonNode[]; at: number }
  | { kind: 'object'; entries: JsonEntry[]; at: number };

export interface JsonEntry {
  key: string;
  value: JsonNode;
  /** Offset of the key's opening quote. */
  at: number;
}

/** How a kind of JSON value reads in a sentence ("the array holds a number"). */
export const JSON_KIND_NAMES: Readonly<Record<JsonNode['kind'], string>> = {
  number: 'a number',
  string: 'a string',
  boolean: 'a boolean',
  null: 'null',
  array: 'an array',
  object: 'an object',
};

/** A position in the text: 1-based line and column, and the 0-based offset. */
export interface TextError {
  line: number;
  column: number;
  offset: number;
  message: string;
}

export type JsonParseResult = { ok: true; node: JsonNode } | { ok: false; error: TextError };

const MAX_DEPTH = 512; // far beyond DynamoDB's 32 levels, well before the call stack runs out

class Fail extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

/** A TextError for `offset` in `text`: columns count UTF-16 code units from 1. */
export function textError(text: string, offset: number, message: string): TextError {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1, offset, message };
}

function describeChar(text: string, i: number): string {
  if (i >= text.length) return 'end of text';
  const c = text[i] as string;
  return c === '\n' ? 'a line break' : `'${c}'`;
}

/** Parses `text` as one JSON value; on failure, says where and why. */
export function parseJson(text: string): JsonParseResult {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;

  const skipSpace = () => {
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c !== 32 && c !== 10 && c !== 13 && c !== 9) break;
      i++;
    }
  };
  const unexpected = (what: string): never => {
    throw new Fail(i, `Expected ${what} but found ${describeChar(text, i)}.`);
  };

  const parseString = (): string => {
    const start = i++;
    let out = '';
    let chunk = i;
    for (;;) {
      if (i >= text.length) throw new Fail(start, 'This string has no closing quote.');
      const c = text.charCodeAt(i);
      if (c === 34) break;
      if (c < 32) {
        const name =
          c === 10
            ? 'a line break (write \\n)'
            : c === 9
              ? 'a tab (write \\t)'
              : 'a control character';
        throw new Fail(i, `Strings cannot contain ${name}.`);
      }
      if (c !== 92) {
        i++;
        continue;
      }
      out += text.slice(chunk, i);
      const e = text[i + 1] ?? '';
      if (e === 'u') {
        const hex = text.slice(i + 2, i + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new Fail(i, 'Expected four hex digits after \\u.');
        out += String.fromCharCode(parseInt(hex, 16));
        i += 6;
      } else {
        const ch = ESCAPES[e];
        if (ch === undefined) throw new Fail(i, `Unknown escape \\${e} in a string.`);
        out += ch;
        i += 2;
      }
      chunk = i;
    }
    out += text.slice(chunk, i);
    i++;
    return out;
  };

  const parseValue = (depth: number): JsonNode => {
    if (depth > MAX_DEPTH) throw new Fail(i, 'The value is nested too deeply.');
    skipSpace();
    const at = i;
    const c = text[i];
    if (c === '{') return parseObject(depth);
    if (c === '[') return parseArray(depth);
    if (c === '"') return { kind: 'string', value: parseString(), at };
    for (const [word, node] of WORDS) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return { ...node, at };
      }
    }
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    if (m) {
      i += m[0].length;
      if (/[\w.]/.test(text[i] ?? ''))
        throw new Fail(at, `Invalid number ${text.slice(at, i + 1)}…`);
      return { kind: 'number', text: m[0], at };
    }
    if (c === '+' || c === '.' || c === '-')
      throw new Fail(at, 'Invalid number: JSON numbers start with a digit or -.');
    if (c === "'") throw new Fail(at, 'Strings need double quotes (") in JSON.');
    return unexpected('a value');
  };

  const parseArray = (depth: number): JsonNode => {
    const at = i++;
    const items: JsonNode[] = [];
    skipSpace();
    if (text[i] === ']') {
      i++;
      return { kind: 'array', items, at };
    }
    for (;;) {
      items.push(parseValue(depth + 1));
      skipSpace();
      if (text[i] === ']') break;
      if (text[i] !== ',') unexpected("',' or ']'");
      i++;
      skipSpace();
      if (text[i] === ']')
        throw new Fail(i - 1, 'Remove the comma before ]: JSON has no trailing commas.');
    }
    i++;
    return { kind: 'array', items, at };
  };

  const parseObject = (depth: number): JsonNode => {
    const at = i++;
    const entries: JsonEntry[] = [];
    const seen = new Set<string>();
    skipSpace();
    if (text[i] === '}') {
      i++;
      return { kind: 'object', entries, at };
    }
    for (;;) {
      skipSpace();
      const keyAt = i;
      if (text[i] !== '"') unexpected('a key in double quotes');
      const key = parseString();
      if (seen.has(key)) throw new Fail(keyAt, `Duplicate key "${key}".`);
      seen.add(key);
      skipSpace();
      if (text[i] !== ':') unexpected(`':' after "${key}"`);
      i++;
      entries.push({ key, value: parseValue(depth + 1), at: keyAt });
      skipSpace();
      if (text[i] === '}') break;
      if (text[i] !== ',') unexpected("',' or '}'");
      i++;
      skipSpace();
      if (text[i] === '}')
        throw new Fail(i - 1, 'Remove the comma before }: JSON has no trailing commas.');
    }
    i++;
    return { kind: 'object', entries, at };
  };

  try {
    const node = parseValue(0);
    skipSpace();
    if (i < text.length)
      throw new Fail(i, `Unexpected ${describeChar(text, i)} after the end of the value.`);
    return { ok: true, node };
  } catch (e) {
    if (!(e instanceof Fail)) throw e;
    return { ok: false, error: textError(text, e.offset, e.message) };
  }
}

type Word = { kind: 'boolean'; value: boolean } | { kind: 'null' };
const WORDS: [string, Word][] = [
  ['true', { kind: 'boolean', value: true }],
  ['false', { kind: 'boolean', value: false }],
  ['null', { kind: 'null' }],
];

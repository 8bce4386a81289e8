/**
 * Plain JSON for the item editor, without losing what plain JSON cannot say: numbers keep their
 * exact digits, and sets and binary from the original item keep their type when the new value fits.
 */
import { setAttr } from './attrs';
import { base64ToBytes, bytesToBase64 } from './binary';
import { JSON_KIND_NAMES, parseJson, textError } from './jsonParse';
import type { JsonNode, TextError } from './jsonParse';
import { normalizeNumber } from './number';
import { childPath, indexPath } from './path';
import { TYPE_LABELS, typeOf } from './types';
import type { AttributeValue, AttrType, Item } from './types';

/** What happened to a value whose type plain JSON cannot express, for the editor to show. */
export interface TypeNote {
  path: string;
  /** 'kept': the original's set or binary type was kept; 'changed': the type changed. */
  kind: 'kept' | 'changed';
  message: string;
}

export type PlainParseResult =
  { ok: true; item: Item; notes: TypeNote[] } | { ok: false; error: TextError };

/** The original's own attribute `name` (never Object.prototype's `constructor` or `toString`). */
function own(m: Item | undefined, name: string): AttributeValue | undefined {
  return m && Object.prototype.hasOwnProperty.call(m, name) ? m[name] : undefined;
}

const JSON_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/** A JSON number literal equal to N `text`: the stored digits when they are valid JSON. */
function numberLiteral(text: string): string {
  if (JSON_NUMBER.test(text)) return text;
  return normalizeNumber(text) ?? JSON.stringify(text);
}

function plainText(v: AttributeValue, indent: string): string {
  const inner = indent + '  ';
  const list = (parts: string[]) =>
    parts.length === 0 ? '[]' : `[\n${inner}${parts.join(`,\n${inner}`)}\n${indent}]`;
  if ('S' in v) return JSON.stringify(v.S);
  if ('N' in v) return numberLiteral(v.N);
  if ('B' in v) return JSON.stringify(v.B);
  if ('BOOL' in v) return String(v.BOOL);
  if ('NULL' in v) return 'null';
  if ('SS' in v) return list(v.SS.map((s) => JSON.stringify(s)));
  if ('BS' in v) return list(v.BS.map((s) => JSON.stringify(s)));
  if ('NS' in v) return list(v.NS.map(numberLiteral));
  if ('L' in v) return list(v.L.map((x) => plainText(x, inner)));
  const entries = Object.entries(v.M);
  if (entries.length === 0) return '{}';
  const parts = entries.map(([k, x]) => `${JSON.stringify(k)}: ${plainText(x, inner)}`);
  return `{\n${inner}${parts.join(`,\n${inner}`)}\n${indent}}`;
}

/**
 * The item as pretty-printed plain JSON: N written with its stored digits, sets as arrays, B as
 * its base64 string, NULL as null. fromPlainText(plainJsonText(item), item) gives the item back.
 */
export function plainJsonText(item: Item): string {
  return plainText({ M: item }, '');
}

const SET_MEMBER: Partial<Record<AttrType, JsonNode['kind']>> = {
  SS: 'string',
  NS: 'number',
  BS: 'string',
};
/** Types plain JSON cannot write: every value that had one gets a note, kept or changed. */
const UNWRITABLE = new Set<AttrType>(['SS', 'NS', 'BS', 'B']);

interface Converted {
  value: AttributeValue;
  /** Why a set or binary type could not be kept (" because …"). */
  why?: string;
}

class Converter {
  readonly notes: TypeNote[] = [];

  value(node: JsonNode, orig: AttributeValue | undefined, path: string): AttributeValue {
    const { value, why = '' } = this.convert(node, orig, path);
    if (!orig) return value;
    const was = typeOf(orig);
    const now = typeOf(value);
    if (was === now && UNWRITABLE.has(was)) {
      const message = `${path}: kept as ${was} (${TYPE_LABELS[was]}), as in the original`;
      this.notes.push({ path, kind: 'kept', message });
    } else if (was !== now) {
      this.notes.push({ path, kind: 'changed', message: `${path}: ${was} becomes ${now}${why}` });
    }
    return value;
  }

  private convert(node: JsonNode, orig: AttributeValue | undefined, path: string): Converted {
    switch (node.kind) {
      case 'number':
        return { value: { N: node.text } };
      case 'boolean':
        return { value: { BOOL: node.value } };
      case 'null':
        return { value: { NULL: true } };
      case 'string':
        return orig && 'B' in orig ? binary(node.value, orig.B) : { value: { S: node.value } };
      case 'object': {
        const m = orig && 'M' in orig ? orig.M : undefined;
        const out: Item = {};
        for (const e of node.entries) {
          setAttr(out, e.key, this.value(e.value, own(m, e.key), childPath(path, e.key)));
        }
        return { value: { M: out } };
      }
      case 'array': {
        const member = orig && SET_MEMBER[typeOf(orig)];
        const why = orig && member ? whyNotSet(node.items, orig, member) : undefined;
        if (orig && member && why === undefined) return { value: toSet(node.items, orig) };
        const list = orig && 'L' in orig ? orig.L : undefined;
        const items = node.items.map((x, i) => this.value(x, list?.[i], indexPath(path, i)));
        return { value: { L: items }, why };
      }
    }
  }
}

function binary(text: string, stored: string): Converted {
  if (text === stored) return { value: { B: stored } };
  const bytes = base64ToBytes(text);
  if (!bytes) return { value: { S: text }, why: ' because the text is not valid base64' };
  return { value: { B: bytesToBase64(bytes) } };
}

/** Undefined when `items` can stay the set type of `orig`; otherwise the reason it cannot. */
function whyNotSet(items: JsonNode[], orig: AttributeValue, member: JsonNode['kind']) {
  if (items.length === 0) return ' because the array is empty (DynamoDB has no empty sets)';
  const odd = items.find((x) => x.kind !== member);
  if (odd) return ` because the array holds ${JSON_KIND_NAMES[odd.kind]}`;
  if (!('BS' in orig)) return undefined;
  for (const x of items) {
    if (x.kind === 'string' && !base64ToBytes(x.value)) {
      const shown = x.value.length > 24 ? x.value.slice(0, 21) + '…' : x.value;
      return ` because ${JSON.stringify(shown)} is not valid base64`;
    }
  }
  return undefined;
}

function toSet(items: JsonNode[], orig: AttributeValue): AttributeValue {
  const texts = items.map((x) =>
    x.kind === 'number' ? x.text : x.kind === 'string' ? x.value : '',
  );
  if ('SS' in orig) return { SS: texts };
  if ('NS' in orig) return { NS: texts };
  // Members spelled as stored stay as they are; new ones get canonical base64.
  const stored = new Set('BS' in orig ? orig.BS : []);
  const canonical = (b: string) => bytesToBase64(base64ToBytes(b) ?? new Uint8Array());
  return { BS: texts.map((b) => (stored.has(b) ? b : canonical(b))) };
}

/**
 * Reads plain JSON item text with exact number digits. Types are inferred (number → N, string →
 * S, array → L, object → M), except that where `original` holds a set or B at the same path and
 * the new value fits, that type is kept. Each kept set/B type gets a 'kept' note; any type that
 * differs from the original's at the same path gets a 'changed' note saying why.
 */
export function fromPlainText(text: string, original?: Item): PlainParseResult {
  const parsed = parseJson(text);
  if (!parsed.ok) return parsed;
  const { node } = parsed;
  if (node.kind !== 'object') {
    const message = `The item must be a JSON object ({ "name": value, … }), not ${JSON_KIND_NAMES[node.kind]}.`;
    return { ok: false, error: textError(text, node.at, message) };
  }
  const c = new Converter();
  const item: Item = {};
  for (const e of node.entries) {
    setAttr(item, e.key, c.value(e.value, own(original, e.key), childPath('', e.key)));
  }
  return { ok: true, item, notes: c.notes };
}

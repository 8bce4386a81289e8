import { base64ToBytes, bytesToBase64 } from './binary';
import { normalizeNumber, parseNumber } from './number';
import { measureItemUncached, type ItemMeasure } from './measure';
import { childPath, describePath, indexPath } from './path';
import { itemSize, valueSize } from './size';
import { TYPE_LABELS, typeOf } from './types';
import type { AttributeValue, AttrType, Item, KeyAttribute, KeySchema } from './types';
import { checkShape } from './shape';

export type IssueCode =
  | 'key-missing'
  | 'key-type'
  | 'key-empty'
  | 'key-too-long'
  | 'item-too-large'
  | 'set-empty'
  | 'set-duplicate'
  | 'number-invalid'
  | 'number-precision'
  | 'number-range'
  | 'binary-invalid'
  | 'too-deep'
  | 'bad-value'
  | 'index-key-type'
  | 'index-key-empty'
  | 'index-key-too-long';

/** A secondary index's key: an item that holds its attributes must give them its types. */
export interface IndexKeys {
  name: string;
  key: KeySchema;
}

/** One reason DynamoDB would reject an item; `path` is '' for the item as a whole. */
export interface ValidationIssue {
  path: string;
  code: IssueCode;
  message: string;
}

export const MAX_ITEM_BYTES = 409_600;
export const MAX_PARTITION_KEY_BYTES = 2048;
export const MAX_SORT_KEY_BYTES = 1024;
export const MAX_NUMBER_DIGITS = 38;
export const MAX_NESTING_LEVELS = 32;

// The grammar DynamoDB reads: an optional sign ('+' too, though dynalite refuses it), no spaces,
// digits on at least one side of the dot.
const NUMBER_SYNTAX = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

interface Problem {
  code: IssueCode;
  says: string;
}

const fmt = (n: number) => n.toLocaleString('en-US');
const clip = (s: string) => (s.length > 48 ? `${s.slice(0, 45)}…` : s);

function numberProblem(text: string): Problem | null {
  if (text === '') return { code: 'number-invalid', says: 'is empty; a number needs digits' };
  if (!NUMBER_SYNTAX.test(text)) {
    const hint = /^\s|\s$/.test(text) ? ': remove the spaces' : '';
    return { code: 'number-invalid', says: `is not a number DynamoDB reads${hint}` };
  }
  const p = parseNumber(text);
  if (!p) return { code: 'number-invalid', says: 'is not a number DynamoDB reads' };
  if (p.digits === '') return null;
  // p.exponent counts from 0.d, so 1E-130 has exponent -129 and 9.99…E+125 has 126.
  if (p.exponent > 126) {
    return { code: 'number-range', says: 'is too large: the largest magnitude is 9.99…E+125' };
  }
  if (p.exponent < -129) {
    return {
      code: 'number-range',
      says: 'is too small: the smallest non-zero magnitude is 1E-130',
    };
  }
  if (p.digits.length > MAX_NUMBER_DIGITS) {
    const n = p.digits.length;
    return { code: 'number-precision', says: `has ${n} significant digits; at most 38 are kept` };
  }
  return null;
}

/** Null when DynamoDB accepts `text` as a number; otherwise a sentence saying what is wrong. */
export function validateNumber(text: string): string | null {
  const p = numberProblem(text);
  return p && `"${clip(text)}" ${p.says}.`;
}

class Walker {
  readonly issues: ValidationIssue[] = [];

  add(path: string, code: IssueCode, message: string): void {
    this.issues.push({ path, code, message });
  }

  value(v: AttributeValue, path: string, depth: number): void {
    const shape = checkShape(v);
    if (shape) return this.add(path, 'bad-value', `${describePath(path)} ${shape}.`);
    if ('N' in v) return this.number(v.N, path);
    if ('B' in v) return void this.binary(v.B, path);
    if ('SS' in v) return this.set('SS', v.SS, path, (s) => s);
    if ('NS' in v) {
      v.NS.forEach((n, i) => this.number(n, indexPath(path, i)));
      return this.set('NS', v.NS, path, (n) => normalizeNumber(n) ?? n);
    }
    if ('BS' in v) {
      const bytes = v.BS.map((b, i) => this.binary(b, indexPath(path, i)));
      return this.set('BS', v.BS, path, (b, i) => {
        const raw = bytes[i];
        return raw ? bytesToBase64(raw) : b;
      });
    }
    if (!('M' in v) && !('L' in v)) return;
    if (depth + 1 > MAX_NESTING_LEVELS) {
      const msg = `${describePath(path)} nests maps and lists deeper than ${MAX_NESTING_LEVELS} levels.`;
      return this.add(path, 'too-deep', msg);
    }
    if ('L' in v) v.L.forEach((x, i) => this.value(x, indexPath(path, i), depth + 1));
    else for (const [k, x] of Object.entries(v.M)) this.value(x, childPath(path, k), depth + 1);
  }

  number(text: string, path: string): void {
    const p = numberProblem(text);
    if (p) this.add(path, p.code, `${path} ("${clip(text)}") ${p.says}.`);
  }

  binary(b64: string, path: string): Uint8Array | null {
    const bytes = base64ToBytes(b64);
    if (!bytes) this.add(path, 'binary-invalid', `${path} is not valid base64.`);
    return bytes;
  }

  set(
    type: AttrType,
    members: readonly string[],
    path: string,
    norm: (m: string, i: number) => string,
  ): void {
    const label = TYPE_LABELS[type];
    if (members.length === 0) {
      const msg = `${path} is an empty ${label}; DynamoDB has no empty sets (remove the attribute).`;
      return this.add(path, 'set-empty', msg);
    }
    const seen = new Map<string, string>();
    members.forEach((m, i) => {
      const key = norm(m, i);
      const first = seen.get(key);
      if (first === undefined) return void seen.set(key, m);
      const same = first === m ? `"${clip(m)}" twice` : `"${clip(first)}" and "${clip(m)}"`;
      this.add(path, 'set-duplicate', `${path} (${label}) holds ${same}; set members must differ.`);
    });
  }

  /** Checks one key attribute; `shaped` when every value of the item is known to be well-formed. */
  key(
    item: Item,
    attr: KeyAttribute,
    role: 'Partition' | 'Sort',
    maxBytes: number,
    shaped: boolean,
  ): void {
    const v = item[attr.name];
    if (v === undefined) return this.keyIssue(attr, role, 'key-missing', 'is missing.');
    if (!shaped && checkShape(v)) return; // reported by the value walk
    const type = shaped ? tagOf(v) : typeOf(v);
    if (type !== attr.type) {
      const says = `must be a ${TYPE_LABELS[attr.type]} (${attr.type}); it is a ${TYPE_LABELS[type]} (${type}).`;
      return this.keyIssue(attr, role, 'key-type', says);
    }
    // A number is never empty, and is at most ceil(length / 2) + 1 bytes: most need no measuring.
    if (type === 'N' && Math.ceil((v as { N: string }).N.length / 2) + 1 <= maxBytes) return;
    const size = valueSize(v);
    if (size === 0 && type !== 'N') {
      const empty = type === 'S' ? 'an empty string' : 'empty binary';
      return this.keyIssue(attr, role, 'key-empty', `is ${empty}; key values cannot be empty.`);
    }
    if (size > maxBytes) {
      const says = `is ${fmt(size)} bytes; DynamoDB allows at most ${fmt(maxBytes)}.`;
      this.keyIssue(attr, role, 'key-too-long', says);
    }
  }

  /** "Partition key pk is missing.": the path is only built for an actual issue. */
  private keyIssue(attr: KeyAttribute, role: string, code: IssueCode, says: string): void {
    const path = childPath('', attr.name);
    this.add(path, code, `${role} key ${path} ${says}`);
  }
}

/** The type tag of a well-formed value (its one own key), without typeOf's array. */
function tagOf(v: AttributeValue): AttrType {
  for (const tag in v) return tag as AttrType;
  return typeOf(v);
}

/** Every reason DynamoDB would reject `item` for a table with `keySchema`; empty when it is valid. */
export function validateItem(
  item: Item,
  keySchema: KeySchema,
  /** measureItem(item), when the caller has it. */
  measured?: ItemMeasure | null,
  /** The table's secondary indexes, when known: their key attributes are checked too. */
  indexes?: readonly IndexKeys[],
): ValidationIssue[] {
  // When every value is in common form (measureItem answers), the value walk finds nothing: only
  // the key checks and the size are left, and the size is already measured.
  const issues = check(item, keySchema, measured === undefined ? measureItemUncached(item) : measured);
  if (!indexes || indexes.length === 0) return issues;
  return [...issues, ...indexKeyIssues(item, keySchema, indexes)];
}

/**
 * Index key attributes an item holds must have the index's type, not be empty and fit the key
 * byte limits; an item without them is simply left out of the index.
 */
function indexKeyIssues(
  item: Item,
  keySchema: KeySchema,
  indexes: readonly IndexKeys[],
): ValidationIssue[] {
  const tableKeys = new Set([keySchema.partitionKey.name, keySchema.sortKey?.name]);
  const out: ValidationIssue[] = [];
  const seen = new Set<string>();
  for (const index of indexes) {
    const attrs: [KeyAttribute | undefined, string, number][] = [
      [index.key.partitionKey, 'partition', MAX_PARTITION_KEY_BYTES],
      [index.key.sortKey, 'sort', MAX_SORT_KEY_BYTES],
    ];
    for (const [attr, role, maxBytes] of attrs) {
      if (!attr || tableKeys.has(attr.name) || seen.has(attr.name)) continue;
      const v = item[attr.name];
      if (v === undefined || checkShape(v)) continue;
      const path = childPath('', attr.name);
      const of = `${path} (the ${role} key of index ${index.name})`;
      const type = typeOf(v);
      seen.add(attr.name);
      if (type !== attr.type) {
        const says = `must be a ${TYPE_LABELS[attr.type]} (${attr.type}); it is a ${TYPE_LABELS[type]} (${type}).`;
        out.push({ path, code: 'index-key-type', message: `${of} ${says}` });
        continue;
      }
      const size = valueSize(v);
      if (size === 0 && type !== 'N') {
        const says = 'is empty; index key values cannot be empty (remove the attribute instead).';
        out.push({ path, code: 'index-key-empty', message: `${of} ${says}` });
      } else if (size > maxBytes) {
        const says = `is ${fmt(size)} bytes; DynamoDB allows at most ${fmt(maxBytes)}.`;
        out.push({ path, code: 'index-key-too-long', message: `${of} ${says}` });
      }
    }
  }
  return out;
}

/** validateItem without the measureItem shortcut: every value walked (the reference the tests use). */
export function validateItemFully(item: Item, keySchema: KeySchema): ValidationIssue[] {
  return check(item, keySchema, null);
}

/** True when a well-formed key value certainly draws no issue (otherwise Walker.key decides). */
function plainKey(v: AttributeValue | undefined, attr: KeyAttribute, maxBytes: number): boolean {
  if (v === undefined || tagOf(v) !== attr.type) return false;
  // UTF-8 takes at most 3 bytes per UTF-16 unit; a number at most ceil(length / 2) + 1.
  if (attr.type === 'S') {
    const n = (v as { S: string }).S.length;
    return n > 0 && 3 * n <= maxBytes;
  }
  return attr.type === 'N' && Math.ceil((v as { N: string }).N.length / 2) + 1 <= maxBytes;
}

function check(item: Item, keySchema: KeySchema, measured: ItemMeasure | null): ValidationIssue[] {
  const { partitionKey: pk, sortKey: sk } = keySchema;
  if (
    measured &&
    measured.size <= MAX_ITEM_BYTES &&
    plainKey(item[pk.name], pk, MAX_PARTITION_KEY_BYTES) &&
    (!sk || plainKey(item[sk.name], sk, MAX_SORT_KEY_BYTES))
  ) {
    return []; // the common case, without the walker
  }
  const w = new Walker();
  const shaped = measured !== null;
  w.key(item, keySchema.partitionKey, 'Partition', MAX_PARTITION_KEY_BYTES, shaped);
  if (keySchema.sortKey) w.key(item, keySchema.sortKey, 'Sort', MAX_SORT_KEY_BYTES, shaped);
  if (!measured) {
    for (const [name, v] of Object.entries(item)) w.value(v, childPath('', name), 0);
  }
  if (w.issues.every((i) => i.code !== 'bad-value')) {
    const size = measured ? measured.size : itemSize(item);
    if (size > MAX_ITEM_BYTES) {
      const msg = `The item is ${fmt(size)} bytes; DynamoDB allows at most ${fmt(MAX_ITEM_BYTES)} (400 KB).`;
      w.add('', 'item-too-large', msg);
    }
  }
  return w.issues;
}

/** DynamoDB JSON text ({"name": {"S": "x"}}) for the raw item editor: parse with exact paths, print. */
import { setAttr } from './attrs';
import { JSON_KIND_NAMES, parseJson, textError } from './jsonParse';
import type { JsonNode, TextError } from './jsonParse';
import { withoutLeadingPlus } from './number';
import { childPath, describePath, indexPath } from './path';
import { ATTR_TYPES } from './types';
import type { AttributeValue, AttrType, Item } from './types';

/** A parse or shape error: where in the text, and which attribute ('' when not inside one). */
export interface DynamoJsonError extends TextError {
  path: string;
}

export type DynamoJsonResult = { ok: true; item: Item } | { ok: false; error: DynamoJsonError };

class ShapeError extends Error {
  constructor(
    readonly node: { at: number },
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

const TYPE_LIST = ATTR_TYPES.join(', ');

function isTypeTag(key: string): key is AttrType {
  return (ATTR_TYPES as readonly string[]).includes(key);
}

function fail(node: { at: number }, path: string, problem: string): never {
  throw new ShapeError(node, path, `${describePath(path)} ${problem}.`);
}

function strings(node: JsonNode, path: string, tag: AttrType, numbersToo: boolean): string[] {
  if (node.kind !== 'array') fail(node, path, `has ${tag} that is not an array`);
  return node.items.map((m, i) => {
    if (m.kind === 'string') return m.value;
    if (numbersToo && m.kind === 'number') return m.text;
    return fail(m, indexPath(path, i), `is ${JSON_KIND_NAMES[m.kind]}; ${tag} members are strings`);
  });
}

function toValue(node: JsonNode, path: string): AttributeValue {
  if (node.kind !== 'object') {
    fail(
      node,
      path,
      `is ${JSON_KIND_NAMES[node.kind]}; expected a typed value such as {"S": "text"}`,
    );
  }
  const [entry, extra] = node.entries;
  if (!entry) fail(node, path, `has no type; expected one of ${TYPE_LIST}`);
  if (extra)
    fail(extra, path, `has more than one type (${node.entries.map((e) => e.key).join(', ')})`);
  const { key: tag, value: inner } = entry;
  if (!isTypeTag(tag)) {
    const hint = isTypeTag(tag.toUpperCase()) ? ` (did you mean "${tag.toUpperCase()}"?)` : '';
    fail(entry, path, `has unknown type "${tag}"${hint}; expected one of ${TYPE_LIST}`);
  }
  const wrong = (expected: string): never =>
    fail(inner, path, `has ${tag} set to ${JSON_KIND_NAMES[inner.kind]}; expected ${expected}`);
  switch (tag) {
    case 'S':
    case 'B':
      return inner.kind === 'string'
        ? ({ [tag]: inner.value } as AttributeValue)
        : wrong('a string');
    case 'N':
      // A bare number literal is accepted too: its digits are kept exactly as written.
      if (inner.kind === 'number') return { N: inner.text };
      // Typed input: a leading '+' is dropped (DynamoDB reads it, dynalite refuses it).
      return inner.kind === 'string' ? { N: withoutLeadingPlus(inner.value) } : wrong('a string of digits');
    case 'BOOL':
      return inner.kind === 'boolean' ? { BOOL: inner.value } : wrong('true or false');
    case 'NULL':
      return inner.kind === 'boolean' && inner.value ? { NULL: true } : wrong('true');
    case 'SS':
      return { SS: strings(inner, path, tag, false) };
    case 'NS':
      return { NS: strings(inner, path, tag, true).map(withoutLeadingPlus) };
    case 'BS':
      return { BS: strings(inner, path, tag, false) };
    case 'L':
      if (inner.kind !== 'array') return wrong('an array');
      return { L: inner.items.map((x, i) => toValue(x, indexPath(path, i))) };
    case 'M':
      if (inner.kind !== 'object') return wrong('an object');
      return { M: toItem(inner, path) };
  }
}

function toItem(node: JsonNode & { kind: 'object' }, path: string): Item {
  const out: Item = {};
  for (const e of node.entries) setAttr(out, e.key, toValue(e.value, childPath(path, e.key)));
  return out;
}

/** The item to read: the whole object, or the inside of {"Item": {...}} as the AWS CLI prints it. */
function unwrap(node: JsonNode & { kind: 'object' }): JsonNode & { kind: 'object' } {
  const [only, extra] = node.entries;
  if (!only || extra || only.key !== 'Item' || only.value.kind !== 'object') return node;
  const inner = only.value;
  const [tag, more] = inner.entries;
  const looksTyped = tag !== undefined && more === undefined && isTypeTag(tag.key);
  return looksTyped ? node : inner;
}

/** Reads DynamoDB JSON item text; an error gives the attribute path and line/column. */
export function parseDynamoJsonText(text: string): DynamoJsonResult {
  const parsed = parseJson(text);
  if (!parsed.ok) return { ok: false, error: { ...parsed.error, path: '' } };
  const { node } = parsed;
  if (node.kind !== 'object') {
    const message = `The item must be a JSON object of typed values, not ${JSON_KIND_NAMES[node.kind]}.`;
    return { ok: false, error: { ...textError(text, node.at, message), path: '' } };
  }
  try {
    return { ok: true, item: toItem(unwrap(node), '') };
  } catch (e) {
    if (!(e instanceof ShapeError)) throw e;
    return { ok: false, error: { ...textError(text, e.node.at, e.message), path: e.path } };
  }
}

/** The item as pretty-printed DynamoDB JSON (two-space indent); parseDynamoJsonText reads it back. */
export function dynamoJsonText(item: Item): string {
  return JSON.stringify(item, null, 2);
}

/** Key attributes typed as text: what the add and duplicate dialogs ask for first. */
import { keyNames } from '../dynamo/types';
import { getAttr, setAttr } from '../dynamo/attrs';
import type {
  AttributeValue,
  Item,
  KeyAttribute,
  KeySchema,
} from '../dynamo/types';
import { fail, ok, parseBinaryText, parseNumberText } from './valueParse';
import type { Parsed } from './valueParse';

export const keyAttributes = (s: KeySchema): KeyAttribute[] =>
  s.sortKey ? [s.partitionKey, s.sortKey] : [s.partitionKey];

/** A key value typed as text, in the key's type; empty strings and binary are refused. */
export function parseKeyValue(attr: KeyAttribute, text: string): Parsed<AttributeValue> {
  if (attr.type === 'S')
    return text === '' ? fail(`${attr.name} cannot be empty.`) : ok({ S: text });
  if (attr.type === 'N') {
    const n = parseNumberText(text);
    return n.ok
      ? ok({ N: n.value })
      : fail(text.trim() === '' ? `${attr.name} needs a number.` : n.error);
  }
  if (text.trim() === '') return fail(`${attr.name} cannot be empty.`);
  const b = parseBinaryText(text, /^0x/i.test(text.trim()) ? 'hex' : 'base64');
  return b.ok ? ok({ B: b.value }) : b;
}

/** The key item from typed texts, or the first reason it is not one. */
export function parseKeyFields(
  schema: KeySchema,
  texts: Readonly<Record<string, string>>,
): Parsed<Item> {
  const key: Item = {};
  for (const attr of keyAttributes(schema)) {
    const v = parseKeyValue(attr, texts[attr.name] ?? '');
    if (!v.ok) return v;
    setAttr(key, attr.name, v.value);
  }
  return ok(key);
}

/** The texts that spell an item's key, for prefilled fields. */
export function keyTexts(schema: KeySchema, item: Item): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of keyNames(schema)) {
    const v = getAttr(item, name);
    setAttr(out, name, !v ? '' : 'S' in v ? v.S : 'N' in v ? v.N : 'B' in v ? v.B : '');
  }
  return out;
}

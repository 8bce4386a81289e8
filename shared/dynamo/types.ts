/**
 * DynamoDB AttributeValues as they travel through DynoStage: the DynamoDB JSON shape, with numbers
 * as strings and binary as base64 strings. Nothing here is ever converted to a JS number.
 */
import { setAttr } from './attrs';

export type AttributeValue =
  | { S: string }
  | { N: string }
  | { B: string }
  | { BOOL: boolean }
  | { NULL: true }
  | { M: { [name: string]: AttributeValue } }
  | { L: AttributeValue[] }
  | { SS: string[] }
  | { NS: string[] }
  | { BS: string[] };

export type Item = { [name: string]: AttributeValue };

export type AttrType = 'S' | 'N' | 'B' | 'BOOL' | 'NULL' | 'M' | 'L' | 'SS' | 'NS' | 'BS';
export type KeyType = 'S' | 'N' | 'B';

export const ATTR_TYPES: readonly AttrType[] = [
  'S',
  'N',
  'B',
  'BOOL',
  'NULL',
  'M',
  'L',
  'SS',
  'NS',
  'BS',
];

/** Human names of the types, for messages ("tags is a string set (SS)"). */
export const TYPE_LABELS: Readonly<Record<AttrType, string>> = {
  S: 'string',
  N: 'number',
  B: 'binary',
  BOOL: 'boolean',
  NULL: 'null',
  M: 'map',
  L: 'list',
  SS: 'string set',
  NS: 'number set',
  BS: 'binary set',
};

export interface KeyAttribute {
  name: string;
  type: KeyType;
}

/** The primary key of a table or index: a partition key and an optional sort key. */
export interface KeySchema {
  partitionKey: KeyAttribute;
  sortKey?: KeyAttribute;
}

/** The type tag of an AttributeValue (its single key). */
export function typeOf(value: AttributeValue): AttrType {
  return Object.keys(value)[0] as AttrType;
}

/** Names of the key attributes, partition key first. */
export function keyNames(schema: KeySchema): string[] {
  return schema.sortKey
    ? [schema.partitionKey.name, schema.sortKey.name]
    : [schema.partitionKey.name];
}

/** The key attributes of an item (those present), as a new item. */
export function keyOf(item: Item, schema: KeySchema): Item {
  const key: Item = {};
  for (const name of keyNames(schema)) {
    const v = item[name];
    if (v !== undefined) setAttr(key, name, v);
  }
  return key;
}

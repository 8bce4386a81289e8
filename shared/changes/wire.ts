/**
 * A staged update as it travels to the staging store: the original image and only what differs
 * from it (attributes set, attributes removed), instead of two nearly equal images. A bulk set on
 * 10,000 loaded 1 KB items sent 25 MB; this sends about half, so the backend parses and checks
 * half. The store rebuilds the full change before saving it: files and staging:load are unchanged.
 */
import { setAttr } from '../dynamo/attrs';
import type { Item } from '../dynamo/types';
import type { StagedChange, UpdateChange } from './types';

/** An update change with `item` given as a difference from `original`. */
export interface UpdateDelta {
  connectionId: string;
  table: string;
  key: Item;
  original: Item;
  /** Attributes whose value differs from the original's, or that the original lacks. */
  set: Item;
  /** Attributes of the original that the new image drops. */
  remove: string[];
  error?: string;
}

/** The new image: the original's attributes in order, minus `remove`, with `set` over them. */
export function fromDelta(d: UpdateDelta): UpdateChange {
  const item: Item = {};
  const removed = d.remove.length ? new Set(d.remove) : null;
  for (const name of Object.keys(d.original)) {
    if (removed?.has(name)) continue;
    const v = Object.prototype.hasOwnProperty.call(d.set, name) ? d.set[name] : d.original[name];
    setAttr(item, name, v);
  }
  for (const name of Object.keys(d.set))
    if (!Object.prototype.hasOwnProperty.call(d.original, name)) setAttr(item, name, d.set[name]);
  const change: UpdateChange = {
    kind: 'update',
    connectionId: d.connectionId,
    table: d.table,
    key: d.key,
    original: d.original,
    item,
  };
  if (d.error !== undefined) change.error = d.error;
  return change;
}

/**
 * The delta of an update, or null when `change` is not an update or fromDelta would not give back
 * its image with the same attribute order (then it travels whole). Unchanged attributes are
 * recognised by identity (staging keeps the original's value objects), so this is one pass.
 */
export function toDelta(change: StagedChange): UpdateDelta | null {
  if (change.kind !== 'update') return null;
  const { original, item } = change;
  const set: Item = {};
  const remove: string[] = [];
  const itemNames = Object.keys(item);
  let at = 0; // position in itemNames of the next kept original attribute
  for (const name of Object.keys(original)) {
    if (!Object.prototype.hasOwnProperty.call(item, name)) {
      remove.push(name);
      continue;
    }
    if (itemNames[at] !== name) return null; // reordered: not what fromDelta rebuilds
    at++;
    if (item[name] !== original[name]) setAttr(set, name, item[name]);
  }
  for (; at < itemNames.length; at++) {
    const name = itemNames[at] as string;
    if (Object.prototype.hasOwnProperty.call(original, name)) return null;
    setAttr(set, name, item[name]);
  }
  const d: UpdateDelta = {
    connectionId: change.connectionId,
    table: change.table,
    key: change.key,
    original,
    set,
    remove,
  };
  if (change.error !== undefined) d.error = change.error;
  return d;
}

/**
 * An update whose original is a row image the backend served in a Load all page (the web host
 * keeps those pages' bytes for a while, server/items/servedPages.ts): named by the page's id and
 * the item's index instead of sent back. The backend writes the served bytes as the original.
 * Its connection and table are the staging entry's.
 */
export interface UpdateRef {
  key: Item;
  /** The items:page event's servedPage. */
  page: string;
  /** The item's position in that page. */
  index: number;
  set: Item;
  remove: string[];
  error?: string;
}

/**
 * A fast path in front of zod for staging:apply's input, the one large payload the renderer sends
 * (a bulk edit's save: 10,000 entries, 2 MB). zod's object schemas copy every entry and nested
 * object they pass (they strip unknown keys): 100,000 objects for the collector on top of the
 * parsed body, 30-50 ms of the host's part of a bulk set. This check answers true only for input
 * the schema (stagingChannels['staging:apply'].input) accepts and would return unchanged: no key
 * it does not know, no key present as undefined, every value as the schema wants it. On true the
 * input is the checked input; on false the schema checks it as before (and words any error).
 * Stricter than the schema, never looser: stagingAsIs.test.ts compares the two on every entry
 * shape and on each field made wrong.
 */
import { itemProblem } from './attributeCheck';
import { controlCharProblem } from './values';

type Obj = Record<string, unknown>;

const hasOwn = Object.prototype.hasOwnProperty;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Whether every own key of `o` is in `allowed`, and none holds undefined. */
function onlyKeys(o: Obj, allowed: ReadonlySet<string>): boolean {
  for (const k in o) {
    if (!hasOwn.call(o, k)) continue;
    if (!allowed.has(k) || o[k] === undefined) return false;
  }
  return true;
}

const text = (v: unknown): boolean => typeof v === 'string' && v.length > 0;
const plain = (v: unknown): boolean => text(v) && controlCharProblem(v as string) === undefined;
const item = (v: unknown): boolean => isObj(v) && itemProblem(v) === null;
const optionalString = (o: Obj, k: string): boolean => !hasOwn.call(o, k) || typeof o[k] === 'string';

function names(v: unknown): boolean {
  if (!Array.isArray(v)) return false;
  for (let i = 0; i < v.length; i++) if (typeof v[i] !== 'string') return false;
  return true;
}

// The keys whose values this file checks, per object; stagingAsIs.test.ts holds them equal to the
// schema's shapes, so a key added to the schema fails that test instead of passing here unchecked.
const ENTRY = new Set(['id', 'connectionId', 'table', 'change', 'update', 'updateRef']);
const REF = new Set(['key', 'error', 'page', 'index', 'set', 'remove']);
const DELTA = new Set(['connectionId', 'table', 'key', 'error', 'original', 'set', 'remove']);
const CHANGE = {
  put: new Set(['connectionId', 'table', 'key', 'error', 'kind', 'item']),
  update: new Set(['connectionId', 'table', 'key', 'error', 'kind', 'original', 'item']),
  delete: new Set(['connectionId', 'table', 'key', 'error', 'kind', 'original', 'after']),
};

/** The keys each object may have, for the test that compares them with the schema. */
export const CHECKED_KEYS = { entry: ENTRY, updateRef: REF, update: DELTA, change: CHANGE };

/** The fields every staged change and update delta has (the schema's `base`). */
const base = (o: Obj): boolean =>
  plain(o.connectionId) && plain(o.table) && item(o.key) && optionalString(o, 'error');

function updateRef(o: unknown): boolean {
  if (!isObj(o) || !onlyKeys(o, REF)) return false;
  const index = o.index;
  return (
    item(o.key) &&
    optionalString(o, 'error') &&
    text(o.page) &&
    typeof index === 'number' &&
    Number.isSafeInteger(index) &&
    index >= 0 &&
    item(o.set) &&
    names(o.remove)
  );
}

function updateDelta(o: unknown): boolean {
  if (!isObj(o) || !onlyKeys(o, DELTA)) return false;
  return base(o) && item(o.original) && item(o.set) && names(o.remove);
}

function change(o: unknown): boolean {
  if (!isObj(o)) return false;
  const kind = o.kind;
  if (kind !== 'put' && kind !== 'update' && kind !== 'delete') return false;
  if (!onlyKeys(o, CHANGE[kind]) || !base(o)) return false;
  if (kind === 'put') return item(o.item);
  if (kind === 'update') return item(o.original) && item(o.item);
  return item(o.original) && optionalString(o, 'after');
}

function entry(e: unknown): boolean {
  if (!isObj(e) || !onlyKeys(e, ENTRY)) return false;
  if (!text(e.id) || !plain(e.connectionId) || !plain(e.table)) return false;
  const c = hasOwn.call(e, 'change');
  const u = hasOwn.call(e, 'update');
  const r = hasOwn.call(e, 'updateRef');
  if (Number(c) + Number(u) + Number(r) > 1) return false;
  return c ? change(e.change) : u ? updateDelta(e.update) : r ? updateRef(e.updateRef) : true;
}

const INPUT = new Set(['entries']);

/** True when staging:apply's schema would accept `input` and return it unchanged. */
export function stagingApplyAsIs(input: unknown): boolean {
  if (!isObj(input) || !onlyKeys(input, INPUT)) return false;
  const entries = input.entries;
  if (!Array.isArray(entries)) return false;
  for (let i = 0; i < entries.length; i++) if (!entry(entries[i])) return false;
  return true;
}

/** Quoting for the languages the "Copy as" snippets are written in. */
import type { AttributeValue } from '../dynamo/types';

/** After the call, the text is one POSIX shell word that the shell reads back as `s`. */
export function shellWord(s: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(s)) return s;
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** After the call, the text is a PartiQL double-quoted identifier naming `name`. */
export function partiqlName(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** After the call, the text is a Python literal of `v` (AttributeValue JSON; binary decoded from base64). */
export function pythonValue(v: unknown, binary = false): string {
  if (v === null || v === undefined) return 'None';
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (typeof v === 'number') return String(v);
  // JSON string literals are Python string literals too (same escapes, \uXXXX included).
  if (typeof v === 'string') return binary ? `base64.b64decode(${JSON.stringify(v)})` : JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map((x) => pythonValue(x, binary)).join(', ')}]`;
  const entries = Object.entries(v as Record<string, unknown>).map(
    ([k, x]) => `${JSON.stringify(k)}: ${pythonValue(x, binary || k === 'B' || k === 'BS' ? isBinaryTag(v, k) : false)}`,
  );
  return `{${entries.join(', ')}}`;
}

/** True when `k` is the B or BS tag of an AttributeValue (not an attribute that happens to be named B). */
function isBinaryTag(holder: unknown, k: string): boolean {
  return Object.keys(holder as object).length === 1 && (k === 'B' || k === 'BS');
}

/** After the call, the text is a TypeScript expression of `v` in the SDK's form (binary as bytes). */
export function sdkValue(v: AttributeValue): string {
  if ('B' in v) return `{ B: Buffer.from(${JSON.stringify(v.B)}, 'base64') }`;
  if ('BS' in v) return `{ BS: [${v.BS.map((b) => `Buffer.from(${JSON.stringify(b)}, 'base64')`).join(', ')}] }`;
  if ('L' in v) return `{ L: [${v.L.map(sdkValue).join(', ')}] }`;
  if ('M' in v) return `{ M: ${sdkItem(v.M)} }`;
  return JSON.stringify(v);
}

/** After the call, the text is a TypeScript object literal of the map in the SDK's form. */
export function sdkItem(item: Record<string, AttributeValue>): string {
  const entries = Object.entries(item).map(([k, v]) => `${JSON.stringify(k)}: ${sdkValue(v)}`);
  return `{ ${entries.join(', ')} }`;
}

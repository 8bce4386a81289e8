import type { AttributeValue as SdkValue } from '@aws-sdk/client-dynamodb';
import { setAttr } from '../../shared/dynamo/attrs';
import type { AttributeValue, Item } from '../../shared/dynamo/types';

/** Wire (base64 binary) -> SDK (Uint8Array binary). Numbers stay strings. */
export function toSdkValue(v: AttributeValue): SdkValue {
  if ('B' in v) return { B: Buffer.from(v.B, 'base64') };
  if ('BS' in v) return { BS: v.BS.map((b) => Buffer.from(b, 'base64')) };
  if ('L' in v) return { L: v.L.map(toSdkValue) };
  if ('M' in v) return { M: toSdkItem(v.M) };
  return v as SdkValue;
}

/** Wire item -> SDK item; every attribute kept, whatever its name (see shared/dynamo/attrs). */
export function toSdkItem(item: Item): Record<string, SdkValue> {
  const out: Record<string, SdkValue> = {};
  // Own names only, set with defineProperty: an attribute may be called __proto__.
  for (const k of Object.keys(item)) setAttr(out, k, toSdkValue(item[k] as AttributeValue));
  return out;
}

function b64(u: Uint8Array): string {
  return Buffer.from(u.buffer, u.byteOffset, u.byteLength).toString('base64');
}

/** SDK -> wire. Unknown or $unknown members are refused rather than guessed. */
export function fromSdkValue(v: SdkValue): AttributeValue {
  if (v.S !== undefined) return { S: v.S };
  if (v.N !== undefined) return { N: v.N };
  if (v.B !== undefined) return { B: b64(v.B) };
  if (v.BOOL !== undefined) return { BOOL: v.BOOL };
  if (v.NULL !== undefined) return { NULL: true };
  if (v.SS !== undefined) return { SS: v.SS };
  if (v.NS !== undefined) return { NS: v.NS };
  if (v.BS !== undefined) return { BS: v.BS.map(b64) };
  if (v.L !== undefined) return { L: v.L.map(fromSdkValue) };
  if (v.M !== undefined) return { M: fromSdkItem(v.M) };
  throw new Error(`Unsupported AttributeValue: ${JSON.stringify(v)}`);
}

/** SDK item -> wire item; every attribute kept, whatever its name. */
export function fromSdkItem(item: Record<string, SdkValue>): Item {
  const out: Item = {};
  for (const k of Object.keys(item)) setAttr(out, k, fromSdkValue(item[k] as SdkValue));
  return out;
}

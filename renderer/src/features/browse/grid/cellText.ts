/** Plain text for grid cells: what copying a cell gives, and what the quick filter searches. */
import type { AttributeValue } from '../../../../../shared/dynamo/types';

/**
 * The text copied from a cell: scalars as they are (N with every stored digit, B as its full
 * base64), NULL as `null`, sets, lists and maps as DynamoDB JSON so their types survive.
 */
export function copyText(v: AttributeValue): string {
  if ('S' in v) return v.S;
  if ('N' in v) return v.N;
  if ('B' in v) return v.B;
  if ('BOOL' in v) return String(v.BOOL);
  if ('NULL' in v) return 'null';
  return JSON.stringify(v);
}

const texts = new WeakMap<object, string>();

/** Every scalar (and map key) inside a value, space separated; cached per value object. */
export function searchText(v: AttributeValue): string {
  if ('S' in v) return v.S;
  if ('N' in v) return v.N;
  if ('BOOL' in v) return v.BOOL ? 'true' : 'false';
  if ('NULL' in v) return 'null';
  if ('B' in v) return v.B;
  let text = texts.get(v);
  if (text === undefined) {
    if ('SS' in v) text = v.SS.join(' ');
    else if ('NS' in v) text = v.NS.join(' ');
    else if ('BS' in v) text = v.BS.join(' ');
    else if ('L' in v) text = v.L.map(searchText).join(' ');
    else text = Object.entries(v.M).map(([k, x]) => `${k} ${searchText(x)}`).join(' ');
    texts.set(v, text);
  }
  return text;
}


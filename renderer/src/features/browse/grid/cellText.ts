/** The text copying a grid cell gives. */
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

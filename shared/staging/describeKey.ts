import { keyNames } from '../dynamo/types';
import type { Item, KeySchema } from '../dynamo/types';

/** An item's key as one line, "ticketId=T-1 · n=3", long values shortened. */
export function keyText(item: Item, schema: KeySchema): string {
  return keyNames(schema)
    .map((name) => {
      const v = item[name];
      const text = !v ? '?' : 'S' in v ? v.S : 'N' in v ? v.N : 'B' in v ? v.B : JSON.stringify(v);
      return `${name}=${text.length > 48 ? text.slice(0, 45) + '…' : text}`;
    })
    .join(' · ');
}

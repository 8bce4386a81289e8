import type { QueryModel } from '../../../../../shared/contract/items';
import type { Item } from '../../../../../shared/dynamo/types';
import { call } from '../../../api/client';

/** Every page the model's Query or Scan returns, read again from the table, one call at a time. */
export async function* queryPages(
  connectionId: string,
  model: QueryModel,
): AsyncIterable<readonly Item[]> {
  let cursor: Item | undefined;
  do {
    const page = await call('items:query', {
      connectionId,
      model,
      ...(cursor ? { cursor } : {}),
    });
    yield page.items;
    cursor = page.cursor;
  } while (cursor);
}

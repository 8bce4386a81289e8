import type { z } from 'zod';
import type { itemsChannels } from '../../shared/contract/items';
import type { BackendContext } from '../context';
import { prepareRequest, readPage } from './read';

type Channel = (typeof itemsChannels)['items:query'];

/** One page of the model's Query or Scan, continuing after `cursor` when given. */
export async function queryPage(
  input: z.output<Channel['input']>,
  ctx: BackendContext,
): Promise<z.output<Channel['output']>> {
  const client = await ctx.client(input.connectionId);
  const built = await prepareRequest(client, input.model);
  const page = await readPage(client, built, input.cursor ? { startKey: input.cursor } : {});
  const cursor = page.lastKey;
  return {
    items: page.items,
    ...(cursor ? { cursor } : {}),
    scannedCount: page.scannedCount,
    count: page.count,
    consumedCapacity: page.consumedCapacity,
  };
}

import type { z } from 'zod';
import type { itemsChannels } from '../../shared/contract/items';
import type { BackendContext } from '../context';
import { batchGet } from './batchGet';
import { loadAll } from './loadAll';
import { cancelLoad, takePages } from './loads';
import { queryPage } from './query';

type ItemsChannels = typeof itemsChannels;

/** A service function for one items channel: parsed input in, the channel's output out. */
export type ItemsHandler<C extends keyof ItemsChannels> = (
  input: z.infer<ItemsChannels[C]['input']>,
  ctx: BackendContext,
) => Promise<z.output<ItemsChannels[C]['output']>>;

export const itemsHandlers: { [C in keyof ItemsChannels]: ItemsHandler<C> } = {
  'items:query': queryPage,
  'items:loadAll': loadAll,
  'items:cancel': async ({ connectionId, loadId }) => ({
    canceled: cancelLoad(connectionId, loadId),
  }),
  'items:taken': async ({ connectionId, loadId, pages }) => ({
    running: takePages(connectionId, loadId, pages),
  }),
  'items:batchGet': (input, ctx) => batchGet(input, ctx),
};

import type { z } from 'zod';
import type { ChannelName, Channels } from '../../shared/contract';
import { SANDBOX_ID } from './connections/registry';
import type { Services } from './services';
import { describeTable, listTables } from './tables/service';

/** A service function for one channel: parsed input in, the channel's output out. */
export type Handler<C extends ChannelName> = (
  input: z.output<Channels[C]['input']>,
  services: Services,
) => Promise<z.input<Channels[C]['output']>>;

/** One handler per channel; a channel without a handler is a compile error. */
export type Handlers = { [C in ChannelName]: Handler<C> };

export const handlers: Handlers = {
  'connections:list': async (_input, s) => ({ connections: s.connections.list() }),
  'sandbox:status': async (_input, s) => s.sandbox.status(),
  'sandbox:reset': async (_input, s) => s.sandbox.reset(),
  'tables:list': async ({ connectionId }, s) => ({
    tables: await listTables(await s.client(connectionId)),
  }),
  'tables:describe': async ({ connectionId, table }, s) =>
    describeTable(await s.client(connectionId), table),
};

export { SANDBOX_ID };

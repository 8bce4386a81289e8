import type { z } from 'zod';
import type { ChannelName, Channels } from '../shared/contract';
import type { Services } from './services';

/** A service function for one channel: parsed input in, the channel's output out. */
export type Handler<C extends ChannelName> = (
  input: z.output<Channels[C]['input']>,
  services: Services,
) => Promise<z.input<Channels[C]['output']>>;

/** One handler per channel; a channel without a handler is a compile error. */
export type Handlers = { [C in ChannelName]: Handler<C> };

/** The handlers of one namespace, e.g. HandlersOf<'tables:'>. */
export type HandlersOf<P extends string> = {
  [C in ChannelName as C extends `${P}${string}` ? C : never]: Handler<C>;
};

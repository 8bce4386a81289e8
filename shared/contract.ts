/**
 * The one API of DynoStage: every channel with zod schemas for its input and output, and the
 * events. Both hosts (Electron IPC and the loopback web host) serve exactly this.
 */
import { z } from 'zod';
import { connectionsChannels, connectionsEvents } from './contract/connections';
import { commitChannels, commitEvents } from './contract/commit';
import { itemsChannels, itemsEvents } from './contract/items';
import { partiqlChannels } from './contract/partiql';
import { sandboxChannels } from './contract/sandbox';
import { stagingChannels } from './contract/staging';
import { tablesChannels } from './contract/tables';

export * from './contract/define';

export const channels = {
  ...connectionsChannels,
  ...sandboxChannels,
  ...tablesChannels,
  ...stagingChannels,
  ...itemsChannels,
  ...commitChannels,
  ...partiqlChannels,
};

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export type ChannelInput<C extends ChannelName> = z.input<Channels[C]['input']>;
export type ChannelOutput<C extends ChannelName> = z.output<Channels[C]['output']>;

export const channelNames = Object.keys(channels) as ChannelName[];

export function isChannelName(name: string): name is ChannelName {
  return Object.prototype.hasOwnProperty.call(channels, name);
}

/** Events pushed from the backend to renderers, tagged by `type`. */
export const backendEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('app:hello'), at: z.number() }),
  z.object({
    type: z.literal('app:command'),
    command: z.enum(['refresh-tables', 'review-changes', 'reset-sandbox', 'toggle-theme']),
  }),
  ...connectionsEvents,
  ...itemsEvents,
  ...commitEvents,
]);
export type BackendEvent = z.infer<typeof backendEventSchema>;

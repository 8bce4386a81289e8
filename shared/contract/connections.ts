import { z } from 'zod';
import { channel } from './define';

export const connectionInfoSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(['sandbox', 'profile', 'endpoint']),
  region: z.string(),
  /** Endpoint URL for sandbox and custom endpoints; never credentials. */
  endpoint: z.string().optional(),
  profile: z.string().optional(),
});
export type ConnectionInfo = z.infer<typeof connectionInfoSchema>;

export const connectionsChannels = {
  'connections:list': channel(
    z.object({}).strict(),
    z.object({ connections: z.array(connectionInfoSchema) }),
    'The connection list: the sandbox first, then saved connections.',
  ),
};

import { z } from 'zod';
import { channel } from './define';

export const sandboxStatusSchema = z.object({
  state: z.enum(['running', 'failed']),
  endpoint: z.string().optional(),
  dataPath: z.string(),
  /** Why the sandbox could not start (a damaged store, say), with what to do. */
  error: z.string().optional(),
  seeded: z.boolean(),
});
export type SandboxStatus = z.infer<typeof sandboxStatusSchema>;

export const sandboxChannels = {
  /** Whether the embedded sandbox DynamoDB runs, and where it keeps its data. */
  'sandbox:status': channel(
    z.object({}).strict(),
    sandboxStatusSchema,
  ),
  /** Moves the sandbox store aside, starts a fresh one and seeds the demo tables. */
  'sandbox:reset': channel(
    z.object({ confirm: z.literal(true, { error: 'confirm must be true' }) }),
    sandboxStatusSchema,
  ),
};

import type { HandlersOf } from '../handlerTypes';
import { transactionSupport } from './capabilities';

export const commitHandlers: HandlersOf<'commit:'> = {
  'commit:start': async (input, s) => s.commits.start(input),
  'commit:cancel': async ({ commitId }, s) => ({ canceled: s.commits.cancel(commitId) }),
  'commit:pending': async (_input, s) => ({ commits: await s.commits.pending() }),
  'commit:resume': async ({ commitId, options }, s) => s.commits.resume(commitId, options),
  'commit:capabilities': async ({ connectionId }, s) => transactionSupport(await s.client(connectionId), connectionId),
  'commit:discard': async ({ commitId }, s) => ({ discarded: await s.commits.journals.discard(commitId) }),
};

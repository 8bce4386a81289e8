import type { HandlersOf } from '../handlerTypes';

export const commitHandlers: HandlersOf<'commit:'> = {
  'commit:start': async (input, s) => s.commits.start(input),
  'commit:cancel': async ({ commitId }, s) => ({ canceled: s.commits.cancel(commitId) }),
  'commit:pending': async (_input, s) => ({ commits: await s.commits.pending() }),
  'commit:resume': async ({ commitId, options }, s) => s.commits.resume(commitId, options),
  'commit:discard': async ({ commitId }, s) => ({ discarded: await s.commits.journals.discard(commitId) }),
};

import type { HandlersOf } from '../handlerTypes';
import { rawOf } from '../requestText';
import { resolveOriginals } from './byRef';

export const stagingHandlers: HandlersOf<'staging:'> = {
  'staging:load': async (_input, s) => s.staging.load(),
  // The request's JSON text (web host), written as the log record when it can be (store.ts).
  // Entries naming an original the backend served get its exact bytes written (byRef.ts).
  'staging:apply': async (input, s) =>
    input.entries.some((e) => e.updateRef)
      ? s.staging.apply(input.entries, undefined, resolveOriginals(input.entries, s.servedPages))
      : s.staging.apply(input.entries, rawOf(input)),
};

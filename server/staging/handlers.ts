import type { HandlersOf } from '../handlerTypes';
import { rawOf } from '../requestText';

export const stagingHandlers: HandlersOf<'staging:'> = {
  'staging:load': async (_input, s) => s.staging.load(),
  // The request's JSON text (web host), written as the log record when it can be (store.ts).
  'staging:apply': async (input, s) => s.staging.apply(input.entries, rawOf(input)),
};

import type { HandlersOf } from '../handlerTypes';

export const stagingHandlers: HandlersOf<'staging:'> = {
  'staging:load': async (_input, s) => s.staging.load(),
  'staging:apply': async ({ entries }, s) => s.staging.apply(entries),
};

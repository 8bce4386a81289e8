import type { HandlersOf } from '../handlerTypes';

export const sandboxHandlers: HandlersOf<'sandbox:'> = {
  'sandbox:status': async (_input, s) => s.sandbox.status(),
  'sandbox:reset': async (_input, s) => s.sandbox.reset(),
};

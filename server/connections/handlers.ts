import type { HandlersOf } from '../handlerTypes';

export const connectionsHandlers: HandlersOf<'connections:'> = {
  'connections:list': async (_input, s) => s.connections.list(),
  'connections:profiles': async (_input, s) => s.connections.profiles(),
  'connections:save': async (input, s) => ({ connection: await s.connections.save(input) }),
  'connections:remove': async ({ id }, s) => ({ removed: await s.connections.remove(id) }),
  'connections:test': async (input, s) => ({ result: await s.connections.test(input) }),
  'connections:mfaAnswer': async (input, s) => ({
    accepted:
      'cancel' in input
        ? s.connections.mfa.cancel(input.promptId)
        : s.connections.mfa.answer(input.promptId, input.code),
  }),
};

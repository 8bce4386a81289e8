import type { HandlersOf } from '../handlerTypes';

export const connectionsHandlers: HandlersOf<'connections:'> = {
  'connections:list': async (_input, s) => ({ connections: s.connections.list() }),
};

import { commitHandlers } from './commitService/handlers';
import { connectionsHandlers } from './connections/handlers';
import type { Handlers } from './handlerTypes';
import { itemsHandlers } from './items/handlers';
import { partiqlHandlers } from './partiql/handlers';
import { sandboxHandlers } from './sandbox/handlers';
import { stagingHandlers } from './staging/handlers';
import { tablesHandlers } from './tables/handlers';

export type { Handler, Handlers } from './handlerTypes';

/** Every channel's service function; a missing one does not compile. */
export const handlers: Handlers = {
  ...connectionsHandlers,
  ...sandboxHandlers,
  ...tablesHandlers,
  ...stagingHandlers,
  ...itemsHandlers,
  ...commitHandlers,
  ...partiqlHandlers,
};

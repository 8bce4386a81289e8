import type { HandlersOf } from '../handlerTypes';
import { describeTable, listTables } from './service';

export const tablesHandlers: HandlersOf<'tables:'> = {
  'tables:list': async ({ connectionId }, s) => ({
    tables: await listTables(await s.client(connectionId)),
  }),
  'tables:describe': async ({ connectionId, table }, s) =>
    describeTable(await s.client(connectionId), table),
};

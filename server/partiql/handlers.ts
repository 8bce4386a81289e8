import type { StagedStatement } from '../../shared/contract/partiql';
import { describeStatement, statementKey } from '../../shared/partiql/statement';
import type { HandlersOf } from '../handlerTypes';
import { commitStatements } from './commit';
import { transactStatements } from './transact';
import { badInput } from '../errors';
import { executePage } from './execute';

let sequence = 0;
const newId = () => `pq-${Date.now().toString(36)}-${(++sequence).toString(36)}`;

export const partiqlHandlers: HandlersOf<'partiql:'> = {
  'partiql:execute': (input, s) => executePage(input, s),
  'partiql:staged': async (_input, s) => ({ statements: await s.partiql.list() }),
  'partiql:stage': async ({ connectionId, statement, parameters = [], keyNames = [] }, s) => {
    const info = describeStatement(statement);
    if (info.kind === 'SELECT') throw badInput('A SELECT is run, not staged: use partiql:execute.');
    if (info.kind === 'UNKNOWN') throw badInput('Only INSERT, UPDATE and DELETE statements can be staged.');
    if (!info.table) throw badInput(`The ${info.kind} statement names no table.`);
    if (parameters.length !== info.placeholders) {
      throw badInput(`The statement has ${info.placeholders} ? placeholder(s) but ${parameters.length} parameter(s) were given.`);
    }
    const key = keyNames.length > 0 ? statementKey(statement, parameters, keyNames) : undefined;
    const staged: StagedStatement = {
      id: newId(),
      connectionId,
      statement,
      parameters,
      kind: info.kind,
      table: info.table,
      ...(key ? { key } : {}),
      stagedAt: Date.now(),
    };
    const statements = await s.partiql.update((list) => [...list, staged]);
    return { staged, statements };
  },
  'partiql:unstage': async ({ ids }, s) => {
    const drop = new Set(ids);
    return { statements: await s.partiql.update((list) => list.filter((x) => !drop.has(x.id))) };
  },
  'partiql:commit': async ({ connectionId, ids, mode }, s) => {
    const wanted = ids ? new Set(ids) : null;
    const chosen = (await s.partiql.list()).filter((x) => x.connectionId === connectionId && (!wanted || wanted.has(x.id)));
    const summary =
      mode === 'atomic' ? await transactStatements(connectionId, chosen, s) : await commitStatements(connectionId, chosen, s);
    const byId = new Map(summary.outcomes.map((o) => [o.id, o]));
    // Written statements leave the list; failed ones stay with their reason.
    const statements = await s.partiql.update((list) =>
      list.flatMap((x) => {
        const o = byId.get(x.id);
        if (!o) return [x];
        if (o.status === 'written') return [];
        const { error: _old, ...rest } = x;
        return [{ ...rest, error: `${o.code ?? 'Error'}: ${o.message ?? ''}`.trim() }];
      }),
    );
    return { ...summary, statements, api: mode === 'atomic' ? ('ExecuteTransaction' as const) : ('BatchExecuteStatement' as const) };
  },
};

/**
 * The review's plan: every staged change through shared/changes' planInputs and shared/plan's
 * planner, the same two functions the commit uses, so the counts and WCU shown are what runs.
 */
import { inputMeasure, planInputs } from '../changes/toPlan';
import { tableRef } from '../changes/types';
import type { Changes, KeySchemasByRef } from '../changes/types';
import { plan } from '../plan/plan';
import type { PlannerSession } from '../plan/session';
import type { KeySchemasByTable, Plan, PlanInput, PlanSummary } from '../plan/types';

export interface ConnectionPlan {
  connectionId: string;
  ops: PlanInput[];
  plan: Plan;
  /** Key schemas of the tables the ops touch (those known to the review). */
  schemas: KeySchemasByTable;
}

export interface StagedPlan {
  /** One plan per connection: each commits on its own. */
  connections: ConnectionPlan[];
  /** Totals over every connection. */
  summary: PlanSummary;
  /** Staged puts that create items (kind 'put'), and those that overwrite a loaded one. */
  newItems: number;
  updates: number;
  /** Ids of the staged puts that create items (what guarded mode checks for existence). */
  newIds: ReadonlySet<string>;
  /** The session the plan was made in (its measurements serve validation). */
  session: PlannerSession;
}

const ZERO: PlanSummary = {
  puts: 0,
  deletes: 0,
  requests: 0,
  bytes: 0,
  wcu: 0,
  collapsed: 0,
  rejected: 0,
};

/**
 * Plans every staged change, per connection, with the planner's key schemas by table name, in
 * `session` (the review passes its page-long one; a fresh one plans from nothing).
 */
export function planStaged(
  changes: Changes,
  keySchemas: KeySchemasByRef,
  session: PlannerSession,
): StagedPlan {
  const connectionIds = new Set<string>();
  let newItems = 0;
  let updates = 0;
  const newIds = new Set<string>();
  for (const [id, c] of changes) {
    connectionIds.add(c.connectionId);
    if (c.kind === 'put') {
      newItems++;
      newIds.add(id);
    } else if (c.kind === 'update') updates++;
  }
  const connections: ConnectionPlan[] = [];
  const summary = { ...ZERO };
  for (const connectionId of connectionIds) {
    const ops = planInputs(changes, connectionId, session);
    const schemas: KeySchemasByTable = {};
    const seen = new Set<string>();
    for (const op of ops) {
      if (seen.has(op.table)) continue;
      seen.add(op.table);
      const s = keySchemas[tableRef(connectionId, op.table)];
      if (s) schemas[op.table] = s;
    }
    // The inputs come with their items' measurements: the planner takes them from there.
    const p = plan(
      ops,
      schemas,
      {},
      (op, i) => inputMeasure(session, connectionId, op, i),
      session,
    );
    connections.push({ connectionId, ops, plan: p, schemas });
    for (const k of Object.keys(summary) as (keyof PlanSummary)[]) summary[k] += p.summary[k];
  }
  return { connections, summary, newItems, updates, newIds, session };
}

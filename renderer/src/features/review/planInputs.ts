/**
 * Staged changes -> planner input, per connection. The commit must plan from the same function,
 * so the counts and WCU the review shows are the ones that run.
 */
import type { KeySchemas as ChangeKeySchemas, StagedChange } from '../../../../shared/changes/types';
import { tableRef } from '../../../../shared/changes/types';
import { itemSize } from '../../../../shared/dynamo/size';
import { plan } from '../../../../shared/plan/plan';
import type { KeySchemas, Plan, PlanInput, PlanSummary } from '../../../../shared/plan/types';

/** One planner operation for a change: puts (new or updated) carry the full new image. */
export function toPlanInput(id: string, change: StagedChange): PlanInput {
  if (change.kind === 'delete') {
    return { id, table: change.table, kind: 'delete', key: change.key, oldSize: itemSize(change.original) };
  }
  const op: PlanInput = { id, table: change.table, kind: 'put', item: change.item };
  if (change.kind === 'update') op.oldSize = itemSize(change.original);
  return op;
}

export interface ConnectionPlan {
  connectionId: string;
  ops: PlanInput[];
  plan: Plan;
}

export interface StagedPlan {
  connections: ConnectionPlan[];
  /** Totals over every connection. */
  summary: PlanSummary;
  /** Staged puts that create items (kind 'put'), and those that overwrite a loaded one. */
  newItems: number;
  updates: number;
}

const ZERO: PlanSummary = { puts: 0, deletes: 0, requests: 0, bytes: 0, wcu: 0, collapsed: 0, rejected: 0 };

/** Plans every staged change with shared/plan, one plan per connection (each commits on its own). */
export function planStaged(
  changes: Readonly<Record<string, StagedChange>>,
  keySchemas: ChangeKeySchemas,
): StagedPlan {
  const byConnection = new Map<string, PlanInput[]>();
  let newItems = 0;
  let updates = 0;
  for (const id in changes) {
    const change = changes[id] as StagedChange;
    if (change.kind === 'put') newItems++;
    else if (change.kind === 'update') updates++;
    let ops = byConnection.get(change.connectionId);
    if (!ops) byConnection.set(change.connectionId, (ops = []));
    ops.push(toPlanInput(id, change));
  }
  const connections: ConnectionPlan[] = [];
  const summary = { ...ZERO };
  for (const [connectionId, ops] of byConnection) {
    const schemas: KeySchemas = {};
    for (const op of ops) {
      const s = keySchemas[tableRef(connectionId, op.table)];
      if (s) schemas[op.table] = s;
    }
    const p = plan(ops, schemas);
    connections.push({ connectionId, ops, plan: p });
    for (const k of Object.keys(summary) as (keyof PlanSummary)[]) summary[k] += p.summary[k];
  }
  return { connections, summary, newItems, updates };
}

/** What a commit starts from: the planned requests, plus what the planner set aside. */
import { collapseOps } from '../../../shared/plan/plan';
import { packSized, sizeOp, type PackLimits, type SizedOp } from '../../../shared/plan/builder';
import type { KeySchemas, Plan, PlanInput } from '../../../shared/plan/types';

export interface Start {
  fresh: SizedOp[][];
  order: string[];
  rejected: { id: string; reason: string }[];
  collapsed: { id: string; by: string }[];
}

/** Operations are planned with the same rules as `plan`; a Plan is taken as it is. */
export function prepare(
  input: Plan | readonly PlanInput[],
  keySchemas: KeySchemas,
  limits: PackLimits,
): Start {
  if (Array.isArray(input)) {
    const ops = input as readonly PlanInput[];
    const { sized, collapsed, rejected } = collapseOps(ops, keySchemas, limits);
    const fresh = packSized(sized, limits).map((p) => p.sized);
    return { fresh, order: ops.map((o) => o.id), rejected, collapsed };
  }
  const p = input as Plan;
  const rejected = [...p.rejected];
  const fresh: SizedOp[][] = [];
  for (const r of p.requests) {
    const sized: SizedOp[] = [];
    for (const op of r.ops) {
      const schema = keySchemas[op.table];
      if (schema) sized.push(sizeOp(op, schema));
      else rejected.push({ id: op.id, reason: `no key schema for table "${op.table}"` });
    }
    if (sized.length > 0) fresh.push(sized);
  }
  const order = [
    ...p.requests.flatMap((r) => r.ops.map((o) => o.id)),
    ...p.rejected.map((r) => r.id),
    ...p.collapsed.map((c) => c.id),
  ];
  return { fresh, order, rejected, collapsed: p.collapsed };
}

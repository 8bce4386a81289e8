/** What a commit starts from: the planned requests, plus what the planner set aside. */
import { collapseOps } from '../../shared/plan/plan';
import { packSized, sizeOp, type PackLimits, type SizedOp } from '../../shared/plan/builder';
import { heldReason, linkOf } from '../../shared/plan/links';
import type { KeySchemasByTable, Plan, PlanInput } from '../../shared/plan/types';

export interface Start {
  fresh: SizedOp[][];
  /** Guarded writes (conditional single-item calls), in order. */
  singles: SizedOp[];
  /** Deletes that wait for a put being sent in this commit, by the put's id. */
  linked: Map<string, SizedOp[]>;
  order: string[];
  rejected: { id: string; reason: string }[];
  /** Deletes whose put was set aside (rejected): never sent. */
  held: { id: string; reason: string }[];
  collapsed: { id: string; by: string }[];
}

/**
 * Takes linked deletes out of `sized`: afterwards `free` holds the rest in order, `linked` the
 * deletes whose put is in `sized`, and `held` those whose put was rejected.
 */
function splitLinks(
  sized: readonly SizedOp[],
  rejected: readonly { id: string; reason: string }[],
  collapsed: readonly { id: string; by: string }[],
  inputs: ReadonlyMap<string, PlanInput>,
) {
  const puts = new Set<string>();
  for (const s of sized) if (s.op.kind === 'put') puts.add(s.op.id);
  const rejectedWhy = new Map(rejected.map((r) => [r.id, r.reason]));
  const by = new Map(collapsed.map((c) => [c.id, c.by]));
  const free: SizedOp[] = [];
  const linked = new Map<string, SizedOp[]>();
  const held: { id: string; reason: string }[] = [];
  for (const s of sized) {
    const op = s.op;
    // A put replaced by a later put of the same key: the delete waits for that one.
    const after =
      op.kind === 'delete' && op.after !== undefined ? (by.get(op.after) ?? op.after) : undefined;
    const put = after === undefined ? null : linkOf({ ...op, after } as PlanInput, puts);
    if (put !== null) {
      const list = linked.get(put);
      if (list) list.push(s);
      else linked.set(put, [s]);
      continue;
    }
    const why = after === undefined ? undefined : rejectedWhy.get(after);
    const putOp = after === undefined ? undefined : inputs.get(after);
    if (why !== undefined && putOp)
      held.push({ id: op.id, reason: heldReason(putOp, op.table, why) });
    else free.push(s);
  }
  return { free, linked, held };
}

/** Operations are planned with the same rules as `plan`; a Plan is taken as it is. */
export function prepare(
  input: Plan | readonly PlanInput[],
  keySchemas: KeySchemasByTable,
  limits: PackLimits,
): Start {
  if (Array.isArray(input)) {
    const ops = input as readonly PlanInput[];
    const { sized, collapsed, rejected } = collapseOps(ops, keySchemas, limits);
    const inputs = new Map(ops.map((o) => [o.id, o]));
    const { free, linked, held } = splitLinks(sized, rejected, collapsed, inputs);
    const singles = free.filter((s) => s.op.guard !== undefined);
    const batched = singles.length === 0 ? free : free.filter((s) => s.op.guard === undefined);
    const fresh = packSized(batched, limits).map((p) => p.sized);
    return { fresh, singles, linked, order: ops.map((o) => o.id), rejected, held, collapsed };
  }
  const p = input as Plan;
  const rejected = [...p.rejected];
  const all: SizedOp[] = [];
  const cut: number[] = [];
  for (const r of p.requests) {
    for (const op of r.ops) {
      const schema = keySchemas[op.table];
      if (schema) all.push(sizeOp(op, schema));
      else rejected.push({ id: op.id, reason: `no key schema for table "${op.table}"` });
    }
    cut.push(all.length);
  }
  const inputs = new Map(p.requests.flatMap((r) => r.ops.map((o) => [o.id, o] as const)));
  const { free, linked, held } = splitLinks(all, rejected, p.collapsed, inputs);
  // The plan's requests as planned, less the linked deletes (sent once their puts are written).
  const keep = new Set(free.filter((s) => s.op.guard === undefined));
  const singles = free.filter((s) => s.op.guard !== undefined);
  const fresh: SizedOp[][] = [];
  let from = 0;
  for (const to of cut) {
    const request = all.slice(from, to).filter((s) => keep.has(s));
    if (request.length > 0) fresh.push(request);
    from = to;
  }
  const order = [
    ...p.requests.flatMap((r) => r.ops.map((o) => o.id)),
    ...p.rejected.map((r) => r.id),
    ...p.collapsed.map((c) => c.id),
  ];
  return { fresh, singles, linked, order, rejected, held, collapsed: p.collapsed };
}

/**
 * planAtomic with memory of its last answer per list of operations: the review renders the
 * transactions (AtomicGroups) and the estimate (estimateStaged) on every change of the page, and
 * each planAtomic of a 10,000-change bulk edit serialises every action to count its bytes. The
 * same ops array (a plan is rebuilt only when the staged changes change), schemas, scope and
 * checks give the same answer.
 */
import { planAtomic, type AtomicPlanResult, type AtomicScope } from '../../../../shared/plan/atomicPlan';

type Args = Parameters<typeof planAtomic>;
type KeySchemas = Args[1];

interface Entry {
  schemas: KeySchemas;
  scope: AtomicScope | undefined;
  checks: Args[3];
  result: AtomicPlanResult;
}

const last = new WeakMap<Args[0], Entry>();

export function planAtomicMemo(ops: Args[0], schemas: KeySchemas, scope?: AtomicScope, checks?: Args[3]): AtomicPlanResult {
  const hit = last.get(ops);
  if (hit && hit.schemas === schemas && hit.scope === scope && hit.checks === checks) return hit.result;
  const result = planAtomic(ops, schemas, scope, checks);
  last.set(ops, { schemas, scope, checks, result });
  return result;
}

/**
 * planAtomic with memory of its last answer per list of operations: the review renders the
 * transactions (AtomicGroups) on every change of the page, and each planAtomic of a 10,000-change
 * bulk edit measures every action's bytes. The same ops array (a plan is rebuilt only when the
 * staged changes change), schemas, scope and checks give the same answer. (The estimate only
 * counts transactions: atomicTransactionCount, from the planner's measurements.)
 */
import { planAtomic, type AtomicPlanResult, type AtomicScope } from '../../../../shared/plan/atomicPlan';

type Args = Parameters<typeof planAtomic>;
type KeySchemas = Args[1];

interface Entry {
  schemas: KeySchemas;
  scope: AtomicScope;
  checks: Args[3];
  result: AtomicPlanResult;
}

/** The answers per ops array, one per scope and checks asked (the summary and the table rows ask differently). */
const answers = new WeakMap<Args[0], Entry[]>();

const sameChecks = (a: Args[3], b: Args[3]) => a === b || ((a?.length ?? 0) === 0 && (b?.length ?? 0) === 0);

export function planAtomicMemo(ops: Args[0], schemas: KeySchemas, scope: AtomicScope = 'group', checks?: Args[3]): AtomicPlanResult {
  let list = answers.get(ops);
  const hit = list?.find((e) => e.schemas === schemas && e.scope === scope && sameChecks(e.checks, checks));
  if (hit) return hit.result;
  const result = planAtomic(ops, schemas, scope, checks);
  if (!list) answers.set(ops, (list = []));
  if (list.length >= 4) list.shift();
  list.push({ schemas, scope, checks, result });
  return result;
}

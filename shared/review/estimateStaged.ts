/** The review's cost estimate: shared/plan's estimate per connection, in its region, summed. */
import type { ConnectionInfo } from '../contract/connections';
import type { ConditionCheck } from '../contract/commit';
import { atomicTransactionCount, putActionBound, type AtomicScope } from '../plan/atomicPlan';
import { DEFAULT_ASSUMPTIONS, estimate } from '../plan/estimate';
import type { WriteMode } from '../plan/types';
import { inputMeasure } from '../changes/toPlan';
import type { StagedPlan } from './planStaged';

export interface StagedEstimate {
  calls: number;
  writeCalls: number;
  readCalls: number;
  wcu: number;
  rcu: number;
  seconds: number;
  dollars: number;
  /** Regions priced, and those not in the price table (priced as us-east-1). */
  regions: string[];
  assumedRegions: string[];
}

/** The commit options the estimate follows (Commit options in the commit panel). */
export interface EstimateChoices {
  concurrency?: number;
  driftCheck?: boolean;
  atomicScope?: AtomicScope;
  conditionChecks?: ConditionCheck[];
  /** Version attribute by table (Commit options); empty names are none. */
  versionAttributes?: Readonly<Record<string, string>>;
}

const namedVersions = (v: Readonly<Record<string, string>>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(v)
      .map(([t, n]) => [t, n.trim()] as const)
      .filter(([, n]) => n !== ''),
  );

/** The estimate of committing every staged change in `mode`; unknown connections count as us-east-1. */
export function estimateStaged(
  plan: StagedPlan,
  mode: WriteMode,
  connections: readonly ConnectionInfo[],
  choices: EstimateChoices = {},
): StagedEstimate {
  const assumptions = { ...DEFAULT_ASSUMPTIONS, ...(choices.concurrency ? { concurrency: choices.concurrency } : {}) };
  const out: StagedEstimate = {
    calls: 0,
    writeCalls: 0,
    readCalls: 0,
    wcu: 0,
    rcu: 0,
    seconds: 0,
    dollars: 0,
    regions: [],
    assumedRegions: [],
  };
  const isNew = (id: string) => plan.newIds.has(id);
  for (const c of plan.connections) {
    const region = connections.find((x) => x.id === c.connectionId)?.region ?? 'us-east-1';
    // The planner measured every image in the plan's session: its sizes, not a walk per estimate.
    const measureOf = (i: number) => inputMeasure(plan.session, c.connectionId, c.ops[i]!, i);
    const sizeOf = (_op: (typeof c.ops)[number], i: number) => measureOf(i)?.size;
    // Atomic: the planner's own count of transactions (moves, clashes and checks change it), its
    // byte limit checked against the measured images' bytes (exactly only when it may matter).
    const putBound = (i: number, action: Parameters<typeof putActionBound>[0]) => {
      const op = c.ops[i];
      const m = op?.kind === 'put' ? measureOf(i) : undefined;
      return op?.kind === 'put' && m ? putActionBound(action, op.item, m.jsonBytes) : undefined;
    };
    const transactions =
      mode === 'atomic' ? atomicTransactionCount(c.ops, c.schemas, choices.atomicScope, choices.conditionChecks, putBound) : undefined;
    const e = estimate(c.ops, c.plan, mode, isNew, region, assumptions, {
      sizeOf,
      ...(choices.driftCheck === false ? { driftCheck: false } : {}),
      ...(transactions ? { transactions } : {}),
      ...(choices.versionAttributes ? { versions: namedVersions(choices.versionAttributes) } : {}),
    });
    out.calls += e.calls;
    out.writeCalls += e.writeCalls;
    out.readCalls += e.readCalls;
    out.wcu += e.wcu;
    out.rcu += e.rcu;
    // Connections commit one after another (each its own commit:start).
    out.seconds += e.seconds;
    out.dollars += e.dollars;
    if (!out.regions.includes(region)) out.regions.push(region);
    if (e.priceAssumed && !out.assumedRegions.includes(region)) out.assumedRegions.push(region);
  }
  return out;
}

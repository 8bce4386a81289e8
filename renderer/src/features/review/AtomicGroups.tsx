import { opWriteUnits } from '../../../../shared/plan/builder';
import { planAtomicMemo as planAtomic } from './atomicPlanMemo';
import { selectOptions, useCommitStore } from '../../stores/commitStore';
import type { StagedPlan } from '../../../../shared/review/planStaged';

const fmt = (n: number) => n.toLocaleString('en-US');
const SHOWN = 12;

/** "Archive: 50 puts · Tickets: 50 deletes" for one transaction's operations. */
function contents(ops: readonly { table: string; kind: 'put' | 'delete' }[]): string {
  const by = new Map<string, { put: number; delete: number }>();
  for (const op of ops) {
    const t = by.get(op.table) ?? { put: 0, delete: 0 };
    t[op.kind]++;
    by.set(op.table, t);
  }
  return [...by]
    .map(([table, n]) =>
      [n.put ? `${fmt(n.put)} ${n.put === 1 ? 'put' : 'puts'}` : '', n.delete ? `${fmt(n.delete)} ${n.delete === 1 ? 'delete' : 'deletes'}` : '']
        .filter(Boolean)
        .map((x) => `${table}: ${x}`)
        .join(' · '),
    )
    .join(' · ');
}

/**
 * Atomic mode in the review: the transactions the commit will send (planned by the same
 * shared/plan/atomicPlan the backend runs), what each holds, the condition checks in each, and
 * the cost (every write billed twice). A scope that cannot be sent says why before the commit.
 */
export function AtomicGroups({ plan }: { plan: StagedPlan }) {
  const o = useCommitStore(selectOptions);
  return (
    <section className="atomic-groups" aria-label="Transactions">
      {plan.connections.map((c) => {
        const p = planAtomic(c.ops, c.schemas, o.atomicScope, o.conditionChecks);
        const wcu = c.ops.reduce((n, op) => n + opWriteUnits(op), 0);
        if (p.refused)
          return (
            <p key={c.connectionId} role="alert" className="small error" data-testid="atomic-refused">
              {p.refused}
            </p>
          );
        return (
          <div key={c.connectionId}>
            <p className="small" data-testid="atomic-summary">
              {fmt(p.groups.length)} {p.groups.length === 1 ? 'transaction' : 'transactions'} (TransactWriteItems, ≤ 100 actions and
              4 MB each), {o.atomicScope === 'all' ? 'everything or nothing' : 'each all or nothing'}
              {p.checks.length > 0 && `, each with ${p.checks.length} condition ${p.checks.length === 1 ? 'check' : 'checks'}`}. Every
              write is billed twice: {fmt(wcu * 2)} WCU for {fmt(wcu)} written.
            </p>
            <ol className="atomic-group-list small" aria-label="Transactions in order">
              {p.groups.slice(0, SHOWN).map((g, i) => (
                <li key={g.ops[0]?.id ?? i} data-testid="atomic-group">
                  {fmt(g.actions.length + p.checks.length)} actions — {contents(g.ops)}
                  {p.checks.length > 0 && ` · ${p.checks.length} ${p.checks.length === 1 ? 'check' : 'checks'}`} ·{' '}
                  {fmt(Math.ceil(g.bytes / 1024))} KB
                </li>
              ))}
            </ol>
            {p.groups.length > SHOWN && <p className="muted small">and {fmt(p.groups.length - SHOWN)} more</p>}
            {p.rejected.length > 0 && (
              <p role="alert" className="small error">
                {fmt(p.rejected.length)} changes cannot be one transaction: {p.rejected[0]!.reason}
              </p>
            )}
          </div>
        );
      })}
    </section>
  );
}

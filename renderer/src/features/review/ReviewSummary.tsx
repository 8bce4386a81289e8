import type { StagedPlan } from './planInputs';

const fmt = (n: number) => n.toLocaleString('en-US');

function bytes(n: number): string {
  if (n < 1024) return `${fmt(n)} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(2)} MB`;
}

/**
 * The plan of every staged change, from shared/plan (the same planner the commit runs): puts,
 * deletes, BatchWriteItem requests, estimated WCU and request bytes.
 */
export function ReviewSummary({ plan }: { plan: StagedPlan }) {
  const s = plan.summary;
  const many = plan.connections.length > 1;
  return (
    <section className="review-summary" aria-label="Plan summary">
      <dl>
        <div>
          <dt>Puts</dt>
          <dd data-testid="plan-puts">{fmt(s.puts)}</dd>
          <dd className="muted small">
            {fmt(plan.newItems)} new · {fmt(plan.updates)} updated
          </dd>
        </div>
        <div>
          <dt>Deletes</dt>
          <dd data-testid="plan-deletes">{fmt(s.deletes)}</dd>
        </div>
        <div>
          <dt>Requests</dt>
          <dd data-testid="plan-requests">{fmt(s.requests)}</dd>
          <dd className="muted small">BatchWriteItem, ≤ 25 each</dd>
        </div>
        <div>
          <dt>Est. WCU</dt>
          <dd data-testid="plan-wcu">{fmt(s.wcu)}</dd>
        </div>
        <div>
          <dt>Bytes</dt>
          <dd data-testid="plan-bytes" title={`${fmt(s.bytes)} bytes of request JSON`}>
            {bytes(s.bytes)}
          </dd>
        </div>
      </dl>
      {many && (
        <p className="muted small">
          Across {plan.connections.length} connections; each commits on its own.
        </p>
      )}
      {s.collapsed > 0 && (
        <p className="muted small">
          {fmt(s.collapsed)} writes replaced by a later one on the same key.
        </p>
      )}
    </section>
  );
}

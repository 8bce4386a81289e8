import { useMemo } from 'react';
import {
  DEFAULT_ASSUMPTIONS,
  DEFAULT_PRICE_REGION,
  formatDollars,
} from '../../../../shared/plan/estimate';
import { selectMode, selectOptions, useCommitStore } from '../../stores/commitStore';
import { selectConnections, useConnectionStore } from '../../stores/connectionStore';
import { AtomicGroups } from './AtomicGroups';
import { estimateStaged } from '../../../../shared/review/estimateStaged';
import type { StagedPlan } from '../../../../shared/review/planStaged';
import { ReviewTableSummary } from './ReviewTableSummary';
import type { ReviewData } from './useReviewData';

const fmt = (n: number) => n.toLocaleString('en-US');

function duration(seconds: number): string {
  if (seconds < 1) return `${Math.round(seconds * 1000)} ms`;
  if (seconds < 120) return `${seconds.toFixed(1)} s`;
  return `${(seconds / 60).toFixed(1)} min`;
}

const MODE_TEXT = {
  guarded: 'Guarded: UpdateItem/DeleteItem with conditions; new items checked, then batched',
  batch: 'Batch: BatchWriteItem after a drift check, last writer wins',
  atomic: 'Atomic: TransactWriteItems with guarded conditions; every write billed twice',
} as const;

function bytes(n: number): string {
  if (n < 1024) return `${fmt(n)} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(2)} MB`;
}

/**
 * The plan of every staged change, from shared/plan (the same planner the commit runs): puts,
 * deletes, BatchWriteItem requests, estimated WCU and request bytes.
 */
export function ReviewSummary({ plan, data }: { plan: StagedPlan; data?: ReviewData }) {
  const s = plan.summary;
  const many = plan.connections.length > 1;
  const mode = useCommitStore(selectMode);
  const connections = useConnectionStore(selectConnections);
  const options = useCommitStore(selectOptions);
  // Once per plan and choice, not per render: in atomic mode it counts every transaction.
  const e = useMemo(() => estimateStaged(plan, mode, connections, options), [plan, mode, connections, options]);
  const a = { ...DEFAULT_ASSUMPTIONS, concurrency: mode === 'atomic' ? 1 : options.concurrency };
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
      <p className="small" data-testid="plan-mode">
        Write mode: {MODE_TEXT[mode]}
      </p>
      <dl aria-label="Estimate for the chosen write mode">
        <div>
          <dt>Calls</dt>
          <dd data-testid="plan-calls">{fmt(e.calls)}</dd>
          <dd className="muted small">
            {fmt(e.writeCalls)} write · {fmt(e.readCalls)} read
          </dd>
        </div>
        <div>
          <dt>WCU</dt>
          <dd data-testid="plan-est-wcu">{fmt(e.wcu)}</dd>
          <dd className="muted small">+ {fmt(e.rcu)} RCU</dd>
        </div>
        <div>
          <dt>Est. time</dt>
          <dd data-testid="plan-est-time">{duration(e.seconds)}</dd>
        </div>
        <div>
          <dt>Est. cost</dt>
          <dd data-testid="plan-est-cost">{formatDollars(e.dollars)}</dd>
          <dd className="muted small">on-demand, {e.regions.join(', ') || DEFAULT_PRICE_REGION}</dd>
        </div>
      </dl>
      <p className="muted small" data-testid="plan-est-assumptions">
        Assumes {a.concurrency} calls in flight at {a.latencyMs} ms each; on-demand prices of Nov
        2024 (us-east-1: $0.625 per million write units, $0.125 per million read units).
        {e.assumedRegions.length > 0 &&
          ` No price listed for ${e.assumedRegions.join(', ')}: priced as ${DEFAULT_PRICE_REGION}.`}
      </p>
      {mode === 'atomic' && <AtomicGroups plan={plan} />}
      {data && <ReviewTableSummary data={data} />}
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

import { useMemo } from 'react';
import { tableCounts } from '../../../../shared/changes/tableCounts';
import { selectMode, selectVersionAttributes, useCommitStore } from '../../stores/commitStore';
import { selectConnections, useConnectionStore } from '../../stores/connectionStore';
import { SUMMARY_MODES, tableSummary } from '../../../../shared/review/tableEstimates';
import type { ModeFigures, TableSummaryRow } from '../../../../shared/review/tableEstimates';
import type { TableCounts } from '../../../../shared/changes/tableCounts';
import type { ReviewData } from './useReviewData';
import { useAfterPaint } from './useAfterPaint';

const fmt = (n: number) => n.toLocaleString('en-US');

function Figures({ f }: { f: ModeFigures | undefined | null }) {
  if (f === null) return <td className="num muted" data-testid="figures-pending">…</td>;
  if (!f) return <td>–</td>;
  return (
    <td className="num">
      {fmt(f.calls)} · {fmt(f.wcu)}
    </td>
  );
}

function moved(out: number, into: number): string {
  const parts = [];
  if (out > 0) parts.push(`${fmt(out)} out`);
  if (into > 0) parts.push(`${fmt(into)} in`);
  return parts.join(' · ') || '0';
}

/**
 * Per table: how many items are new, changed, deleted and moved, and the calls and WCU each write
 * mode would take (the chosen one marked), with the whole plan's totals. The counts show with the
 * review; the figures (three estimates, atomic counting every transaction) just after it paints.
 */
export function ReviewTableSummary({ data }: { data: ReviewData }) {
  const mode = useCommitStore(selectMode);
  const versions = useCommitStore(selectVersionAttributes);
  const connections = useConnectionStore(selectConnections);
  const { changes, moves, keySchemas, plan } = data;
  const counts = useMemo(() => tableCounts(changes, moves), [changes, moves]);
  const figures = useAfterPaint(
    () => tableSummary(changes, moves, keySchemas, plan, connections, versions),
    [changes, moves, keySchemas, plan, connections, versions],
  );
  const rows: (TableCounts & { modes?: TableSummaryRow['modes'] })[] = figures?.rows ?? counts;
  const total = figures?.total ?? null;
  if (rows.length === 0) return null;
  const showConnection = new Set(rows.map((r) => r.connectionId)).size > 1;
  return (
    <div
      className="table-summary"
      tabIndex={0}
      role="group"
      aria-label="Summary by table and write mode"
      aria-busy={figures === null}
    >
      <table aria-label="Staged changes by table, and the calls and WCU of each write mode">
        <thead>
          <tr>
            <th scope="col">Table</th>
            <th scope="col">New</th>
            <th scope="col">Changed</th>
            <th scope="col">Deleted</th>
            <th scope="col">Moved</th>
            {SUMMARY_MODES.map((m) => (
              <th scope="col" key={m.mode} className={m.mode === mode ? 'chosen' : undefined}>
                {m.name}
                {m.mode === mode && ' (chosen)'}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.ref} data-table={r.table}>
              <th scope="row">
                {showConnection && <span className="muted">{r.connectionId} · </span>}
                {r.table}
              </th>
              <td className="num">{fmt(r.created)}</td>
              <td className="num">{fmt(r.changed)}</td>
              <td className="num">{fmt(r.deleted)}</td>
              <td className="num">{moved(r.movedOut, r.movedIn)}</td>
              {SUMMARY_MODES.map((m) => (
                <Figures key={m.mode} f={r.modes ? r.modes[m.mode] : null} />
              ))}
            </tr>
          ))}
        </tbody>
        {rows.length > 1 && (
          <tfoot>
            <tr data-table="">
              <th scope="row">All (one plan)</th>
              <td colSpan={4} />
              {SUMMARY_MODES.map((m) => (
                <Figures key={m.mode} f={total ? total[m.mode] : null} />
              ))}
            </tr>
          </tfoot>
        )}
      </table>
      <p className="muted small">
        Under each write mode: calls · WCU of committing that table&apos;s changes alone. Atomic counts
        TransactWriteItems calls, each write billed twice, and needs an endpoint with transactions
        (the sandbox has none).
      </p>
    </div>
  );
}

/** The end-of-run summary: human lines, and the JSON line for --json. */
import type { CommitReport } from '../server/commitEngine/types';

export interface Summary {
  written: number;
  failed: number;
  /** Moves' deletes not sent because their copy was not written: the item stays where it was. */
  held: number;
  canceled: number;
  /** Not sent: a call-wide error (access denied, failing credentials) paused the run. */
  paused: number;
  /** What to do about the pause, when there was one. */
  pauseReason?: string;
  /** Guarded writes refused by their condition: the item changed on the server. */
  conflicts: number;
  /** Their ids (the change lines), not written. */
  conflicted: string[];
  superseded: number;
  requests: number;
  rounds: number;
  retried: number;
  resent: number;
  consumedCapacity: number;
  seconds: number;
  failures: { id: string; reason: string }[];
  holds: { id: string; reason: string }[];
  /** Why the run stopped early (the time budget), when it did. */
  stopped?: string;
  journal?: string;
}

export function summarize(
  report: CommitReport,
  extraFailures: { id: string; reason: string }[],
  journal?: string,
  extraHeld: { id: string; reason: string }[] = [],
): Summary {
  const c = report.counters;
  const s: Summary = {
    written: report.written.length,
    failed: report.failed.length + extraFailures.length,
    held: report.held.length + extraHeld.length,
    canceled: report.canceled.length,
    paused: report.paused.length,
    conflicts: report.conflicts.length,
    conflicted: report.conflicts.map((c) => c.id),
    superseded: report.superseded.length,
    requests: c.requests,
    rounds: c.rounds,
    retried: c.retriedOps,
    resent: report.resent.length,
    consumedCapacity: c.consumedCapacity,
    seconds: Math.round(c.seconds * 1000) / 1000,
    failures: [...extraFailures, ...report.failed],
    holds: [...extraHeld, ...report.held],
  };
  if (report.paused[0]) s.pauseReason = report.paused[0].reason;
  if (journal) s.journal = journal;
  return s;
}

const MAX_LISTED = 50;

export function summaryText(s: Summary): string {
  const lines = [
    `written ${s.written}, failed ${s.failed}` +
      (s.held ? `, held ${s.held}` : '') +
      (s.canceled ? `, canceled ${s.canceled}` : '') +
      (s.paused ? `, paused ${s.paused}` : '') +
      (s.conflicts ? `, conflicts ${s.conflicts}` : '') +
      (s.superseded ? `, superseded by a later change ${s.superseded}` : ''),
    `${s.requests} requests, ${s.rounds} retry rounds, ${s.retried} operations retried` +
      (s.resent ? ` (${s.resent} resent after an unknown outcome)` : ''),
    `consumed ${s.consumedCapacity} WCU in ${s.seconds.toFixed(2)} s`,
  ];
  if (s.failures.length > 0) {
    lines.push('failed:');
    for (const f of s.failures.slice(0, MAX_LISTED)) lines.push(`  ${f.id}: ${f.reason}`);
    if (s.failures.length > MAX_LISTED)
      lines.push(`  … and ${s.failures.length - MAX_LISTED} more (--json lists all)`);
  }
  if (s.holds.length > 0) {
    lines.push('held (not deleted: the copy was not written; the item stays in its table):');
    for (const f of s.holds.slice(0, MAX_LISTED)) lines.push(`  ${f.id}: ${f.reason}`);
    if (s.holds.length > MAX_LISTED)
      lines.push(`  … and ${s.holds.length - MAX_LISTED} more (--json lists all)`);
  }
  if (s.conflicted.length > 0) {
    lines.push('conflicts (not written: the item changed on the server since it was loaded):');
    for (const id of s.conflicted.slice(0, MAX_LISTED)) lines.push(`  ${id}`);
    if (s.conflicted.length > MAX_LISTED)
      lines.push(`  … and ${s.conflicted.length - MAX_LISTED} more (--json lists all)`);
  }
  if (s.stopped) lines.push(`stopped: ${s.stopped}`);
  if (s.pauseReason) lines.push(s.pauseReason);
  if ((s.canceled > 0 || s.paused > 0) && s.journal)
    lines.push(`resume with: dynostage apply --resume ${s.journal}`);
  else if (s.paused > 0) lines.push('no --journal: run the same apply again once fixed');
  return lines.join('\n') + '\n';
}

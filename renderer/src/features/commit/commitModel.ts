/** Pure helpers of the commit UI: labels, report lists, conflict choices, grid refreshes. */
import type { Changes, StagedChange } from '../../../../shared/changes/types';
import type { CommitReportWire, Conflict } from '../../../../shared/contract/commit';
import type { Item } from '../../../../shared/dynamo/types';
import type { CommitRunView, ConflictChoice, OpenConflicts } from '../../stores/commitStore';
import { keyLabel } from '../../../../shared/review/reviewModel';
import { plural } from './format';

/** "SupportTickets · ticketId=T-1": a change as one short line. */
export function changeLabel(change: Pick<StagedChange, 'table' | 'key'>): string {
  return `${change.table} · ${keyLabel(change as StagedChange)}`;
}

/** Labels of the staged changes of one connection (only `ids` when given). */
export function labelsOf(
  changes: Changes,
  connectionId: string,
  ids?: readonly string[],
): Record<string, string> {
  const out: Record<string, string> = {};
  const wanted = ids ?? changes.keys();
  for (const id of wanted) {
    const c = changes.get(id);
    if (c && c.connectionId === connectionId) out[id] = changeLabel(c);
  }
  return out;
}

export interface OutcomeLists {
  failed: { id: string; reason: string }[];
  /** Deletes not sent because their copy (or new key) was not written: still staged. */
  held: { id: string; reason: string }[];
  /** Not sent: a call-wide error (access, credentials, missing table) paused the commit. */
  paused: { id: string; reason: string }[];
  canceled: string[];
  skipped: { id: string; reason: string }[];
  written: number;
}

/** The report's outcomes sorted into what the user reads: failed with reasons, canceled, skipped. */
export function outcomeLists(report: CommitReportWire): OutcomeLists {
  const lists: OutcomeLists = {
    failed: [],
    held: [],
    paused: [],
    canceled: [],
    skipped: [],
    written: 0,
  };
  for (const [id, o] of Object.entries(report.outcomes)) {
    if (o.status === 'failed') lists.failed.push({ id, reason: o.reason });
    else if (o.status === 'held') lists.held.push({ id, reason: o.reason });
    else if (o.status === 'paused') lists.paused.push({ id, reason: o.reason });
    else if (o.status === 'conflict') lists.skipped.push({ id, reason: o.reason });
    else if (o.status === 'canceled') lists.canceled.push(id);
    else if (o.status === 'skipped') lists.skipped.push({ id, reason: o.reason });
    else lists.written++; // written, or superseded by a later change that was
  }
  return lists;
}

/**
 * Ids of the changes whose operation failed, with the deletes held because of them: what "Retry
 * failed" sends again (a held delete goes with its copy, so the move is still one unit).
 */
export function failedIds(report: CommitReportWire): string[] {
  return Object.entries(report.outcomes)
    .filter(([, o]) => o.status === 'failed' || o.status === 'held')
    .map(([id]) => id);
}

/** The report's written items grouped by table, as grid refreshes (null: the item was deleted). */
export function refreshesByTable(
  report: Pick<CommitReportWire, 'refreshed'>,
): Map<string, { key: Item; item: Item | null }[]> {
  const out = new Map<string, { key: Item; item: Item | null }[]>();
  for (const r of report.refreshed) {
    const rows = out.get(r.table) ?? [];
    rows.push({ key: r.key, item: r.item });
    out.set(r.table, rows);
  }
  return out;
}

/** The resolutions commit:start takes: overwrite and skip choices (reloaded ones are un-staged). */
export function resolutionsOf(conflicts: OpenConflicts): Record<string, 'overwrite' | 'skip'> {
  const out: Record<string, 'overwrite' | 'skip'> = {};
  for (const c of conflicts.list) {
    const choice = conflicts.choices[c.id];
    if (choice === 'overwrite' || choice === 'skip') out[c.id] = choice;
  }
  return out;
}

/** The conflicts whose choice is reload. */
export function reloadsOf(conflicts: OpenConflicts): Conflict[] {
  return conflicts.list.filter((c) => conflicts.choices[c.id] === 'reload');
}

/** True once every conflict has a choice. */
export function allChosen(conflicts: OpenConflicts): boolean {
  return conflicts.list.every((c) => conflicts.choices[c.id] !== undefined);
}

/** Every conflict given the same choice. */
export function chooseAll(
  conflicts: OpenConflicts,
  choice: ConflictChoice,
): Record<string, ConflictChoice> {
  return Object.fromEntries(conflicts.list.map((c) => [c.id, choice]));
}

/** What happened to a conflicting item on the server, in words. */
export function conflictCase(c: Pick<Conflict, 'expected' | 'server'>): string {
  if (c.server === null) return 'Deleted on the server since you loaded it.';
  if (c.expected === null) return 'Created on the server since you staged it as new.';
  return 'Changed on the server since you loaded it.';
}

/** What a commit that met conflicts while writing did with its other changes. */
export function afterWrite(
  report: CommitReportWire,
  alreadyWritten: number,
): { written: number; unwritten: number } {
  const l = outcomeLists(report);
  const unwritten = l.failed.length + l.held.length + l.paused.length + l.canceled.length;
  return { written: alreadyWritten + report.counters.written, unwritten };
}

/** The conflict list's heading: the conflicts, and what was (not) written besides them. */
export function conflictHeadline(c: Pick<OpenConflicts, 'list' | 'afterWrite'>): string {
  const head = `${plural(c.list.length, 'item')} changed on the server.`;
  const w = c.afterWrite;
  if (!w || w.written === 0) return `${head} Nothing was written.`;
  if (w.unwritten === 0) return `${head} These were not written; the rest of the commit was.`;
  const nor = `nor ${w.unwritten === 1 ? 'was' : 'were'} ${plural(w.unwritten, 'other change')}`;
  const did = `${plural(w.written, 'change')} ${w.written === 1 ? 'was' : 'were'} written`;
  return `${head} These were not written, ${nor} (see the report); ${did}.`;
}

/** Share of the operations done (written, failed or canceled), 0..1. */
export function progressShare(run: Pick<CommitRunView, 'progress'>): number {
  const p = run.progress;
  if (!p || p.total === 0) return 0;
  return Math.min(1, (p.done + p.failed + p.canceled) / p.total);
}

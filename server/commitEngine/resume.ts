/** Resuming a commit from its journal, with the checks a first run makes. */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Item } from '../../shared/dynamo/types';
import type { BatchGetItemsOptions } from '../sdk/batchGet';
import { checkResume, type CompareResult } from './drift';
import { executeCommit } from './executor';
import { loadJournal } from './journal';
import type { CommitCallbacks, CommitOptions, CommitReport } from './types';

export interface ResumeChecks {
  /**
   * The image each batch operation's edit was based on (null: a new item, expects none): those
   * operations are drift-checked again before anything is sent. Guarded operations carry their
   * condition in the journal and check themselves.
   */
  bases?: ReadonlyMap<string, Item | null>;
  read?: BatchGetItemsOptions;
}

export interface ResumeReport extends CommitReport {
  alreadyWritten: number;
  /** The re-check: mismatches and unread items were not sent (nor deletes linked to them). */
  drift: CompareResult;
  /** Linked deletes not sent because their put was set aside by the re-check. */
  heldByDrift: { id: string; reason: string }[];
}

/**
 * Re-sends every operation the journal does not show as written (puts and deletes are idempotent;
 * guarded ones keep their condition), appending to the same journal. With `checks.bases`, batch
 * operations whose item moved since the interruption are set aside first. All sent are reported
 * as resent.
 */
export async function resumeCommit(
  client: DynamoDBClient,
  journalPath: string,
  opts: Omit<CommitOptions, 'journal' | 'resending'> = {},
  callbacks: CommitCallbacks = {},
  checks: ResumeChecks = {},
): Promise<ResumeReport> {
  const loaded = await loadJournal(journalPath);
  const keySchemas = loaded.header.keySchemas;
  const drift = checks.bases
    ? await checkResume(client, loaded.pending, checks.bases, keySchemas, checks.read)
    : { mismatches: [], unchecked: [] };
  const aside = new Set([...drift.mismatches.map((m) => m.id), ...drift.unchecked]);
  // A move's delete whose copy is set aside waits with it: it is never sent alone.
  const heldByDrift: { id: string; reason: string }[] = [];
  for (const op of loaded.pending) {
    if (op.kind === 'delete' && op.after !== undefined && aside.has(op.after)) {
      heldByDrift.push({
        id: op.id,
        reason: `held: the copy to ${loaded.pending.find((p) => p.id === op.after)?.table ?? 'its table'} was not written: it changed on the server before Resume`,
      });
    }
  }
  for (const h of heldByDrift) aside.add(h.id);
  const send = loaded.pending.filter((op) => !aside.has(op.id));
  const report = await executeCommit(
    client,
    send,
    keySchemas,
    { ...opts, journal: { path: journalPath, resume: true }, resending: true },
    callbacks,
  );
  return { ...report, alreadyWritten: loaded.written.size, drift, heldByDrift };
}

/** Resuming a commit from its journal. */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { executeCommit } from './executor';
import { loadJournal } from './journal';
import type { CommitCallbacks, CommitOptions, CommitReport } from './types';

/**
 * Re-sends every operation the journal does not show as written (puts and deletes are idempotent),
 * appending to the same journal. All of them are reported as resent.
 */
export async function resumeCommit(
  client: DynamoDBClient,
  journalPath: string,
  opts: Omit<CommitOptions, 'journal' | 'resending'> = {},
  callbacks: CommitCallbacks = {},
): Promise<CommitReport & { alreadyWritten: number }> {
  const loaded = await loadJournal(journalPath);
  const report = await executeCommit(
    client,
    loaded.pending,
    loaded.header.keySchemas,
    { ...opts, journal: { path: journalPath, resume: true }, resending: true },
    callbacks,
  );
  return { ...report, alreadyWritten: loaded.written.size };
}

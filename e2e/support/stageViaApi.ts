import type { APIRequestContext } from '@playwright/test';
import { changeId } from '../../shared/changes/types';
import type { StagedChange } from '../../shared/changes/types';
import type { RunningHost } from '../../test-support/servers/webHost';

const ticketKey = { partitionKey: { name: 'ticketId', type: 'S' as const } };

/** The change id of a ticket in SupportTickets or TicketArchive (both keyed by ticketId). */
export function ticketChangeId(table: string, ticketId: string): string {
  return changeId('sandbox', table, { ticketId: { S: ticketId } }, ticketKey);
}

/** Stages changes through the backend (as a reload finds them), by change id. */
export async function stageViaApi(
  request: APIRequestContext,
  host: RunningHost,
  changes: [string, StagedChange][],
): Promise<void> {
  const entries = changes.map(([id, change]) => ({
    id,
    connectionId: change.connectionId,
    table: change.table,
    change,
  }));
  const res = await request.post(`${host.origin}/api/staging:apply`, {
    data: { entries },
    headers: { Authorization: `Bearer ${host.token}` },
  });
  if (!res.ok()) throw new Error(`staging:apply: ${res.status()} ${await res.text()}`);
}

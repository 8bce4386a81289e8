/**
 * Whether every connection with staged changes has transactions (Atomic mode), asked of each
 * endpoint once per mount through commit:capabilities; the first reason against is returned.
 */
import { useEffect, useMemo, useState } from 'react';
import { call } from '../../api/client';
import { selectChanges, useStagingStore } from '../../stores/stagingStore';

export type TransactionSupport = { state: 'checking' } | { state: 'yes' } | { state: 'no'; reason: string };

export function useTransactionSupport(): TransactionSupport {
  const changes = useStagingStore(selectChanges);
  const ids = useMemo(() => [...new Set([...changes.values()].map((c) => c.connectionId))].sort(), [changes]);
  const key = ids.join('\u0000');
  const [answers, setAnswers] = useState<Record<string, { transactions: boolean; reason?: string }>>({});
  useEffect(() => {
    let live = true;
    for (const id of ids) {
      if (answers[id]) continue;
      call('commit:capabilities', { connectionId: id })
        .then((a) => live && setAnswers((prev) => ({ ...prev, [id]: a })))
        .catch((err: unknown) =>
          live && setAnswers((prev) => ({ ...prev, [id]: { transactions: false, reason: `Could not check for transactions: ${err instanceof Error ? err.message : String(err)}` } })),
        );
    }
    return () => {
      live = false;
    };
  }, [key]); // asked again only when the connections change
  if (ids.length === 0) return { state: 'no', reason: 'Nothing staged yet' };
  for (const id of ids) {
    const a = answers[id];
    if (!a) return { state: 'checking' };
    if (!a.transactions) return { state: 'no', reason: a.reason ?? 'This endpoint does not support transactions' };
  }
  return { state: 'yes' };
}

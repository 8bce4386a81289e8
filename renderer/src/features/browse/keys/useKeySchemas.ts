import { useEffect, useState } from 'react';
import type { KeySchema } from '../../../../../shared/dynamo/types';
import { call } from '../../../api/client';
import { tableRef } from '../../../../../shared/changes/identity';
import { useTablesStore } from '../../../stores/tablesStore';

export type SchemaState = KeySchema | { error: string } | undefined;

/** The key schema of each named table: from the tables store when described, else described now. */
export function useKeySchemas(
  connectionId: string,
  tables: readonly string[],
): Record<string, SchemaState> {
  const described = useTablesStore((s) => s.descriptions);
  const [fetched, setFetched] = useState<Record<string, SchemaState>>({});
  const wanted = tables.filter((t) => !described[tableRef(connectionId, t)] && !(t in fetched));
  const wantedKey = wanted.join('\u0000');
  useEffect(() => {
    if (wantedKey === '') return;
    for (const table of wantedKey.split('\u0000')) {
      setFetched((f) => ({ ...f, [table]: undefined }));
      call('tables:describe', { connectionId, table }).then(
        (d) => setFetched((f) => ({ ...f, [table]: d.key })),
        (err: Error) => setFetched((f) => ({ ...f, [table]: { error: err.message } })),
      );
    }
  }, [connectionId, wantedKey]);
  const out: Record<string, SchemaState> = {};
  for (const t of tables) out[t] = described[tableRef(connectionId, t)]?.key ?? fetched[t];
  return out;
}

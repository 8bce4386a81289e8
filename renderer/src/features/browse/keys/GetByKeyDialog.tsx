import { useState } from 'react';
import type { BatchGetResult } from '../../../../../shared/contract/items';
import type { KeySchema } from '../../../../../shared/dynamo/types';
import { parseKeyList } from '../../../../../shared/query';
import { useTablesStore } from '../../../stores/tablesStore';
import { errorOf } from '../load/loader';
import { getByKeys } from '../load/getByKeys';
import { Dialog } from '../../../ui/Dialog';
import { GetResults } from './GetResults';
import { KeyBlock, type KeyBlockDraft } from './KeyBlock';
import { useKeySchemas } from './useKeySchemas';

export interface GetByKeyDialogProps {
  connectionId: string;
  table: string;
  onClose: () => void;
}

const NO_NAMES: string[] = [];
let nextBlock = 1;

/** Paste keys for one or several tables, read them with BatchGetItem, see which matched nothing. */
export function GetByKeyDialog({ connectionId, table, onClose }: GetByKeyDialogProps) {
  const names = useTablesStore((s) => s.names[connectionId] ?? NO_NAMES);
  const selectTable = useTablesStore((s) => s.select);
  const [blocks, setBlocks] = useState<KeyBlockDraft[]>([
    { id: nextBlock++, table, text: '', consistentRead: false },
  ]);
  const [results, setResults] = useState<BatchGetResult[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const schemas = useKeySchemas(
    connectionId,
    blocks.map((b) => b.table),
  );
  const keySchemas: Record<string, KeySchema> = {};
  for (const [t, s] of Object.entries(schemas)) if (s && 'partitionKey' in s) keySchemas[t] = s;
  const parsed = blocks.map((b) => {
    const s = keySchemas[b.table];
    return s ? parseKeyList(b.text, s) : null;
  });
  const keyCount = parsed.reduce((n, p) => n + (p?.keys.length ?? 0), 0);
  const ready = keyCount > 0 && parsed.every((p) => p !== null);
  const unused = names.filter((n) => !blocks.some((b) => b.table === n));

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const requests = blocks.flatMap((b, i) => {
        const keys = parsed[i]?.keys ?? [];
        const keySchema = keySchemas[b.table];
        return keys.length > 0 && keySchema
          ? [{ table: b.table, keySchema, keys, consistentRead: b.consistentRead }]
          : [];
      });
      setResults(await getByKeys(connectionId, requests));
    } catch (err) {
      const e = errorOf(err);
      setError(`${e.code}: ${e.message}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      title="Get items by key"
      onClose={onClose}
      size="large"
      footer={
        <>
          <button type="button" onClick={onClose}>
            Close
          </button>
          <button
            type="button"
            className="primary"
            disabled={!ready || busy}
            onClick={() => void submit()}
          >
            {busy ? 'Reading…' : `Get ${keyCount} ${keyCount === 1 ? 'item' : 'items'}`}
          </button>
        </>
      }
    >
      <div className="key-blocks">
        {blocks.map((b, i) => (
          <KeyBlock
            key={b.id}
            block={b}
            tables={[b.table, ...unused]}
            schema={schemas[b.table]}
            parsed={parsed[i] ?? null}
            onChange={(next) => setBlocks(blocks.map((x) => (x.id === b.id ? next : x)))}
            onRemove={
              blocks.length > 1 ? () => setBlocks(blocks.filter((x) => x.id !== b.id)) : undefined
            }
          />
        ))}
      </div>
      {unused.length > 0 && (
        <button
          type="button"
          onClick={() =>
            setBlocks([
              ...blocks,
              { id: nextBlock++, table: unused[0] as string, text: '', consistentRead: false },
            ])
          }
        >
          + Another table
        </button>
      )}
      {error && (
        <p role="alert" className="b-error">
          {error}
        </p>
      )}
      {results && (
        <GetResults
          results={results}
          schemas={keySchemas}
          onShow={(t) => {
            void selectTable(connectionId, t);
            onClose();
          }}
        />
      )}
    </Dialog>
  );
}

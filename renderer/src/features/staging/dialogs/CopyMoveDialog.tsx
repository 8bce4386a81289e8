import { useEffect, useMemo, useState } from 'react';
import type { ItemTarget } from '../../../../../shared/changes/types';
import type { KeySchema } from '../../../../../shared/dynamo/types';
import { call } from '../../../api/client';
import { selectConnections, useConnectionStore } from '../../../stores/connectionStore';
import { stageThenClose } from './stageThenClose';
import { selectChanges, stagingActions, useStagingStore } from '../../../stores/stagingStore';
import { buildCopyMove, defaultKeyMapping, keysFit } from '../../../../../shared/staging/copyMove';
import type { KeyMapping, TableSide } from '../../../../../shared/staging/copyMove';
import { currentImage } from '../../../../../shared/staging/currentImage';
import { Dialog } from '../../../ui/Dialog';
import { KeyMappingFields } from './KeyMappingFields';
import { ScopeSummary, type LeftOutItems } from './ScopeSummary';

export interface CopyMoveDialogProps {
  source: TableSide;
  /** The selected items. */
  targets: readonly ItemTarget[];
  initialMode?: 'copy' | 'move';
  /** Selected rows left out, by reason. */
  leftOut?: readonly LeftOutItems[];
  onClose(): void;
}

const fmt = (n: number) => n.toLocaleString('en-US');

/**
 * Copies or moves the selected items to another table (any connection): puts there, and for a
 * move, deletes here, staged together as one undo step and reviewed together. When the key
 * schemas differ, the user maps source attributes onto the target's key.
 */
export function CopyMoveDialog({
  source,
  targets,
  initialMode = 'copy',
  leftOut = [],
  onClose,
}: CopyMoveDialogProps) {
  const connections = useConnectionStore(selectConnections);
  const changes = useStagingStore(selectChanges);
  const [mode, setMode] = useState(initialMode);
  const [connectionId, setConnectionId] = useState(source.connectionId);
  const [tables, setTables] = useState<string[]>([]);
  const [table, setTable] = useState('');
  const [schema, setSchema] = useState<KeySchema | null>(null);
  const [mapping, setMapping] = useState<KeyMapping>({});
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    call('tables:list', { connectionId })
      .then(
        (r) =>
          live &&
          setTables(
            r.tables.filter((t) => !(connectionId === source.connectionId && t === source.table)),
          ),
      )
      .catch((e: unknown) => live && setError((e as Error).message));
    return () => {
      live = false;
    };
  }, [connectionId, source]);

  const pickTable = async (name: string) => {
    setTable(name);
    setSchema(null);
    if (!name) return;
    const s = await stagingActions.ensureKeySchema(connectionId, name);
    if (!s) return setError(`Could not read the key schema of ${name}.`);
    setSchema(s);
    setMapping(defaultKeyMapping(source.keySchema, s));
  };

  const items = useMemo(
    () => targets.map((t) => ({ target: t, current: currentImage(changes, t, source.keySchema) })),
    [targets, changes, source.keySchema],
  );
  const names = useMemo(
    () => [...new Set(items.flatMap((i) => Object.keys(i.current ?? {})))],
    [items],
  );
  const to = useMemo(
    () => (schema && table ? { connectionId, table, keySchema: schema } : null),
    [schema, table, connectionId],
  );
  const result = useMemo(
    () => (to ? buildCopyMove({ items, from: source, to, mapping, move: mode === 'move' }) : null),
    [items, source, to, mapping, mode],
  );

  const stage = () => {
    if (!result?.edit || !to) return;
    void stageThenClose(result.edit, [source, to], onClose).then((r) => {
      if (!r.ok) setError(r.error);
    });
  };
  return (
    <Dialog
      title={`${mode === 'move' ? 'Move' : 'Copy'} ${fmt(targets.length)} ${targets.length === 1 ? 'item' : 'items'} from ${source.table}`}
      onClose={onClose}
      footer={
        <>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="primary" disabled={!result?.edit} onClick={stage}>
            Stage {mode}
          </button>
        </>
      }
    >
      <div className="stack">
        <ScopeSummary
          kind={mode}
          verb={`to ${mode}`}
          items={targets.map((t) => t.key)}
          leftOut={leftOut}
          keySchema={source.keySchema}
        />
        <div className="segmented" role="radiogroup" aria-label="Copy or move">
          {(['copy', 'move'] as const).map((m) => (
            <button
              key={m}
              type="button"
              role="radio"
              aria-checked={mode === m}
              tabIndex={mode === m ? 0 : -1}
              onClick={() => setMode(m)}
            >
              {m === 'copy' ? 'Copy' : 'Move (copy, then delete here)'}
            </button>
          ))}
        </div>
        <div className="row">
          <label className="field">
            <span className="label">Connection</span>
            <select
              aria-label="Target connection"
              value={connectionId}
              onChange={(e) => {
                setConnectionId(e.target.value);
                void pickTable('');
              }}
            >
              {connections.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
          <label className="field grow">
            <span className="label">Target table</span>
            <select
              aria-label="Target table"
              value={table}
              onChange={(e) => void pickTable(e.target.value)}
            >
              <option value="">Choose a table…</option>
              {tables.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </select>
          </label>
        </div>
        {schema && !keysFit(source.keySchema, schema) && (
          <KeyMappingFields target={schema} mapping={mapping} names={names} onChange={setMapping} />
        )}
        {result && (
          <div role="status">
            <p>
              {mode === 'move' ? 'Moves' : 'Copies'} <strong>{fmt(result.copied)}</strong>{' '}
              {result.copied === 1 ? 'item' : 'items'} into {table}
              {mode === 'move' ? ` and deletes them from ${source.table}` : ''}.
            </p>
            {result.errors.length > 0 && (
              <ul className="issues">
                {result.errors.slice(0, 10).map((e) => (
                  <li key={e.index}>
                    Item {e.index + 1} {e.message}; left out.
                  </li>
                ))}
                {result.errors.length > 10 && <li>…and {fmt(result.errors.length - 10)} more</li>}
              </ul>
            )}
          </div>
        )}
        {error && <p className="field-error">{error}</p>}
      </div>
    </Dialog>
  );
}

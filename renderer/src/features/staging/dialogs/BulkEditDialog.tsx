import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import type { ItemTarget } from '../../../../../shared/changes/types';
import type { AttrType, Item, KeySchema } from '../../../../../shared/dynamo/types';
import { stageThenClose } from './stageThenClose';
import { selectChanges, useStagingStore } from '../../../stores/stagingStore';
import { buildBulkEdit, collectPages } from '../../../../../shared/staging/bulkEdit';
import type { BulkOp, BulkTarget } from '../../../../../shared/staging/bulkEdit';
import { BulkOpFields } from './BulkOpFields';
import type { BulkForm } from './BulkOpFields';
import { currentImage, loadedTarget } from '../../../../../shared/staging/currentImage';
import { Dialog } from '../../../ui/Dialog';
import { ScopeSummary, type LeftOutItems } from './ScopeSummary';
import { textToValue } from '../../../../../shared/values/textToValue';

/** What a bulk edit runs on: the selected rows, or every item the current query matches. */
export type BulkSource =
  | { kind: 'selection'; targets: readonly ItemTarget[] }
  | { kind: 'query'; description: string; pages: () => AsyncIterable<readonly Item[]> };

export interface BulkEditDialogProps {
  connectionId: string;
  table: string;
  keySchema: KeySchema;
  source: BulkSource;
  /** Selected rows left out, by reason. */
  leftOut?: readonly LeftOutItems[];
  onClose(): void;
}

const fmt = (n: number) => n.toLocaleString('en-US');

function toOp(f: BulkForm): { op: BulkOp } | { error: string } {
  switch (f.kind) {
    case 'set': {
      const v = textToValue(f.valueText, f.valueType as AttrType, { separator: ',' });
      return v.ok
        ? { op: { kind: 'set', name: f.name.trim(), value: v.value } }
        : { error: v.error };
    }
    case 'remove':
      return { op: { kind: 'remove', name: f.name.trim() } };
    case 'rename':
      return {
        op: { kind: 'rename', from: f.name.trim(), to: f.to.trim(), overwrite: f.overwrite },
      };
    case 'replace':
      return {
        op: {
          kind: 'replace',
          name: f.name.trim(),
          find: f.find,
          replace: f.replace,
          matchCase: f.matchCase,
        },
      };
  }
}

/**
 * Set, remove, rename an attribute, or find and replace in a string attribute, on many items at
 * once: one undo step. For a query, every page is read first and the count shown before anything
 * is staged.
 */
export function BulkEditDialog({
  connectionId,
  table,
  keySchema,
  source,
  leftOut = [],
  onClose,
}: BulkEditDialogProps) {
  const [loaded, setLoaded] = useState<readonly ItemTarget[] | null>(
    source.kind === 'selection' ? source.targets : null,
  );
  const [counted, setCounted] = useState(0);
  const [readError, setReadError] = useState<string | null>(null);
  const [form, setForm] = useState<BulkForm>({
    kind: 'set',
    name: '',
    valueType: 'S',
    valueText: '',
    to: '',
    overwrite: false,
    find: '',
    replace: '',
    matchCase: false,
  });
  const changes = useStagingStore(selectChanges);

  useEffect(() => {
    if (source.kind !== 'query') return;
    const abort = new AbortController();
    collectPages(source.pages(), setCounted, abort.signal)
      .then((items) => {
        if (!abort.signal.aborted)
          setLoaded(items.map((item) => loadedTarget(connectionId, table, item)));
      })
      .catch((err: unknown) => setReadError((err as Error).message));
    return () => abort.abort();
  }, [source, connectionId, table]);

  const targets: BulkTarget[] = useMemo(
    () =>
      (loaded ?? []).map((target) => ({
        target,
        current: currentImage(changes, target, keySchema),
      })),
    [loaded, changes, keySchema],
  );
  const names = useMemo(() => {
    const seen = new Set<string>();
    for (const t of targets.slice(0, 500))
      for (const n of Object.keys(t.current ?? {})) seen.add(n);
    return [...seen];
  }, [targets]);
  // Typing stays responsive over 100,000 items: the preview follows a deferred copy of the form.
  const deferred = useDeferredValue(form);
  const parsed = useMemo(() => toOp(deferred), [deferred]);
  const result = useMemo(
    () => ('op' in parsed ? buildBulkEdit(parsed.op, targets, keySchema) : null),
    [parsed, targets, keySchema],
  );

  const stage = () => {
    if (!result?.edit) return;
    void stageThenClose(result.edit, [{ connectionId, table, keySchema }], onClose);
  };
  const count = loaded?.length ?? counted;
  return (
    <Dialog
      title={`Bulk edit ${loaded ? fmt(count) : ''} ${count === 1 ? 'item' : 'items'} in ${table}`}
      onClose={onClose}
      footer={
        <>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="primary" disabled={!result?.edit} onClick={stage}>
            Stage {result ? fmt(result.changed) : 0} changes
          </button>
        </>
      }
    >
      {source.kind === 'selection' && (
        <ScopeSummary
          kind="bulkSelection"
          verb="to edit"
          items={source.targets.map((t) => t.key)}
          leftOut={leftOut}
          keySchema={keySchema}
        />
      )}
      {source.kind === 'query' && (
        <p className={loaded ? 'hint' : 'status'} role="status">
          {readError
            ? `Could not read the items: ${readError}`
            : loaded
              ? `${fmt(count)} items match ${source.description}.`
              : `Counting the items that match ${source.description}: ${fmt(counted)}…`}
        </p>
      )}
      {loaded && (
        <>
          <BulkOpFields form={form} onChange={setForm} names={names} />
          {'error' in parsed && form.valueText !== '' && (
            <p className="field-error">{parsed.error}</p>
          )}
          {result && (
            <div className="bulk-preview" role="status">
              <p>
                Changes <strong>{fmt(result.changed)}</strong> of {fmt(count)} items, as one undo
                step.
              </p>
              {result.skipped.length > 0 && (
                <ul className="muted small">
                  {result.skipped.map((s) => (
                    <li key={s.reason}>
                      {fmt(s.count)} left as they are: {s.reason}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          )}
        </>
      )}
    </Dialog>
  );
}

import { useMemo, useState } from 'react';
import { changeId } from '../../../../../shared/changes/types';
import { canonicalKey } from '../../../../../shared/dynamo/key';
import { selectSlot, slotPositions, useItemsStore } from '../../../stores/itemsStore';
import { selectChanges, useStagingStore } from '../../../stores/stagingStore';
import { keyText } from '../../../../../shared/staging/describeKey';
import type { Item, KeySchema } from '../../../../../shared/dynamo/types';
import { stagingActions } from '../../../stores/stagingStore';
import { Dialog } from '../../../ui/Dialog';
import { columnTemplate } from './columnTemplate';
import { ItemJsonEditor } from '../editors/ItemJsonEditor';
import { KeyFields } from './KeyFields';
import { parseKeyFields } from '../../../../../shared/values/keyFields';

export interface AddItemDialogProps {
  connectionId: string;
  table: string;
  keySchema: KeySchema;
  onClose(): void;
}

/** A new item: the key first (typed as the table declares it), then the rest in the JSON editor. */
export function AddItemDialog({ connectionId, table, keySchema, onClose }: AddItemDialogProps) {
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [tried, setTried] = useState(false);
  const [key, setKey] = useState<Item | null>(null);
  const [error, setError] = useState<string | null>(null);
  const slot = useItemsStore(selectSlot({ connectionId, table }));
  const changes = useStagingStore(selectChanges);
  // The type each loaded column holds (first row that has it): plain JSON keeps sets and binary
  // as the column holds them instead of reading ["ux"] as a list.
  // (The items array grows in place while rows load: its length is a dependency too.)
  const loaded = slot?.items;
  const loadedCount = loaded?.length ?? 0;
  const template = useMemo(() => columnTemplate(loaded ?? []), [loaded, loadedCount]);
  const exists = useMemo(() => {
    if (!key) return null;
    const staged = changes.get(changeId(connectionId, table, key, keySchema));
    if (staged) return staged.kind === 'delete' ? 'staged for delete' : 'staged';
    const ref = { connectionId, table };
    return slotPositions(ref)?.has(canonicalKey(key, keySchema)) ? 'loaded' : null;
  }, [key, changes, connectionId, table, keySchema]);

  const next = () => {
    setTried(true);
    const r = parseKeyFields(keySchema, texts);
    if (r.ok) setKey(r.value);
  };
  const save = (item: Item) => {
    const r = stagingActions.stage({ type: 'putItem', connectionId, table, item }, [
      { connectionId, table, keySchema },
    ]);
    if (r.ok) onClose();
    else setError(r.error);
  };

  return (
    <Dialog
      title={`Add item to ${table}`}
      onClose={onClose}
      size={key ? 'large' : 'small'}
      footer={
        key ? undefined : (
          <>
            <button type="button" onClick={onClose}>
              Cancel
            </button>
            <button type="button" className="primary" onClick={next}>
              Next
            </button>
          </>
        )
      }
    >
      {key ? (
        <>
          {exists ? (
            <p className="issues warn" role="alert">
              {keyText(key, keySchema)} is already {exists} in this grid: a new item with this key
              replaces it entirely when you commit. To change some of its attributes, cancel and
              edit that row instead.
            </p>
          ) : (
            <p className="hint">
              A put: if {table} already holds an item with this key, committing replaces it.
            </p>
          )}
          <ItemJsonEditor
            item={key}
            original={{ ...template, ...key }}
            keySchema={keySchema}
            onSave={save}
            onCancel={onClose}
            saveLabel="Stage new item"
          />
          {error && <p className="field-error">{error}</p>}
        </>
      ) : (
        <KeyFields
          keySchema={keySchema}
          values={texts}
          onChange={setTexts}
          onSubmit={next}
          showErrors={tried}
        />
      )}
    </Dialog>
  );
}

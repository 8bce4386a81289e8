import { useState } from 'react';
import type { Item, KeySchema } from '../../../../shared/dynamo/types';
import { stagingActions } from '../../stores/stagingStore';
import { Dialog } from './Dialog';
import { ItemJsonEditor } from './ItemJsonEditor';
import { KeyFields } from './KeyFields';
import { parseKeyFields } from './keyFields';

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
          <p className="hint">
            A put: if {table} already holds an item with this key, committing replaces it.
          </p>
          <ItemJsonEditor
            item={key}
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

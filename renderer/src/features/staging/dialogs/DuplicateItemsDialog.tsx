import { useState } from 'react';
import type { Item, KeySchema } from '../../../../../shared/dynamo/types';
import { stageThenClose } from './stageThenClose';
import { keyText } from '../../../../../shared/staging/describeKey';
import { Dialog } from '../../../ui/Dialog';
import { ScopeSummary, type LeftOutItems } from './ScopeSummary';
import { buildDuplicates } from '../../../../../shared/staging/duplicate';
import { KeyFields } from './KeyFields';
import { keyTexts } from '../../../../../shared/values/keyFields';

export interface DuplicateItemsDialogProps {
  connectionId: string;
  table: string;
  keySchema: KeySchema;
  /** The selected items as they stand now (staged images included). */
  items: readonly Item[];
  /** Selected rows left out, by reason. */
  leftOut?: readonly LeftOutItems[];
  onClose(): void;
}

/** Asks a new key for each selected item, then stages the copies as puts in one undo step. */
export function DuplicateItemsDialog({
  connectionId,
  table,
  keySchema,
  items,
  leftOut = [],
  onClose,
}: DuplicateItemsDialogProps) {
  const [texts, setTexts] = useState(() => items.map((item) => keyTexts(keySchema, item)));
  const [tried, setTried] = useState(false);
  const result = buildDuplicates(connectionId, table, keySchema, items, texts);
  const stage = () => {
    setTried(true);
    if (!result.edit) return;
    void stageThenClose(result.edit, [{ connectionId, table, keySchema }], onClose);
  };
  return (
    <Dialog
      title={`Duplicate ${items.length === 1 ? 'item' : `${items.length} items`}`}
      onClose={onClose}
      footer={
        <>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="primary" onClick={stage}>
            Stage {items.length === 1 ? 'copy' : `${items.length} copies`}
          </button>
        </>
      }
    >
      {leftOut.length > 0 && (
        <ScopeSummary
          kind="duplicate"
          verb="to duplicate"
          items={items}
          leftOut={leftOut}
          keySchema={keySchema}
        />
      )}
      <p className="hint">Each copy keeps every attribute and gets the key you type.</p>
      <ol className="duplicate-list">
        {items.map((item, i) => (
          <li key={i}>
            <div className="muted small mono">from {keyText(item, keySchema)}</div>
            <KeyFields
              keySchema={keySchema}
              values={texts[i] ?? {}}
              labelPrefix={`Copy ${i + 1}`}
              onChange={(v) => setTexts((all) => all.map((t, j) => (j === i ? v : t)))}
            />
            {tried && result.errors[i] && <p className="field-error">{result.errors[i]}</p>}
          </li>
        ))}
      </ol>
    </Dialog>
  );
}

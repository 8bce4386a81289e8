import { useEffect, useRef, useState } from 'react';
import { busyActions } from '../../../stores/busyStore';
import { selectSlot, slotKey, useItemsStore, type SlotRef } from '../../../stores/itemsStore';
import { selectView, useGridViewStore } from '../grid/gridViewStore';
import { Dialog } from '../../../ui/Dialog';
import { downloadFile } from './download';
import { buildExport, FORMATS, type ExportFormat } from './exportFile';
import { exportColumns, exportRows } from './exportRows';

function stamp(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}`;
}

/** Export selected or all loaded rows as DynamoDB JSON lines, plain JSON or CSV. */
export function ExportDialog({ slot: ref, onClose }: { slot: SlotRef; onClose: () => void }) {
  const slot = useItemsStore(selectSlot(ref));
  const view = useGridViewStore(selectView(slotKey(ref)));
  const selected = slot ? Object.keys(slot.selection).length : 0;
  const total = slot?.items.length ?? 0;
  const [scope, setScope] = useState<'all' | 'selected'>(selected > 0 ? 'selected' : 'all');
  const [format, setFormat] = useState<ExportFormat>('jsonl');
  const [escapeFormulas, setEscapeFormulas] = useState(true);
  const [progress, setProgress] = useState<[number, number] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  const run = async () => {
    if (!slot) return;
    const ctl = new AbortController();
    abort.current = ctl;
    setError(null);
    const items = exportRows(slot, view, scope === 'selected');
    setProgress([0, items.length]);
    try {
      const parts = await busyActions.track(
        `Exporting ${ref.table}…`,
        buildExport({
          format,
          items,
          columns: exportColumns(slot, view),
          escapeFormulas,
          signal: ctl.signal,
          onProgress: (done, of) => setProgress([done, of]),
        }),
      );
      const f = FORMATS[format];
      downloadFile(parts, `${ref.table}-${stamp()}.${f.extension}`, f.mime);
      onClose();
    } catch (err) {
      if ((err as Error).name !== 'AbortError') setError((err as Error).message);
      setProgress(null);
    }
  };

  return (
    <Dialog
      title="Export rows"
      onClose={onClose}
      footer={
        <>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="primary"
            disabled={progress !== null || total === 0}
            onClick={() => void run()}
          >
            Export
          </button>
        </>
      }
    >
      <fieldset className="b-choices">
        <legend>Rows</legend>
        <label>
          <input
            type="radio"
            name="scope"
            checked={scope === 'selected'}
            disabled={selected === 0}
            onChange={() => setScope('selected')}
          />
          Selected rows ({selected.toLocaleString('en-US')})
        </label>
        <label>
          <input
            type="radio"
            name="scope"
            checked={scope === 'all'}
            onChange={() => setScope('all')}
          />
          All loaded rows ({total.toLocaleString('en-US')})
        </label>
      </fieldset>
      <fieldset className="b-choices">
        <legend>Format</legend>
        {(Object.keys(FORMATS) as ExportFormat[]).map((f) => (
          <label key={f}>
            <input
              type="radio"
              name="format"
              checked={format === f}
              onChange={() => setFormat(f)}
            />
            {FORMATS[f].label} <span className="muted">.{FORMATS[f].extension}</span>
          </label>
        ))}
      </fieldset>
      {format === 'csv' && (
        <label>
          <input
            type="checkbox"
            checked={escapeFormulas}
            onChange={(e) => setEscapeFormulas(e.target.checked)}
          />{' '}
          Escape formulas (text starting with = + - @ gets a leading ')
        </label>
      )}
      <p className="muted small">
        Rows keep the grid's sort order. CSV has one column per attribute; maps, lists, sets, binary
        and NULL are written as DynamoDB JSON so nothing is lost; a missing attribute is an empty
        cell.
      </p>
      {progress && (
        <p role="status">
          <progress max={progress[1] || 1} value={progress[0]} />{' '}
          {progress[0].toLocaleString('en-US')} of {progress[1].toLocaleString('en-US')} rows
        </p>
      )}
      {error && (
        <p role="alert" className="b-error">
          {error}
        </p>
      )}
    </Dialog>
  );
}

import { itemSize } from '../../../../shared/dynamo/size';
import { keyNames } from '../../../../shared/dynamo/types';
import type { KeySchema } from '../../../../shared/dynamo/types';
import { modeLabel } from '../../../../shared/plan/estimate';
import { selectMode, useCommitStore } from '../../stores/commitStore';
import { stagingActions } from '../../stores/stagingStore';
import { targetOf } from '../../../../shared/staging/currentImage';
import { AttributeDiffRow } from './AttributeDiffRow';
import { keyLabel } from '../../../../shared/review/reviewModel';
import { changeDiff } from './changeDiff';
import type { ReviewEntry } from '../../../../shared/review/reviewModel';
import { reviewActions } from './reviewStore';
import type { ReviewIssue } from './validation';

/** What a review item asks its pane to open. */
export type ReviewAction =
  | { kind: 'editItem'; id: string }
  | { kind: 'addAttribute'; id: string }
  | { kind: 'removeAttributes'; id: string }
  | { kind: 'editAttribute'; id: string; name: string };

export interface ReviewItemProps {
  entry: ReviewEntry;
  issues: readonly ReviewIssue[] | undefined;
  keySchema: KeySchema | undefined;
  expanded: boolean;
  showConnection: boolean;
  onAction(action: ReviewAction): void;
}

const ROWS = 8;
const KIND_LABEL = { put: 'new', update: 'update', delete: 'delete' } as const;

/** The attribute a validation path belongs to: `tags[0]` and `meta.a` belong to tags and meta. */
function topName(path: string): string {
  if (path.startsWith('[')) {
    const end = path.indexOf('"]');
    try {
      return JSON.parse(path.slice(1, end + 1)) as string;
    } catch {
      return path;
    }
  }
  return path.split(/[.[]/)[0] ?? path;
}

function kb(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KB`;
}

/** One staged item: kind, table and key, its attribute diff, its blocking issues, and reverts. */
export function ReviewItem({
  entry,
  issues,
  keySchema,
  expanded,
  showConnection,
  onAction,
}: ReviewItemProps) {
  const { id, change, moved } = entry;
  const diffs = changeDiff(moved ? moved.change : change);
  const keys = new Set(keySchema ? keyNames(keySchema) : Object.keys(change.key));
  const mode = useCommitStore(selectMode);
  const version = useCommitStore((s) => s.options.versionAttributes[change.table]?.trim());
  // A move is a put into the target (a new item) and a delete that waits for it.
  const call = moved
    ? `${modeLabel('put', mode)}, then ${modeLabel('delete', mode, version)}`
    : modeLabel(change.kind, mode, version);
  const byName = new Map((issues ?? []).map((i) => [topName(i.path), i.message]));
  const shown = expanded ? diffs : diffs.slice(0, ROWS);
  // An issue shows once: beside its attribute's row when that row is on screen, else in the list.
  const onRows = new Set(shown.map((d) => d.name));
  const itemIssues = (issues ?? []).filter((i) => i.path === '' || !onRows.has(topName(i.path)));
  const target = targetOf(change);
  const size = moved
    ? itemSize(moved.change.item)
    : change.kind === 'delete'
      ? null
      : itemSize(change.item);
  const editable = !moved && change.kind !== 'delete' && keySchema !== undefined;
  const kind = moved ? 'move' : change.kind;
  const label = moved ? 'move' : KIND_LABEL[change.kind];
  const where = (c: { connectionId: string; table: string }) =>
    `${showConnection ? `${c.connectionId} · ` : ''}${c.table}`;
  const tables = moved ? `${where(change)} → ${where(moved.change)}` : where(change);
  const targetKey = moved ? keyLabel(moved.change) : '';
  const keyText =
    moved && targetKey !== keyLabel(change)
      ? `${keyLabel(change)} → ${targetKey}`
      : keyLabel(change);
  return (
    <article
      className={`review-item ${kind}${issues?.length ? ' invalid' : ''}`}
      tabIndex={-1}
      aria-label={`${label} ${tables} ${keyText}`}
    >
      <header className="review-item-head">
        <span className={`kind-badge ${kind}`}>{label}</span>
        <span className="table-name">{tables}</span>
        <span className="mono key-label" title={keyText}>
          {keyText}
        </span>
        {size !== null && <span className="muted small nowrap">{kb(size)}</span>}
        <span className="muted small nowrap write-mode" data-testid="op-mode">
          {call}
        </span>
      </header>
      <div className="review-item-actions">
        {editable && (
          <>
            <button
              type="button"
              className="ghost small"
              onClick={() => onAction({ kind: 'editItem', id })}
            >
              Edit JSON
            </button>
            <button
              type="button"
              className="ghost small"
              onClick={() => onAction({ kind: 'addAttribute', id })}
            >
              Add attribute
            </button>
            <button
              type="button"
              className="ghost small"
              onClick={() => onAction({ kind: 'removeAttributes', id })}
            >
              Remove attributes…
            </button>
          </>
        )}
        {moved ? (
          <button
            type="button"
            className="ghost small"
            onClick={() => stagingActions.revertIds([id, moved.id])}
          >
            Revert move
          </button>
        ) : (
          <button
            type="button"
            className="ghost small"
            onClick={() => stagingActions.revertItem(target)}
            disabled={!keySchema}
          >
            {change.kind === 'delete' ? 'Keep item (revert delete)' : 'Revert item'}
          </button>
        )}
      </div>
      {change.error && (
        <p className="commit-error" data-testid="change-error">
          Not committed: {change.error}
        </p>
      )}
      {itemIssues.length > 0 && (
        <ul className="issues" aria-label="Problems that block commit">
          {itemIssues.map((i) => (
            <li key={`${i.path}:${i.code}`}>{i.message}</li>
          ))}
        </ul>
      )}
      {moved && (
        <p className="muted small">
          Puts the item into {moved.change.table}, then deletes it from {change.table} once the put
          is written ({diffs.length} attributes):
        </p>
      )}
      {!moved && change.kind === 'delete' && (
        <p className="muted small">Deletes the item ({diffs.length} attributes):</p>
      )}
      <ul className="diff-rows">
        {shown.map((d) => (
          <AttributeDiffRow
            key={d.name}
            diff={d}
            issue={byName.get(d.name)}
            onRevert={
              moved || change.kind === 'delete' || keys.has(d.name) || !keySchema
                ? undefined
                : () => stagingActions.revertAttribute(target, d.name)
            }
            onEdit={
              editable && d.kind !== 'removed'
                ? () => onAction({ kind: 'editAttribute', id, name: d.name })
                : undefined
            }
          />
        ))}
      </ul>
      {diffs.length > ROWS && (
        <button
          type="button"
          className="link small"
          onClick={() => reviewActions.toggleExpanded(id)}
        >
          {expanded ? 'Show fewer' : `Show all ${diffs.length} attributes`}
        </button>
      )}
    </article>
  );
}

import type { AttributeDiff } from '../../../../shared/changes/diff';
import { TYPE_LABELS, typeOf } from '../../../../shared/dynamo/types';
import { InlineDiffText } from './InlineDiffText';
import { ValueText } from './ValueText';

export interface AttributeDiffRowProps {
  diff: AttributeDiff;
  /** The issue DynamoDB would raise for this attribute, if any. */
  issue?: string;
  onRevert?(): void;
  onEdit?(): void;
}

const LONG = 40;
const SIGN = { added: '+', removed: '−', changed: '~' } as const;

/** One attribute of a staged item: added, removed, or changed old → new (type changes called out). */
export function AttributeDiffRow({ diff, issue, onRevert, onEdit }: AttributeDiffRowProps) {
  const long =
    diff.kind === 'changed' &&
    'S' in diff.before &&
    'S' in diff.after &&
    Math.max(diff.before.S.length, diff.after.S.length) > LONG;
  return (
    <li className={`diff-row ${diff.kind}${issue ? ' has-issue' : ''}`} data-attr={diff.name}>
      <span className="diff-sign" aria-label={diff.kind}>
        {SIGN[diff.kind]}
      </span>
      <span className="attr-name" title={diff.name}>
        {diff.name}
      </span>
      <span className="diff-values">
        {diff.kind === 'added' && <ValueText value={diff.after} />}
        {diff.kind === 'removed' && <ValueText value={diff.before} className="removed" />}
        {diff.kind === 'changed' &&
          (long && 'S' in diff.before && 'S' in diff.after ? (
            <InlineDiffText before={diff.before.S} after={diff.after.S} />
          ) : (
            <>
              <ValueText value={diff.before} className="removed" /> <span className="arrow">→</span>{' '}
              <ValueText value={diff.after} />
            </>
          ))}
        {diff.kind === 'changed' && diff.typeChanged && (
          <span className="type-changed" title="The value's type changes">
            type {TYPE_LABELS[typeOf(diff.before)]} → {TYPE_LABELS[typeOf(diff.after)]}
          </span>
        )}
        {issue && <span className="issue-text">{issue}</span>}
      </span>
      <span className="diff-actions">
        {onEdit && (
          <button
            type="button"
            className="ghost small"
            onClick={onEdit}
            aria-label={`Edit ${diff.name}`}
          >
            Edit
          </button>
        )}
        {onRevert && (
          <button
            type="button"
            className="ghost small"
            onClick={onRevert}
            aria-label={`Revert ${diff.name}`}
          >
            Revert
          </button>
        )}
      </span>
    </li>
  );
}

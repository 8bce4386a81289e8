import { useState } from 'react';
import type { Changes } from '../../../../shared/changes/types';
import { keyLabel } from '../../../../shared/review/reviewModel';
import type { ReviewIssue } from './validation';

export interface ValidationListProps {
  issues: readonly ReviewIssue[];
  changes: Changes;
  onShow(id: string): void;
}

const SHOWN = 50;

/** The problems that block commit, one line per item and attribute, each with a way to the item. */
export function ValidationList({ issues, changes, onShow }: ValidationListProps) {
  const [open, setOpen] = useState(true);
  if (issues.length === 0) return null;
  const items = new Set(issues.map((i) => i.id)).size;
  return (
    <section className="validation" role="alert" aria-label="Problems that block commit">
      <button
        type="button"
        className="validation-head"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        {issues.length.toLocaleString('en-US')} {issues.length === 1 ? 'problem' : 'problems'} in{' '}
        {items.toLocaleString('en-US')} {items === 1 ? 'item' : 'items'} block commit
      </button>
      {open && (
        <ul>
          {issues.slice(0, SHOWN).map((i, n) => {
            const c = changes.get(i.id);
            return (
              <li key={n}>
                <button type="button" className="link" onClick={() => onShow(i.id)}>
                  {c ? `${c.table} ${keyLabel(c)}` : i.id}
                </button>
                : {i.message}
              </li>
            );
          })}
          {issues.length > SHOWN && (
            <li className="muted">…and {(issues.length - SHOWN).toLocaleString('en-US')} more</li>
          )}
        </ul>
      )}
    </section>
  );
}

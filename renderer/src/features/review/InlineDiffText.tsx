import { inlineDiff } from '../../../../shared/changes/diff';

const CONTEXT = 32;

/** A changed string shown once, with what was removed struck out and what was added marked. */
export function InlineDiffText({ before, after }: { before: string; after: string }) {
  const d = inlineDiff(before, after);
  const prefix = d.prefix.length > CONTEXT ? `…${d.prefix.slice(-CONTEXT)}` : d.prefix;
  const suffix = d.suffix.length > CONTEXT ? `${d.suffix.slice(0, CONTEXT)}…` : d.suffix;
  return (
    <span className="inline-diff mono" aria-label={`changed from "${before}" to "${after}"`}>
      <span className="badge">S</span> <span>{prefix}</span>
      {d.removed && <del>{d.removed}</del>}
      {d.added && <ins>{d.added}</ins>}
      <span>{suffix}</span>
    </span>
  );
}

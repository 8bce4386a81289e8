/** The commit options as commit:start and commit:resume take them. */
import type { CommitOptionsState } from '../../stores/commitStore';

/** The version attributes worth sending: named, trimmed, for guarded and atomic writes only. */
function versionsOf(o: CommitOptionsState): Record<string, string> | null {
  if (o.mode === 'batch') return null;
  const out: Record<string, string> = {};
  for (const [table, name] of Object.entries(o.versionAttributes)) {
    if (name.trim() !== '') out[table] = name.trim();
  }
  return Object.keys(out).length > 0 ? out : null;
}

export function wireOptions(o: CommitOptionsState) {
  const versions = versionsOf(o);
  return {
    mode: o.mode,
    ...(versions ? { versionAttributes: versions } : {}),
    driftCheck: o.driftCheck,
    readBack: o.readBack,
    concurrency: o.concurrency,
    // No cap unless the user set one: the backend retries until no progress for its time budget.
    ...(o.maxRounds !== null ? { maxRounds: o.maxRounds } : {}),
    ...(o.mode === 'atomic' ? { atomicScope: o.atomicScope } : {}),
    ...(o.mode === 'atomic' && o.conditionChecks.length > 0
      ? { conditionChecks: o.conditionChecks }
      : {}),
  };
}

/** The exported plan as one zip: AWS CLI request files, the script, and DynoStage change files. */
import { strToU8, zipSync } from 'fflate';
import type { Zippable } from 'fflate';
import { changeFiles } from '../../../../shared/changes/changeFile';
import { withPlanHeader } from '../../../../shared/changes/planFileId';
import type { GuardOptions } from '../../../../shared/changes/toPlanGuards';
import type { Changes } from '../../../../shared/changes/types';
import type { TextFile } from './downloadFiles';

export const ZIP_NAME = 'dynostage-plan.zip';
export const PLAN_FILE = 'dynostage-plan.jsonl';

const safe = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, '_');

/**
 * The DynoStage plan file of the staged changes (`dynostage apply` reads it): one per connection,
 * named `<connection>-dynostage-plan.jsonl` when there are several. `guards`: the commit's write
 * mode and options, so the file's writes are guarded as the review shows them.
 */
export function planFiles(
  changes: Changes,
  moves: ReadonlyMap<string, string>,
  guards: GuardOptions,
): TextFile[] {
  const files = changeFiles(changes, moves, guards);
  const many = files.length > 1;
  return files.map((f) => ({
    name: many ? `${safe(f.connectionId)}-${PLAN_FILE}` : PLAN_FILE,
    json: withPlanHeader(f.text),
  }));
}

/** Every file in one zip; the script keeps its execute bit. */
export function zipFiles(files: readonly TextFile[]): Uint8Array {
  const entries: Zippable = {};
  const mtime = new Date();
  for (const f of files) {
    entries[f.name] = [
      strToU8(f.json),
      { mtime, os: 3, attrs: (f.name.endsWith('.sh') ? 0o755 : 0o644) << 16 },
    ];
  }
  return zipSync(entries, { level: 6 });
}

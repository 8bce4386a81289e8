import { useState } from 'react';
import type { Changes } from '../../../../shared/changes/types';
import { selectConflicts, selectOptions, useCommitStore } from '../../stores/commitStore';
import { selectConnections, useConnectionStore } from '../../stores/connectionStore';
import { canSaveToFolder, downloadBytes, saveToFolder } from './downloadFiles';
import type { TextFile } from './downloadFiles';
import { ExportPlanError, exportPlanFiles } from '../../../../shared/review/exportPlan';
import type { StagedPlan } from '../../../../shared/review/planStaged';
import { planFiles, ZIP_NAME, zipFiles } from './planZip';

export interface ExportPlanButtonProps {
  plan: StagedPlan;
  blockedReason: string | null;
  /** The staged changes and their moves, for the DynoStage plan file. */
  changes: Changes;
  moves: ReadonlyMap<string, string>;
}

/**
 * Exports the plan: one request-items file per BatchWriteItem call (25 requests at most) for
 * `aws dynamodb batch-write-item`, a script running them, and the DynoStage plan file that
 * `dynostage apply` reads. Downloaded as one zip, or saved into a folder when the browser can.
 */
export function ExportPlanButton({ plan, blockedReason, changes, moves }: ExportPlanButtonProps) {
  const connections = useConnectionStore(selectConnections);
  const options = useCommitStore(selectOptions);
  const conflicts = useCommitStore(selectConflicts);
  const [status, setStatus] = useState<string | null>(null);
  // An export the exporter refuses (a change of an unknown connection) says why instead.
  const files = (): TextFile[] | null => {
    try {
      // The DynoStage plan file writes as the commit would: its mode, version attributes and the
      // conflicts the user chose to overwrite.
      const overwrite = new Set(
        Object.entries(conflicts?.choices ?? {})
          .filter(([, choice]) => choice === 'overwrite')
          .map(([id]) => id),
      );
      const guards = { mode: options.mode, versions: options.versionAttributes, overwrite };
      return [...exportPlanFiles(plan, connections), ...planFiles(changes, moves, guards)];
    } catch (err) {
      if (!(err instanceof ExportPlanError)) throw err;
      setStatus(err.message);
      return null;
    }
  };
  const download = () => {
    const all = files();
    if (!all) return;
    downloadBytes(ZIP_NAME, zipFiles(all), 'application/zip');
    setStatus(`Downloaded ${ZIP_NAME} (${all.length} files)`);
  };
  const save = async () => {
    const all = files();
    if (!all) return;
    if (await saveToFolder(all)) setStatus(`Saved ${all.length} files`);
  };
  const title =
    blockedReason ??
    'A zip of the files for aws dynamodb batch-write-item --request-items file://…, the script that runs them and the DynoStage plan file';
  return (
    <div className="export-plan">
      {canSaveToFolder() && (
        <button type="button" disabled={!!blockedReason} title={title} onClick={() => void save()}>
          Export plan to folder…
        </button>
      )}
      <button type="button" disabled={!!blockedReason} title={title} onClick={download}>
        Download plan
      </button>
      {status && (
        <span className="muted small" role="status">
          {status}
        </span>
      )}
    </div>
  );
}

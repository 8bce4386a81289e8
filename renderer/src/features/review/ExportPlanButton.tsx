import { useState } from 'react';
import { selectConnections, useConnectionStore } from '../../stores/connectionStore';
import { canSaveToFolder, downloadEach, saveToFolder } from './downloadFiles';
import { ExportPlanError, exportPlanFiles } from './exportPlan';
import type { StagedPlan } from './planInputs';

export interface ExportPlanButtonProps {
  plan: StagedPlan;
  blockedReason: string | null;
}

/**
 * Exports the plan for the AWS CLI: one request-items file per BatchWriteItem call (25 requests
 * at most) and a script running them. Saved into a folder when the browser can, else downloaded
 * one file after another.
 */
export function ExportPlanButton({ plan, blockedReason }: ExportPlanButtonProps) {
  const connections = useConnectionStore(selectConnections);
  const [status, setStatus] = useState<string | null>(null);
  // An export the exporter refuses (a change of an unknown connection) says why instead.
  const files = () => {
    try {
      return exportPlanFiles(plan, connections);
    } catch (err) {
      if (!(err instanceof ExportPlanError)) throw err;
      setStatus(err.message);
      return null;
    }
  };
  const download = async () => {
    const all = files();
    if (!all) return;
    await downloadEach(all, (done) => setStatus(`Downloaded ${done} of ${all.length} files`));
  };
  const save = async () => {
    const all = files();
    if (!all) return;
    if (await saveToFolder(all)) setStatus(`Saved ${all.length} files`);
  };
  const title = blockedReason ?? 'Files for aws dynamodb batch-write-item --request-items file://…';
  return (
    <div className="export-plan">
      {canSaveToFolder() && (
        <button type="button" disabled={!!blockedReason} title={title} onClick={() => void save()}>
          Export plan to folder…
        </button>
      )}
      <button
        type="button"
        disabled={!!blockedReason}
        title={title}
        onClick={() => void download()}
      >
        Download plan files
      </button>
      {status && (
        <span className="muted small" role="status">
          {status}
        </span>
      )}
    </div>
  );
}

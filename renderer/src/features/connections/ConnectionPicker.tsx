import type { ConnectionInfo } from '../../../../shared/contract/connections';
import {
  selectConnections,
  selectDialog,
  selectSelectedConnection,
  useConnectionStore,
} from '../../stores/connectionStore';
import { ConnectionActions } from './ConnectionActions';
import { ConnectionProblem } from './ConnectionProblem';
import { MfaDialog } from './MfaDialog';
import { SandboxBanner } from './SandboxBanner';
import { ConnectionDialog } from '../../lazy/onDemand';
import './connections.css';

const GROUPS: { label: string; matches(c: ConnectionInfo): boolean }[] = [
  { label: 'Sandbox', matches: (c) => c.kind === 'sandbox' },
  { label: 'AWS profiles', matches: (c) => c.kind === 'profile' },
  { label: 'Endpoints', matches: (c) => c.kind === 'endpoint' },
];

function optionLabel(c: ConnectionInfo): string {
  if (c.kind === 'sandbox') return c.name;
  if (c.kind === 'endpoint') return `${c.name} · ${c.endpoint ?? ''}`;
  return `${c.name} · ${c.region}${c.source === 'saved' && c.profile !== c.name ? ` (${c.profile})` : ''}`;
}

/** The connection list grouped by kind, its actions, and the dialogs they open. */
export function ConnectionPicker() {
  const connections = useConnectionStore(selectConnections);
  const selected = useConnectionStore(selectSelectedConnection);
  const select = useConnectionStore((s) => s.select);
  const dialogOpen = useConnectionStore(selectDialog) !== null;
  return (
    <div className="connection-bar">
      <label className="connection-picker">
        <span className="label">Connection</span>
        <select aria-label="Connection" value={selected} onChange={(e) => select(e.target.value)}>
          {GROUPS.map((g) => {
            const members = connections.filter(g.matches);
            return members.length === 0 ? null : (
              <optgroup key={g.label} label={g.label}>
                {members.map((c) => (
                  <option key={c.id} value={c.id}>
                    {optionLabel(c)}
                  </option>
                ))}
              </optgroup>
            );
          })}
        </select>
      </label>
      <ConnectionActions />
      {dialogOpen && <ConnectionDialog />}
      <MfaDialog />
    </div>
  );
}

/** The banners under the top bar: the sandbox's state, and the selected connection's problem. */
export function SandboxProblem() {
  return (
    <>
      <SandboxBanner />
      <ConnectionProblem />
    </>
  );
}

import {
  selectConnections,
  selectSandbox,
  selectSelectedConnection,
  useConnectionStore,
} from '../../stores/connectionStore';

export function ConnectionPicker() {
  const connections = useConnectionStore(selectConnections);
  const selected = useConnectionStore(selectSelectedConnection);
  const select = useConnectionStore((s) => s.select);
  return (
    <label className="connection-picker">
      <span className="label">Connection</span>
      <select
        aria-label="Connection"
        value={selected}
        onChange={(e) => select(e.target.value)}
      >
        {connections.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
            {c.kind !== 'sandbox' ? ` · ${c.region}` : ''}
          </option>
        ))}
      </select>
    </label>
  );
}

export function SandboxProblem() {
  const sandbox = useConnectionStore(selectSandbox);
  const reset = useConnectionStore((s) => s.resetSandbox);
  const load = useConnectionStore((s) => s.load);
  if (!sandbox || sandbox.state === 'running') return null;
  return (
    <div role="alert" className="banner error">
      <p>{sandbox.error}</p>
      <button
        onClick={() => {
          if (window.confirm('Move the sandbox store aside and start a fresh, seeded one?')) {
            void reset().then(load);
          }
        }}
      >
        Reset sandbox
      </button>
    </div>
  );
}

import { selectSandbox, useConnectionStore } from '../../stores/connectionStore';

/** The sandbox failed to start: its reason and a reset that keeps the damaged store aside. */
export function SandboxBanner() {
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

import type { TestState } from '../../stores/connectionStore';

/** The outcome of "Test connection": latency and a table seen, or the service's message and the fix. */
export function TestResultView({ state }: { state: TestState | undefined }) {
  if (!state) return null;
  if (state.status === 'running') {
    return (
      <p role="status" className="conn-test-result muted">
        Testing…
      </p>
    );
  }
  if (state.status === 'ok') {
    const where = [state.region, state.endpoint].filter(Boolean).join(', ');
    return (
      <p role="status" className="conn-test-result ok">
        Connected in {state.latencyMs} ms ({where}).{' '}
        {state.tables[0] ? <>First table: {state.tables[0]}.</> : 'No tables yet.'}
      </p>
    );
  }
  return (
    <div role="alert" className="conn-test-result failed">
      <p>
        <strong>{state.code}</strong>: {state.message}
      </p>
      {state.fix && (
        <p>
          Fix: <code className="fix">{state.fix}</code>
        </p>
      )}
    </div>
  );
}

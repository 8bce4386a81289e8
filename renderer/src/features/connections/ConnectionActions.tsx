import {
  selectSelectedInfo,
  selectSelectedTest,
  useConnectionStore,
} from '../../stores/connectionStore';

/** Test, add, edit and remove beside the picker, with the selected connection's last test result. */
export function ConnectionActions() {
  const info = useConnectionStore(selectSelectedInfo);
  const test = useConnectionStore(selectSelectedTest);
  const { openDialog, remove } = useConnectionStore.getState();
  const testSelected = useConnectionStore((s) => s.test);
  const saved = info?.source === 'saved';
  return (
    <div className="connection-actions">
      <button
        title="Test the selected connection (ListTables)"
        disabled={!info || test?.status === 'running'}
        onClick={() => info && void testSelected(info.id)}
      >
        Test
      </button>
      <span
        role="status"
        data-testid="connection-status"
        className={`connection-status ${test?.status ?? ''}`}
      >
        {test?.status === 'running' && 'Testing…'}
        {test?.status === 'ok' && `Connected · ${test.latencyMs} ms`}
        {test?.status === 'failed' && 'Not connected'}
      </span>
      <button onClick={() => openDialog({ mode: 'add' })}>Add connection…</button>
      <button
        disabled={!saved}
        title={saved ? undefined : 'Only saved connections can be edited'}
        onClick={() => info && openDialog({ mode: 'edit', id: info.id })}
      >
        Edit…
      </button>
      <button
        disabled={!saved}
        title={saved ? undefined : 'Only saved connections can be removed'}
        onClick={() => {
          if (
            info &&
            window.confirm(`Remove the connection "${info.name}"? Your AWS files are not changed.`)
          ) {
            void remove(info.id);
          }
        }}
      >
        Remove
      </button>
    </div>
  );
}

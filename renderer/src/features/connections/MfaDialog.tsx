import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { MfaPrompt } from '../../../../shared/contract/connections';
import { selectMfaPrompt, useConnectionStore } from '../../stores/connectionStore';
import { useMfaEvents } from './useMfaEvents';

/** Asks for the MFA code the backend is waiting on; one prompt at a time, oldest first. */
export function MfaDialog() {
  useMfaEvents();
  const prompt = useConnectionStore(selectMfaPrompt);
  if (!prompt) return null;
  return <MfaDialogBody key={prompt.promptId} prompt={prompt} />;
}

function MfaDialogBody({ prompt }: { prompt: MfaPrompt }) {
  const ref = useRef<HTMLDialogElement>(null);
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { answerMfa, cancelMfa } = useConnectionStore.getState();
  const until = new Date(prompt.expiresAt).toLocaleTimeString();

  useEffect(() => {
    const el = ref.current;
    if (el && !el.open) el.showModal();
  }, []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!/^\d{6}$/.test(code.trim())) {
      setError('The MFA code is 6 digits.');
      return;
    }
    setBusy(true);
    try {
      await answerMfa(prompt.promptId, code.trim());
    } catch (err) {
      setError((err as Error).message);
      setBusy(false);
    }
  };

  return (
    <dialog
      ref={ref}
      className="connection-dialog mfa-dialog"
      aria-labelledby="mfa-dialog-title"
      aria-describedby="mfa-dialog-desc"
      onCancel={(e) => {
        e.preventDefault();
        void cancelMfa(prompt.promptId);
      }}
    >
      <form onSubmit={(e) => void submit(e)} noValidate>
        <h2 id="mfa-dialog-title">MFA code required</h2>
        <p id="mfa-dialog-desc">
          Connecting to <strong>{prompt.connectionName}</strong> assumes a role with profile{' '}
          <strong>{prompt.profile}</strong>. Enter the code from MFA device{' '}
          <code>{prompt.serialNumber}</code>.
        </p>
        <div className="conn-field">
          <label htmlFor="mfa-code">MFA code</label>
          <input
            id="mfa-code"
            value={code}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            autoFocus
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'mfa-code-error' : undefined}
            onChange={(e) => {
              setCode(e.target.value);
              setError(null);
            }}
          />
          {error && (
            <span id="mfa-code-error" className="conn-field-error">
              {error}
            </span>
          )}
          <span className="muted small">The request waits until {until}.</span>
        </div>
        <div className="conn-dialog-actions">
          <span className="spacer" />
          <button type="button" onClick={() => void cancelMfa(prompt.promptId)}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            Continue
          </button>
        </div>
      </form>
    </dialog>
  );
}

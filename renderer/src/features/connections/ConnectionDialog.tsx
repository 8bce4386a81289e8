import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiCallError } from '../../api/client';
import {
  selectDialog,
  selectProfiles,
  useConnectionStore,
  type DialogState,
  type TestState,
} from '../../stores/connectionStore';
import { EndpointField, KindField, NameField, ProfileField, RegionField } from './ConnectionFields';
import {
  draftFrom,
  emptyDraft,
  errorsFromMessage,
  toInput,
  validate,
  type ConnectionDraft,
  type FieldErrors,
} from './connectionDraft';
import { TestResultView } from './TestResultView';
import { CredentialsRiskField, withConfirmation } from './CredentialsRiskField';

/** The add/edit connection dialog, shown while the store has one open. */
export function ConnectionDialog() {
  const dialog = useConnectionStore(selectDialog);
  if (!dialog) return null;
  return <ConnectionDialogBody key={dialog.mode === 'edit' ? dialog.id : 'add'} dialog={dialog} />;
}

function ConnectionDialogBody({ dialog }: { dialog: DialogState }) {
  const ref = useRef<HTMLDialogElement>(null);
  const profiles = useConnectionStore(selectProfiles);
  const editing = useConnectionStore((s) =>
    dialog.mode === 'edit' ? s.connections.find((c) => c.id === dialog.id) : undefined,
  );
  const { closeDialog, save, testDraft } = useConnectionStore.getState();
  const [draft, setDraft] = useState<ConnectionDraft>(() =>
    editing ? draftFrom(editing) : emptyDraft(profiles),
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const [test, setTest] = useState<TestState | undefined>();
  const [busy, setBusy] = useState(false);
  const [confirmed, setConfirmed] = useState(false);
  const title = dialog.mode === 'add' ? 'Add connection' : 'Edit connection';

  useEffect(() => {
    const el = ref.current;
    if (el && !el.open) el.showModal();
  }, []);

  const change = (next: ConnectionDraft) => {
    setDraft(next);
    if (next.endpoint !== draft.endpoint || next.profile !== draft.profile) setConfirmed(false);
    setTest(undefined);
    // Clear a field's error once it changes; the others stay until the next check.
    setErrors((e) =>
      Object.fromEntries(
        Object.entries(e).filter(
          ([k]) => next[k as keyof ConnectionDraft] === draft[k as keyof ConnectionDraft],
        ),
      ),
    );
  };

  const checked = (): boolean => {
    const found = validate(draft);
    setErrors(found);
    return Object.keys(found).length === 0;
  };

  const runTest = async () => {
    if (!checked()) return;
    setTest({ status: 'running' });
    setTest(await testDraft(withConfirmation(toInput(draft), confirmed)));
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!checked()) return;
    setBusy(true);
    try {
      await save(withConfirmation(toInput(draft), confirmed));
    } catch (err) {
      const message = (err as Error).message;
      setErrors(
        err instanceof ApiCallError && err.code === 'BadInput'
          ? errorsFromMessage(message)
          : { form: message },
      );
      setBusy(false);
    }
  };

  const fields = { draft, profiles, errors, onChange: change };
  return (
    <dialog
      ref={ref}
      className="connection-dialog"
      aria-labelledby="connection-dialog-title"
      onCancel={(e) => {
        e.preventDefault();
        closeDialog();
      }}
    >
      <form onSubmit={(e) => void submit(e)} noValidate>
        <h2 id="connection-dialog-title">{title}</h2>
        {!editing && <KindField {...fields} />}
        {draft.kind === 'endpoint' && <EndpointField {...fields} />}
        <ProfileField {...fields} />
        <RegionField {...fields} />
        <NameField {...fields} />
        <CredentialsRiskField draft={draft} confirmed={confirmed} onChange={setConfirmed} />
        {errors.form && (
          <p role="alert" className="conn-field-error">
            {errors.form}
          </p>
        )}
        <TestResultView state={test} />
        <div className="conn-dialog-actions">
          <button
            type="button"
            onClick={() => void runTest()}
            disabled={test?.status === 'running'}
          >
            Test connection
          </button>
          <span className="spacer" />
          <button type="button" onClick={closeDialog}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            Save
          </button>
        </div>
      </form>
    </dialog>
  );
}

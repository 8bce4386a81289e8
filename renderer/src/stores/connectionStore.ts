import { create, type StoreApi } from 'zustand';
import type {
  ConnectionInfo,
  MfaPrompt,
  ProfileInfo,
  SaveConnectionInput,
  TestResult,
} from '../../../shared/contract/connections';
import type { SandboxStatus } from '../../../shared/contract/sandbox';
import { ApiCallError, call } from '../api/client';
import { useTablesStore } from './tablesStore';

/** A connection test in flight, or its result. */
export type TestState = { status: 'running' } | TestResult;

/** The add/edit dialog: which connection it edits, if any. */
export type DialogState = { mode: 'add' } | { mode: 'edit'; id: string };

interface ConnectionState {
  connections: ConnectionInfo[];
  profiles: ProfileInfo[];
  selectedId: string;
  sandbox: SandboxStatus | null;
  error: string | null;
  /** Set when the saved connections file could not be read (it was moved aside). */
  notice: string | null;
  /** The latest test per connection id. */
  tests: Record<string, TestState>;
  /** MFA prompts waiting for a code, oldest first. */
  mfaPrompts: MfaPrompt[];
  dialog: DialogState | null;
  load(): Promise<void>;
  select(id: string): void;
  resetSandbox(): Promise<void>;
  /** Tests a saved or listed connection and records the result under its id. */
  test(id: string): Promise<TestResult>;
  /** Tests the dialog's unsaved settings; nothing is recorded. */
  testDraft(draft: SaveConnectionInput): Promise<TestResult>;
  /** Saves, reloads the list and selects the saved connection; rejects with the backend's error. */
  save(draft: SaveConnectionInput): Promise<ConnectionInfo>;
  remove(id: string): Promise<void>;
  openDialog(dialog: DialogState): void;
  closeDialog(): void;
  mfaPrompted(prompt: MfaPrompt): void;
  mfaSettled(promptId: string): void;
  answerMfa(promptId: string, code: string): Promise<void>;
  cancelMfa(promptId: string): Promise<void>;
}

const SELECTED_KEY = 'dynostage.connection';

function failed(err: unknown): TestResult {
  const code = err instanceof ApiCallError ? err.code : 'Error';
  return { status: 'failed', code, message: (err as Error).message };
}

type SetState = StoreApi<ConnectionState>['setState'];
type GetState = StoreApi<ConnectionState>['getState'];

// Errors of the credential lookup: running the test after them would ask for an MFA code again.
const CREDENTIAL_FAILURE = /^(Credentials|SsoLoginRequired$|MfaTimeout$|MfaCanceled$)/;

/**
 * The selected connection's check is the listing of its tables, which the table list makes anyway
 * (one ListTables instead of two at start): its answer is the test's. A listing that failed for
 * another reason than credentials is followed by the test, which words network problems.
 */
async function checkByListing(info: ConnectionInfo, set: SetState, get: GetState): Promise<void> {
  const { id } = info;
  set((s) => ({ tests: { ...s.tests, [id]: { status: 'running' } } }));
  const check = await useTablesStore.getState().listed(id);
  // A test run meanwhile (the Test button) has the last word.
  if (get().tests[id]?.status !== 'running') return;
  let result: TestResult;
  if (check.ok) {
    result = {
      status: 'ok',
      latencyMs: check.ms,
      region: info.region,
      ...(info.endpoint ? { endpoint: info.endpoint } : {}),
      tables: check.tables.slice(0, 1),
    };
  } else if (CREDENTIAL_FAILURE.test(check.code)) {
    const { code, message, fix } = check;
    result = { status: 'failed', code, message, ...(fix ? { fix } : {}) };
  } else {
    await get().test(id);
    return;
  }
  set((s) => ({ tests: { ...s.tests, [id]: result } }));
}

export const useConnectionStore = create<ConnectionState>((set, get) => ({
  connections: [],
  profiles: [],
  selectedId: localStorage.getItem(SELECTED_KEY) ?? 'sandbox',
  sandbox: null,
  error: null,
  notice: null,
  tests: {},
  mfaPrompts: [],
  dialog: null,
  async load() {
    try {
      const [list, sandbox] = await Promise.all([
        call('connections:list', {}),
        call('sandbox:status', {}),
      ]);
      const prompts = list.pendingMfa.filter(
        (p) => !get().mfaPrompts.some((q) => q.promptId === p.promptId),
      );
      set((s) => ({
        connections: list.connections,
        profiles: list.profiles,
        notice: list.notice ?? null,
        mfaPrompts: [...s.mfaPrompts, ...prompts],
        sandbox,
        error: null,
      }));
      // A remembered connection that no longer exists falls back to the sandbox.
      const id = get().selectedId;
      get().select(list.connections.some((c) => c.id === id) ? id : 'sandbox');
    } catch (err) {
      set({ error: (err as Error).message });
    }
  },
  select(id) {
    localStorage.setItem(SELECTED_KEY, id);
    set({ selectedId: id });
    const info = get().connections.find((c) => c.id === id);
    // Checking credentials on selection surfaces SSO and MFA needs at once, beside the list.
    if (info && info.kind !== 'sandbox' && !get().tests[id]) void checkByListing(info, set, get);
  },
  async resetSandbox() {
    const sandbox = await call('sandbox:reset', { confirm: true });
    set({ sandbox });
  },
  async test(id) {
    set((s) => ({ tests: { ...s.tests, [id]: { status: 'running' } } }));
    let result: TestResult;
    try {
      result = (await call('connections:test', { connectionId: id })).result;
    } catch (err) {
      result = failed(err);
    }
    set((s) => ({ tests: { ...s.tests, [id]: result } }));
    return result;
  },
  async testDraft(draft) {
    try {
      return (await call('connections:test', { draft })).result;
    } catch (err) {
      return failed(err);
    }
  },
  async save(draft) {
    const { connection } = await call('connections:save', draft);
    set((s) => {
      const tests = { ...s.tests };
      delete tests[connection.id];
      return { tests, dialog: null };
    });
    // Its settings changed: the last listing says nothing about them.
    useTablesStore.getState().forget(connection.id);
    await get().load();
    get().select(connection.id);
    return connection;
  },
  async remove(id) {
    await call('connections:remove', { id });
    if (get().selectedId === id) get().select('sandbox');
    await get().load();
  },
  openDialog(dialog) {
    set({ dialog });
  },
  closeDialog() {
    set({ dialog: null });
  },
  mfaPrompted(prompt) {
    set((s) =>
      s.mfaPrompts.some((p) => p.promptId === prompt.promptId)
        ? s
        : { mfaPrompts: [...s.mfaPrompts, prompt] },
    );
  },
  mfaSettled(promptId) {
    set((s) => ({ mfaPrompts: s.mfaPrompts.filter((p) => p.promptId !== promptId) }));
  },
  async answerMfa(promptId, code) {
    await call('connections:mfaAnswer', { promptId, code });
    get().mfaSettled(promptId);
  },
  async cancelMfa(promptId) {
    get().mfaSettled(promptId);
    await call('connections:mfaAnswer', { promptId, cancel: true });
  },
}));

export const selectConnections = (s: ConnectionState) => s.connections;
export const selectProfiles = (s: ConnectionState) => s.profiles;
export const selectSelectedConnection = (s: ConnectionState) => s.selectedId;
export const selectSelectedInfo = (s: ConnectionState) =>
  s.connections.find((c) => c.id === s.selectedId);
export const selectSandbox = (s: ConnectionState) => s.sandbox;
export const selectNotice = (s: ConnectionState) => s.notice;
export const selectDialog = (s: ConnectionState) => s.dialog;
export const selectMfaPrompt = (s: ConnectionState) => s.mfaPrompts[0];
export const selectSelectedTest = (s: ConnectionState) => s.tests[s.selectedId];

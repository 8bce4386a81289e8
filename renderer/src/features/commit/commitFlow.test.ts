import { beforeEach, describe, expect, it, vi } from 'vitest';
import { changeId } from '../../../../shared/changes/types';
import type { StagedChange } from '../../../../shared/changes/types';
import type { CommitProgressEvent, CommitReportWire } from '../../../../shared/contract/commit';
import type { StagingEntry } from '../../../../shared/contract/staging';
import type { Item, KeySchema } from '../../../../shared/dynamo/types';
import type * as ClientModule from '../../api/client';

// Inputs are read back loosely: the test checks the fields it cares about.
type Input = Record<string, any>;
type Handler = (input: Input) => unknown;
const handlers: Record<string, Handler> = {};
const calls: { channel: string; input: Input }[] = [];
let listener: ((e: CommitProgressEvent) => void) | null = null;
let backend: Record<string, StagedChange> = {};
let revision = 0;
/** While set, staging:apply waits for it (a slow disk); applyFails makes it fail (a full disk). */
let applyGate: Promise<void> | null = null;
let applyFails = false;

vi.mock('../../api/client', async (importOriginal) => ({
  ...(await importOriginal<typeof ClientModule>()),
  call: vi.fn(async (channel: string, input: Input) => {
    calls.push({ channel, input });
    if (channel === 'staging:apply') {
      if (applyGate) await applyGate;
      if (applyFails) throw new Error('disk full');
      const { fromDelta } = await import('../../../../shared/changes/wire');
      for (const e of input.entries as StagingEntry[]) {
        const change = e.change ?? (e.update && fromDelta(e.update));
        if (change) backend[e.id] = change;
        else delete backend[e.id];
      }
      return { saved: input.entries.length, tables: 1, revision: ++revision };
    }
    if (channel === 'staging:load') {
      return {
        entries: Object.entries(backend).map(([id, change]) => ({ id, change })),
        problems: [],
        revision,
      };
    }
    const h = handlers[channel];
    if (!h) throw new Error(`unexpected ${channel}`);
    return h(input);
  }),
  onEvent: vi.fn((_type: string, l: (e: CommitProgressEvent) => void) => {
    listener = l;
    return () => {
      listener = null;
    };
  }),
}));

const { commitActions } = await import('./commitFlow');
const { conflictHeadline } = await import('./commitModel');
const { useCommitStore } = await import('../../stores/commitStore');
const { stagingActions, useStagingStore } = await import('../../stores/stagingStore');
const { useItemsStore, slotKey } = await import('../../stores/itemsStore');

const schema: KeySchema = { partitionKey: { name: 'id', type: 'S' } };
const side = { connectionId: 'c', table: 'T', keySchema: schema };
const item = (id: string, v = '1'): Item => ({ id: { S: id }, v: { N: v } });
const idOf = (id: string) => changeId('c', 'T', item(id), schema);

function report(patch: Partial<CommitReportWire>): CommitReportWire {
  return {
    commitId: 'x',
    status: 'done',
    conflicts: [],
    unchecked: [],
    outcomes: {},
    resent: [],
    counters: {
      total: 0,
      written: 0,
      failed: 0,
      canceled: 0,
      requests: 0,
      rounds: 0,
      retriedOps: 0,
      unprocessed: 0,
      throttledCalls: 0,
      consumedCapacity: 0,
      seconds: 0,
      itemsPerSecond: 0,
    },
    readBackMismatches: [],
    refreshed: [],
    ...patch,
  };
}

function progress(commitId: string, patch: Partial<CommitProgressEvent>): CommitProgressEvent {
  return {
    type: 'commit:progress',
    commitId,
    phase: 'writing',
    total: 3,
    done: 0,
    failed: 0,
    retrying: 0,
    canceled: 0,
    requests: 0,
    rounds: 0,
    consumedCapacity: 0,
    itemsPerSecond: 0,
    concurrency: 4,
    ...patch,
  };
}

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** Stages updates of loaded items a, b, c and loads them into the grid (their save in flight). */
function stageThreeNow() {
  useItemsStore
    .getState()
    .replace({ connectionId: 'c', table: 'T' }, schema, 'Scan', [item('a'), item('b'), item('c')]);
  for (const id of ['a', 'b', 'c']) {
    stagingActions.stage(
      {
        type: 'replaceItem',
        target: { connectionId: 'c', table: 'T', key: item(id), original: item(id) },
        item: item(id, '2'),
      },
      [side],
    );
  }
}

/** The same, once saved. */
async function stageThree() {
  stageThreeNow();
  await stagingActions.saved();
}

const gridIds = () =>
  useItemsStore
    .getState()
    .slots[slotKey({ connectionId: 'c', table: 'T' })]!.items.map((i) => i.id!);

describe('commit flow', () => {
  beforeEach(async () => {
    applyGate = null;
    applyFails = false;
    stagingActions.retrySave();
    await stagingActions.saved();
    stagingActions.replaceFromBackend({ entries: [], revision });
    backend = {};
    calls.length = 0;
    useCommitStore.setState({
      run: null,
      last: null,
      conflicts: null,
      error: null,
      interrupted: [],
    });
  });

  it('shows live figures, then reloads staging from the backend and refreshes the grid rows', async () => {
    await stageThree();
    const answer = deferred<CommitReportWire>();
    handlers['commit:start'] = () => answer.promise;
    const done = commitActions.start({ connectionId: 'c' });
    await vi.waitFor(() => expect(calls.some((c) => c.channel === 'commit:start')).toBe(true));
    const input = calls.find((c) => c.channel === 'commit:start')!.input;
    expect(input).toMatchObject({
      connectionId: 'c',
      options: { mode: 'guarded', driftCheck: true, concurrency: 4 },
    });
    expect(input.commitId).toMatch(/^[A-Za-z0-9-]{1,64}$/);

    listener!(progress(input.commitId, { done: 2, retrying: 1, requests: 3 }));
    expect(useCommitStore.getState().run?.progress?.done).toBe(2);
    expect(useCommitStore.getState().labels[idOf('a')]).toBe('T · id=a');

    // The backend settled staging: a and b written (b deleted on the server side), c failed.
    backend = { [idOf('c')]: { ...backend[idOf('c')]!, error: 'Item too big' } };
    answer.resolve(
      report({
        outcomes: {
          [idOf('a')]: { status: 'written' },
          [idOf('b')]: { status: 'written' },
          [idOf('c')]: { status: 'failed', reason: 'Item too big' },
        },
        refreshed: [
          { id: idOf('a'), table: 'T', key: { id: { S: 'a' } }, item: item('a', '2') },
          { id: idOf('b'), table: 'T', key: { id: { S: 'b' } }, item: null },
        ],
      }),
    );
    await done;
    const s = useCommitStore.getState();
    expect(s.run).toBeNull();
    expect(s.last?.report.outcomes[idOf('c')]).toEqual({
      status: 'failed',
      reason: 'Item too big',
    });
    expect([...useStagingStore.getState().staging.changes.keys()]).toEqual([idOf('c')]);
    expect(useStagingStore.getState().staging.changes.get(idOf('c'))?.error).toBe('Item too big');
    expect(useStagingStore.getState().history.past).toEqual([]);
    expect(gridIds()).toEqual([{ S: 'a' }, { S: 'c' }]);
    expect(
      useItemsStore.getState().slots[slotKey({ connectionId: 'c', table: 'T' })]!.items[0]!.v,
    ).toEqual({ N: '2' });

    // Retry failed sends exactly the failed ids.
    handlers['commit:start'] = () => report({});
    await commitActions.retryFailed();
    expect(calls.filter((c) => c.channel === 'commit:start').at(-1)!.input.changeIds).toEqual([
      idOf('c'),
    ]);
  });

  it('commit waits for the save and sends the plan id of what was reviewed with its revision', async () => {
    const gate = deferred<void>();
    applyGate = gate.promise;
    stageThreeNow();
    handlers['commit:start'] = () => report({});
    const done = commitActions.start({ connectionId: 'c' });
    await new Promise((r) => setTimeout(r, 20));
    expect(calls.some((c) => c.channel === 'commit:start')).toBe(false);
    gate.resolve();
    await done;
    const input = calls.find((c) => c.channel === 'commit:start')!.input;
    const { planIdentity } = await import('../../../../shared/plan/planId');
    const saved = new Map(Object.entries(backend));
    const expected = planIdentity(saved, { connectionId: 'c', options: input.options });
    expect(input.reviewed).toEqual({
      planId: expected.id,
      operations: 3,
      stagingRevision: revision,
    });
  });

  it('a failed save refuses the commit: nothing is sent, the error says so', async () => {
    applyFails = true;
    stageThreeNow();
    await expect(stagingActions.saved()).rejects.toThrow(/disk full/);
    handlers['commit:start'] = () => report({});
    await commitActions.start({ connectionId: 'c' });
    expect(calls.some((c) => c.channel === 'commit:start')).toBe(false);
    expect(useCommitStore.getState().error).toMatch(/3 staged changes are not saved yet \(disk full\)/);
    applyFails = false;
  });

  it('sends the chosen write mode as options.mode', async () => {
    await stageThree();
    handlers['commit:start'] = () => report({});
    commitActions.setOptions({ mode: 'batch' });
    try {
      await commitActions.start({ connectionId: 'c' });
    } finally {
      commitActions.resetOptions();
    }
    const input = calls.find((c) => c.channel === 'commit:start')!.input;
    expect(input.options).toMatchObject({ mode: 'batch' });
  });

  it('asks the backend to cancel again once writing starts when Cancel came during the drift check', async () => {
    await stageThree();
    const answer = deferred<CommitReportWire>();
    handlers['commit:start'] = () => answer.promise;
    const cancels: boolean[] = [];
    handlers['commit:cancel'] = () => {
      cancels.push(true);
      return { canceled: cancels.length > 1 };
    };
    const done = commitActions.start({ connectionId: 'c' });
    await vi.waitFor(() => expect(calls.some((c) => c.channel === 'commit:start')).toBe(true));
    const { commitId } = calls.find((c) => c.channel === 'commit:start')!.input;
    listener!(progress(commitId, { phase: 'drift' }));
    await commitActions.cancel();
    expect(useCommitStore.getState().run).toMatchObject({
      cancelRequested: true,
      cancelSent: false,
    });
    listener!(progress(commitId, { phase: 'writing', done: 1 }));
    await vi.waitFor(() => expect(useCommitStore.getState().run?.cancelSent).toBe(true));
    expect(calls.filter((c) => c.channel === 'commit:cancel').map((c) => c.input)).toEqual([
      { commitId },
      { commitId },
    ]);
    answer.resolve(report({}));
    await done;
  });

  it('keeps conflicts for the user; reload un-stages and refreshes the row, the rest goes back with resolutions', async () => {
    await stageThree();
    const server = item('b', '9');
    handlers['commit:start'] = () =>
      report({
        status: 'conflicts',
        conflicts: [
          {
            id: idOf('a'),
            table: 'T',
            key: { id: { S: 'a' } },
            expected: item('a'),
            server: item('a', '7'),
          },
          { id: idOf('b'), table: 'T', key: { id: { S: 'b' } }, expected: item('b'), server },
        ],
      });
    await commitActions.start({ connectionId: 'c' });
    expect(useCommitStore.getState().conflicts?.list).toHaveLength(2);
    expect(calls.some((c) => c.channel === 'staging:load')).toBe(false);

    commitActions.choose(idOf('a'), 'skip');
    commitActions.choose(idOf('b'), 'reload');
    handlers['commit:start'] = () =>
      report({ outcomes: { [idOf('a')]: { status: 'skipped', reason: 'Skipped' } } });
    await commitActions.applyChoices();
    const last = calls.filter((c) => c.channel === 'commit:start').at(-1)!.input;
    expect(last.resolutions).toEqual({ [idOf('a')]: 'skip' });
    // b was un-staged (saved before the commit call) and its row shows the server image.
    expect(backend[idOf('b')]).toBeUndefined();
    expect([...useStagingStore.getState().staging.changes.keys()].sort()).toEqual(
      [idOf('a'), idOf('c')].sort(),
    );
    const slot = useItemsStore.getState().slots[slotKey({ connectionId: 'c', table: 'T' })]!;
    expect(slot.items[1]).toEqual(server);
    expect(useCommitStore.getState().conflicts).toBeNull();
  });

  it('offers interrupted commits and resumes one with the report shown like any commit', async () => {
    handlers['commit:pending'] = () => ({
      commits: [
        {
          commitId: 'k-1',
          connectionId: 'c',
          createdAt: '2024-01-01T00:00:00Z',
          total: 10,
          written: 4,
          pending: 6,
        },
      ],
    });
    handlers['commit:resume'] = () =>
      report({ resent: ['r1'], counters: { ...report({}).counters, written: 6, total: 6 } });
    await commitActions.checkPending();
    expect(useCommitStore.getState().interrupted).toHaveLength(1);
    await commitActions.resume('k-1');
    const s = useCommitStore.getState();
    expect(s.interrupted).toEqual([]);
    expect(s.last).toMatchObject({ kind: 'resume', alreadyWritten: 4 });
    expect(calls.find((c) => c.channel === 'commit:resume')!.input.commitId).toBe('k-1');
  });

  describe('the conflict list says what the rest of the commit did', () => {
    const conflict = (id: string) => ({
      id: idOf(id),
      table: 'T',
      key: { id: { S: id } },
      expected: item(id),
      server: item(id, '7'),
    });
    const headline = () => conflictHeadline(useCommitStore.getState().conflicts!);

    it('an Atomic commit: one transaction written, the conflicted one not, its other change with it', async () => {
      await stageThree();
      handlers['commit:start'] = () =>
        report({
          status: 'done',
          conflicts: [conflict('b')],
          outcomes: {
            [idOf('a')]: { status: 'written' },
            [idOf('b')]: { status: 'conflict', reason: 'ConditionalCheckFailed' },
            [idOf('c')]: { status: 'failed', reason: 'Not written: b of its transaction failed' },
          },
          counters: { ...report({}).counters, total: 3, written: 1, failed: 1 },
        });
      await commitActions.start({ connectionId: 'c' });
      expect(headline()).toBe(
        '1 item changed on the server. These were not written, nor was 1 other change (see the report); 1 change was written.',
      );
    });

    it('a resumed commit whose earlier run wrote changes does not say that nothing was written', async () => {
      handlers['commit:pending'] = () => ({
        commits: [{ commitId: 'k-2', connectionId: 'c', createdAt: '2024-01-01T00:00:00Z', total: 5, written: 4, pending: 1 }],
      });
      handlers['commit:resume'] = () =>
        report({
          status: 'done',
          conflicts: [conflict('a')],
          outcomes: { [idOf('a')]: { status: 'conflict', reason: 'ConditionalCheckFailed' } },
          counters: { ...report({}).counters, total: 1 },
        });
      await commitActions.checkPending();
      await commitActions.resume('k-2');
      expect(headline()).toBe('1 item changed on the server. These were not written; the rest of the commit was.');
    });

    it('conflicts found before writing: nothing was written', async () => {
      await stageThree();
      handlers['commit:start'] = () => report({ status: 'conflicts', conflicts: [conflict('a'), conflict('b')] });
      await commitActions.start({ connectionId: 'c' });
      expect(headline()).toBe('2 items changed on the server. Nothing was written.');
    });
  });
});

import { describe, expect, it } from 'vitest';
import type { Item } from '../dynamo/types';
import { stageStep, emptyHistory, MAX_HISTORY_STEPS, redo, undo } from './history';
import type { History } from './history';
import { idOf, row, schemas, target } from './testItems';
import { emptyStaging } from './types';
import type { Edit, StagingState } from './types';

const set = (item: Item, name: string, S: string): Edit => ({
  type: 'setAttribute',
  target: target(item),
  name,
  value: { S },
});

describe('history', () => {
  const a = row('a', '1', { name: { S: 'Ann' } });
  const b = row('b', '1', { name: { S: 'Bob' } });

  it('undoes and redoes steps in order', () => {
    let s: StagingState = emptyStaging;
    let h: History = emptyHistory;
    ({ state: s, history: h } = stageStep(s, h, set(a, 'name', 'A1'), schemas));
    const afterOne = s;
    ({ state: s, history: h } = stageStep(s, h, set(b, 'name', 'B1'), schemas));
    ({ state: s, history: h } = stageStep(s, h, set(a, 'name', 'A2'), schemas));
    const afterThree = s;
    expect(h.past).toHaveLength(3);

    ({ state: s, history: h } = undo(s, h));
    expect(s.changes.get(idOf(a))).toBe(afterOne.changes.get(idOf(a)));
    ({ state: s, history: h } = undo(s, h));
    expect(s.changes).toEqual(afterOne.changes);
    ({ state: s, history: h } = undo(s, h));
    expect(s.changes).toEqual(new Map());
    expect(h).toMatchObject({ past: [], future: { length: 3 } });
    expect(undo(s, h).state).toBe(s); // nothing left to undo

    ({ state: s, history: h } = redo(s, h));
    ({ state: s, history: h } = redo(s, h));
    ({ state: s, history: h } = redo(s, h));
    expect(s.changes).toEqual(afterThree.changes);
    expect(redo(s, h).history).toBe(h);
  });

  it('drops the redo list on a new step, and records no step for a no-op edit', () => {
    let { state: s, history: h } = stageStep(
      emptyStaging,
      emptyHistory,
      set(a, 'name', 'A1'),
      schemas,
    );
    ({ state: s, history: h } = undo(s, h));
    const noop = stageStep(s, h, { type: 'revertAll' }, schemas);
    expect(noop.history).toBe(h);
    const next = stageStep(s, h, set(b, 'name', 'B1'), schemas);
    expect(next.history.future).toEqual([]);
    expect(next.history.past).toHaveLength(1);
  });

  it('undoes a key change (delete + put) in one step', () => {
    const { state, history } = stageStep(
      emptyStaging,
      emptyHistory,
      { type: 'setAttribute', target: target(a), name: 'pk', value: { S: 'z' } },
      schemas,
    );
    expect([...state.changes.keys()]).toHaveLength(2);
    expect(undo(state, history).state.changes).toEqual(new Map());
  });

  it(`keeps at most ${MAX_HISTORY_STEPS} steps`, () => {
    let s: StagingState = emptyStaging;
    let h: History = emptyHistory;
    for (let i = 0; i < MAX_HISTORY_STEPS + 5; i++) {
      ({ state: s, history: h } = stageStep(s, h, set(a, 'name', `v${i}`), schemas));
    }
    expect(h.past).toHaveLength(MAX_HISTORY_STEPS);
  });

  it('bulk-edits 10,000 items next to 10,000 staged ones as one step that touches only them, and undoes it', () => {
    // 10,000 changes already staged elsewhere in the table, so every step copies a large record.
    const loaded: Item[] = Array.from({ length: 100_000 }, (_, i) =>
      row(`user#${i}`, String(i), { name: { S: `n${i}` }, score: { N: String(i * 3) } }),
    );
    const prior: Edit = {
      type: 'batch',
      edits: loaded.slice(50_000, 60_000).map((it) => set(it, 'name', 'old')),
    };
    let { state: s, history: h } = stageStep(emptyStaging, emptyHistory, prior, schemas);
    const bulk: Edit = {
      type: 'batch',
      edits: loaded.slice(0, 10_000).map((it) => ({
        type: 'setAttribute',
        target: target(it),
        name: 'status',
        value: { S: 'archived' },
      })),
    };
    ({ state: s, history: h } = stageStep(s, h, bulk, schemas));
    expect([...s.changes.keys()]).toHaveLength(20_000);
    expect(h.past.at(-1)?.entries).toHaveLength(10_000);
    const undone = undo(s, h);
    expect([...undone.state.changes.keys()]).toHaveLength(10_000);
    expect(undone.state.changes.get(idOf(loaded[0]!))).toBeUndefined();
    // How fast is bench:staging's to measure (no wall-clock limits in tests).
  });
});

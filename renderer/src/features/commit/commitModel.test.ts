import { describe, expect, it } from 'vitest';
import type { CommitReportWire } from '../../../../shared/contract/commit';
import type { StagedChange } from '../../../../shared/changes/types';
import type { OpenConflicts } from '../../stores/commitStore';
import {
  allChosen,
  chooseAll,
  conflictCase,
  failedIds,
  labelsOf,
  outcomeLists,
  progressShare,
  refreshesByTable,
  reloadsOf,
  resolutionsOf,
} from './commitModel';

const outcomes: CommitReportWire['outcomes'] = {
  a: { status: 'written' },
  b: { status: 'failed', reason: 'too big' },
  c: { status: 'canceled' },
  d: { status: 'skipped', reason: 'changed' },
  e: { status: 'superseded', by: 'a' },
  f: { status: 'held', reason: 'held: the copy to TicketArchive was not written: denied' },
  g: { status: 'paused', reason: 'paused: not authorized to write TicketArchive' },
};

describe('commit model', () => {
  it('sorts outcomes into failed with reasons, canceled and skipped', () => {
    const lists = outcomeLists({ outcomes } as CommitReportWire);
    expect(lists).toEqual({
      failed: [{ id: 'b', reason: 'too big' }],
      held: [{ id: 'f', reason: 'held: the copy to TicketArchive was not written: denied' }],
      paused: [{ id: 'g', reason: 'paused: not authorized to write TicketArchive' }],
      canceled: ['c'],
      skipped: [{ id: 'd', reason: 'changed' }],
      written: 2,
    });
    // A held delete is retried with its failed copy; a paused one waits for Resume.
    expect(failedIds({ outcomes } as CommitReportWire)).toEqual(['b', 'f']);
  });

  it('labels the staged changes of one connection', () => {
    const changes = new Map<string, StagedChange>([
      [
        'x',
        { kind: 'delete', connectionId: 'c', table: 'T', key: { id: { S: '1' } }, original: {} },
      ],
      [
        'y',
        {
          kind: 'delete',
          connectionId: 'other',
          table: 'T',
          key: { id: { S: '2' } },
          original: {},
        },
      ],
    ]);
    expect(labelsOf(changes, 'c')).toEqual({ x: 'T · id=1' });
    expect(labelsOf(changes, 'c', ['y'])).toEqual({});
  });

  it('groups refreshed rows by table', () => {
    const groups = refreshesByTable({
      refreshed: [
        { id: '1', table: 'A', key: { k: { S: '1' } }, item: { k: { S: '1' } } },
        { id: '2', table: 'B', key: { k: { S: '2' } }, item: null },
        { id: '3', table: 'A', key: { k: { S: '3' } }, item: null },
      ],
    });
    expect([...groups.keys()]).toEqual(['A', 'B']);
    expect(groups.get('A')?.map((r) => r.item === null)).toEqual([false, true]);
  });

  it('turns choices into resolutions; reloads are un-staged instead', () => {
    const open: OpenConflicts = {
      request: { connectionId: 'c' },
      list: ['p', 'q', 'r'].map((id) => ({ id, table: 'T', key: {}, expected: {}, server: null })),
      unchecked: [],
      choices: { p: 'overwrite', q: 'reload' },
    };
    expect(allChosen(open)).toBe(false);
    expect(resolutionsOf(open)).toEqual({ p: 'overwrite' });
    expect(reloadsOf(open).map((c) => c.id)).toEqual(['q']);
    expect(allChosen({ ...open, choices: chooseAll(open, 'skip') })).toBe(true);
  });

  it('names what happened on the server and measures progress', () => {
    expect(conflictCase({ expected: {}, server: null })).toMatch(/Deleted/);
    expect(conflictCase({ expected: null, server: {} })).toMatch(/Created/);
    expect(conflictCase({ expected: {}, server: {} })).toMatch(/Changed/);
    const p = { total: 10, done: 4, failed: 1, canceled: 0 } as never;
    expect(progressShare({ progress: p })).toBe(0.5);
    expect(progressShare({ progress: null })).toBe(0);
  });
});

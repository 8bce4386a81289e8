import { describe, expect, it } from 'vitest';
import { applyPatch, StepDraft } from './stepDraft';
import type { StagedChange } from './types';

const change = (n: string): StagedChange => ({
  kind: 'delete',
  connectionId: 'c',
  table: 'T',
  key: { id: { S: n } },
  original: { id: { S: n } },
});

describe('StepDraft', () => {
  it('lists each touched id once, with its value before and after the step', () => {
    const a = change('a');
    const b = change('b');
    const base = new Map([['a', a]]);
    const d = new StepDraft(base);
    const a2 = change('a2');
    const n1 = change('n1');
    const n2 = change('n2');
    d.set('a', a2);
    d.set('a', undefined);
    d.set('n', n1);
    d.set('n', undefined); // a new id that leaves again...
    d.set('n', n2); // ...and comes back: listed once
    d.set('gone', b);
    d.set('gone', undefined); // new and gone again: nothing to list
    const { changes, patch } = d.finish();
    expect(base).toEqual(new Map([['a', a]])); // the base is left alone
    expect([...changes]).toEqual([['n', n2]]);
    expect(patch.entries).toEqual([
      { id: 'a', before: a },
      { id: 'n', after: n2 },
    ]);
    expect(applyPatch(changes, patch, 'undo')).toEqual(base);
    expect(applyPatch(base, patch, 'redo')).toEqual(changes);
  });

  it('gives the base back, and an empty patch, when the step changed nothing', () => {
    const a = change('a');
    const base = new Map([['a', a]]);
    const d = new StepDraft(base);
    d.set('a', change('x'));
    d.set('a', a);
    const { changes, patch } = d.finish();
    expect(changes).toBe(base);
    expect(patch.entries).toEqual([]);
  });
});

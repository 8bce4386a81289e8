import { describe, expect, it } from 'vitest';
import { diffItem, inlineDiff } from './diff';

describe('diffItem', () => {
  it('lists removed, changed and added attributes, leaving equal ones out', () => {
    const d = diffItem(
      {
        pk: { S: 'a' },
        name: { S: 'Ann' },
        qty: { N: '1' },
        old: { BOOL: true },
        tags: { SS: ['x', 'y'] },
      },
      {
        pk: { S: 'a' },
        name: { S: 'Anna' },
        qty: { S: '1' },
        tags: { SS: ['y', 'x'] },
        added: { NULL: true },
      },
    );
    expect(d).toEqual([
      {
        name: 'name',
        kind: 'changed',
        before: { S: 'Ann' },
        after: { S: 'Anna' },
        typeChanged: false,
      },
      { name: 'qty', kind: 'changed', before: { N: '1' }, after: { S: '1' }, typeChanged: true },
      { name: 'old', kind: 'removed', before: { BOOL: true } },
      { name: 'added', kind: 'added', after: { NULL: true } },
    ]);
  });

  it('treats a missing side as an empty item', () => {
    expect(diffItem(undefined, { a: { S: 'x' } })).toEqual([
      { name: 'a', kind: 'added', after: { S: 'x' } },
    ]);
    expect(diffItem({ a: { S: 'x' } }, undefined)).toEqual([
      { name: 'a', kind: 'removed', before: { S: 'x' } },
    ]);
    expect(diffItem(undefined, undefined)).toEqual([]);
  });

  it('compares numbers as stored and nested values deeply', () => {
    expect(diffItem({ n: { N: '1' } }, { n: { N: '1.0' } })).toHaveLength(1);
    const m = { M: { l: { L: [{ N: '1' }, { M: { x: { S: 'y' } } }] } } };
    expect(diffItem({ m }, { m: structuredClone(m) })).toEqual([]);
  });
});

describe('inlineDiff', () => {
  it('splits around the changed middle', () => {
    expect(inlineDiff('The quick brown fox', 'The quick red fox')).toEqual({
      prefix: 'The quick ',
      removed: 'brown',
      added: 'red',
      suffix: ' fox',
    });
  });

  it('handles insertions, deletions, equal and empty strings', () => {
    expect(inlineDiff('abc', 'abXc')).toEqual({
      prefix: 'ab',
      removed: '',
      added: 'X',
      suffix: 'c',
    });
    expect(inlineDiff('aaa', 'aa')).toEqual({ prefix: 'aa', removed: 'a', added: '', suffix: '' });
    expect(inlineDiff('same', 'same')).toEqual({
      prefix: 'same',
      removed: '',
      added: '',
      suffix: '',
    });
    expect(inlineDiff('', 'new')).toEqual({ prefix: '', removed: '', added: 'new', suffix: '' });
  });

  it('never splits a surrogate pair', () => {
    // 😀 (D83D DE00) and 😁 (D83D DE01) share their high surrogate.
    const d = inlineDiff('a😀b', 'a😁b');
    expect(d).toEqual({ prefix: 'a', removed: '😀', added: '😁', suffix: 'b' });
    const e = inlineDiff('x😀', 'y😀');
    expect(e).toEqual({ prefix: '', removed: 'x', added: 'y', suffix: '😀' });
  });
});

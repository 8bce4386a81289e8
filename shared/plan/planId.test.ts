import { describe, expect, it } from 'vitest';
import type { StagedChange } from '../changes/types';
import { canonical, PlanHasher } from './planHash';
import { planIdentity, type PlanScope } from './planId';

const conn = 'c1';
const orig = { id: { S: 'a' }, n: { N: '1' }, tags: { SS: ['x', 'y'] } };
const base = (): Map<string, StagedChange> =>
  new Map<string, StagedChange>([
    ['u1', { connectionId: conn, table: 'T', kind: 'update', key: { id: { S: 'a' } }, original: orig, item: { ...orig, n: { N: '2' } } }],
    ['p1', { connectionId: conn, table: 'T', kind: 'put', key: { id: { S: 'b' } }, item: { id: { S: 'b' } } }],
    ['d1', { connectionId: conn, table: 'U', kind: 'delete', key: { id: { S: 'c' } }, original: { id: { S: 'c' } }, after: 'p1' }],
    ['o1', { connectionId: 'other', table: 'T', kind: 'put', key: { id: { S: 'z' } }, item: { id: { S: 'z' } } }],
  ]);
const scope: PlanScope = { connectionId: conn };
const idOf = (changes: Map<string, StagedChange>, s: PlanScope = scope) => planIdentity(changes, s).id;

describe('planIdentity', () => {
  it('gives the same id for the same plan, whatever the order of changes or attributes', () => {
    const a = base();
    const reordered = new Map([...base()].reverse());
    const u = reordered.get('u1') as Extract<StagedChange, { kind: 'update' }>;
    reordered.set('u1', { ...u, item: { tags: u.item.tags!, n: u.item.n!, id: u.item.id! } });
    expect(idOf(reordered)).toBe(idOf(a));
    expect(planIdentity(a, scope)).toMatchObject({ operations: 3, id: expect.stringMatching(/^p[0-9a-f]{32}$/) });
  });

  it('ignores changes of other connections and outside changeIds, and the error note', () => {
    const a = base();
    const b = base();
    b.set('o1', { ...(b.get('o1') as StagedChange), table: 'V' });
    b.set('p1', { ...(b.get('p1') as StagedChange), error: 'failed last time' });
    expect(idOf(b)).toBe(idOf(a));
    expect(idOf(a, { connectionId: conn, changeIds: ['u1'] })).not.toBe(idOf(a));
    expect(planIdentity(a, { connectionId: conn, changeIds: ['u1', 'gone'] }).operations).toBe(1);
  });

  it('changes with any operation: one more, one fewer, a value, a kind, a link, a base image', () => {
    const ref = idOf(base());
    const variants: ((m: Map<string, StagedChange>) => void)[] = [
      (m) => m.set('p2', { connectionId: conn, table: 'T', kind: 'put', key: { id: { S: 'q' } }, item: { id: { S: 'q' } } }),
      (m) => m.delete('p1'),
      (m) => m.set('p1', { connectionId: conn, table: 'T', kind: 'put', key: { id: { S: 'b' } }, item: { id: { S: 'b' }, x: { N: '1' } } }),
      (m) => m.set('p1', { connectionId: conn, table: 'U', kind: 'put', key: { id: { S: 'b' } }, item: { id: { S: 'b' } } }),
      (m) => m.set('d1', { ...(m.get('d1') as Extract<StagedChange, { kind: 'delete' }>), after: undefined }),
      (m) => m.set('u1', { ...(m.get('u1') as Extract<StagedChange, { kind: 'update' }>), original: { ...orig, n: { N: '9' } } }),
      (m) => m.set('u1', { connectionId: conn, table: 'T', kind: 'put', key: { id: { S: 'a' } }, item: { ...orig, n: { N: '2' } } }),
      (m) => m.set('u1', { ...(m.get('u1') as Extract<StagedChange, { kind: 'update' }>), item: { ...orig, n: { S: '2' } } }),
    ];
    const ids = variants.map((change) => {
      const m = base();
      change(m);
      return idOf(m);
    });
    for (const id of ids) expect(id).not.toBe(ref);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('changes with the mode and every option that changes the plan', () => {
    const m = base();
    const ids = [
      idOf(m),
      idOf(m, { ...scope, options: { mode: 'batch' } }),
      idOf(m, { ...scope, options: { mode: 'atomic' } }),
      idOf(m, { ...scope, options: { mode: 'atomic', atomicScope: 'all' } }),
      idOf(m, { ...scope, options: { mode: 'atomic', conditionChecks: [{ table: 'T', key: { id: { S: 'k' } }, expect: 'exists' }] } }),
      idOf(m, { ...scope, options: { versionAttributes: { T: 'ver' } } }),
      idOf(m, { ...scope, resolutions: { u1: 'overwrite' } }),
      idOf(m, { ...scope, resolutions: { u1: 'skip' } }),
    ];
    expect(new Set(ids).size).toBe(ids.length);
    // guarded is the default mode; batch ignores version attributes (it writes none).
    expect(idOf(m, { ...scope, options: { mode: 'guarded' } })).toBe(ids[0]);
    expect(idOf(m, { ...scope, options: { mode: 'batch', versionAttributes: { T: 'v' } } })).toBe(ids[1]);
  });

  it('keeps an attribute named __proto__', () => {
    const withProto = (v: string): Map<string, StagedChange> => {
      const item = JSON.parse(`{"id":{"S":"b"},"__proto__":{"S":"${v}"}}`) as Record<string, { S: string }>;
      return new Map([['p1', { connectionId: conn, table: 'T', kind: 'put', key: { id: { S: 'b' } }, item }]]);
    };
    expect(idOf(withProto('one'))).not.toBe(idOf(withProto('two')));
    const nullProto = Object.assign(Object.create(null) as object, { ['__proto__']: 1 });
    Object.defineProperty(nullProto, '__proto__', { value: { S: 'one' }, enumerable: true });
    expect(canonical(nullProto)).toBe('{9"__proto__:{1"S:3"one,},}');
    // Length-prefixed strings: no value can pass for structure.
    expect(canonical({ a: 'x",b:"y' })).not.toBe(canonical({ a: 'x', b: 'y' }));
  });
});

describe('PlanHasher', () => {
  it('hashes pieces like the whole, and tells apart a prefix and one code unit', () => {
    const whole = new PlanHasher().update('abcdef').digest();
    expect(new PlanHasher().update('abc').update('def').digest()).toBe(whole);
    expect(new PlanHasher().update('abcde').digest()).not.toBe(whole);
    expect(new PlanHasher().update('abcdeg').digest()).not.toBe(whole);
    expect(whole).toMatch(/^[0-9a-f]{32}$/);
  });
});

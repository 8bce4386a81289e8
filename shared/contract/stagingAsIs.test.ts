import { describe, expect, test } from 'vitest';
import { stagedChangeSchema, stagingChannels, stagingEntrySchema, updateDeltaSchema, updateRefSchema } from './staging';
import { CHECKED_KEYS, stagingApplyAsIs } from './stagingAsIs';

const schema = stagingChannels['staging:apply'].input;

const key = { id: { S: 'A-1' } };
const item = { id: { S: 'A-1' }, n: { N: '1.50' }, tags: { SS: ['a'] }, m: { M: { b: { B: 'AQ==' } } } };
const at = { connectionId: 'local', table: 'Orders' };

/** One valid entry of every shape the schema knows. */
const SHAPES: Record<string, Record<string, unknown>> = {
  none: { id: 'i0', ...at },
  ref: { id: 'i1', ...at, updateRef: { key, page: 'p-1', index: 3, set: { n: { N: '2' } }, remove: ['old'] } },
  refError: { id: 'i2', ...at, updateRef: { key, error: 'x', page: 'p', index: 0, set: {}, remove: [] } },
  delta: { id: 'i3', ...at, update: { ...at, key, original: item, set: { n: { N: '3' } }, remove: [] } },
  put: { id: 'i4', ...at, change: { ...at, key, kind: 'put', item } },
  update: { id: 'i5', ...at, change: { ...at, key, kind: 'update', original: item, item } },
  delete: { id: 'i6', ...at, change: { ...at, key, kind: 'delete', original: item, after: 'i5' } },
  deleteError: { id: 'i7', ...at, change: { ...at, key, error: 'e', kind: 'delete', original: item } },
};

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/** Every object inside `v` (v included) with its path, for making one field wrong at a time. */
function objectsOf(v: unknown, path: string[] = []): [string[], Record<string, unknown>][] {
  if (typeof v !== 'object' || v === null) return [];
  const here: [string[], Record<string, unknown>][] = Array.isArray(v) ? [] : [[path, v as Record<string, unknown>]];
  for (const [k, x] of Object.entries(v)) here.push(...objectsOf(x, [...path, k]));
  return here;
}

const WRONG: unknown[] = [undefined, null, '', 'x\u0007y', 0, -1, 1.5, Number.NaN, true, [], {}, ['a', 1], { S: 1 }, { Q: 'a' }];

/** The agreement the fast path owes the schema: true only where the schema returns the input. */
function agrees(input: unknown): void {
  const fast = stagingApplyAsIs(input);
  const r = schema.safeParse(input);
  if (fast) {
    expect(r.success).toBe(true);
    expect(r.data).toEqual(input);
  }
}

describe('stagingApplyAsIs', () => {
  test('accepts every valid entry shape, and a save of all of them, as the schema does', () => {
    for (const [name, e] of Object.entries(SHAPES)) {
      const input = { entries: [clone(e)] };
      expect([name, stagingApplyAsIs(input)]).toEqual([name, true]);
      agrees(input);
    }
    const all = { entries: Object.values(SHAPES).map(clone) };
    expect(stagingApplyAsIs(all)).toBe(true);
    expect(schema.safeParse(all).data).toEqual(all);
  });

  test('every field made wrong, dropped or joined by an unknown key: never looser than the schema', () => {
    let refused = 0;
    let cases = 0;
    for (const e of Object.values(SHAPES)) {
      for (const [path] of objectsOf({ entries: [e] })) {
        const keys = Object.keys(path.reduce<any>((o, k) => o[k], { entries: [e] }) as object);
        const variants: ((o: Record<string, unknown>) => void)[] = [
          (o) => (o.extra = 1),
          (o) => Object.defineProperty(o, '__proto__', { value: {}, enumerable: true }),
          ...keys.flatMap((k) => [
            (o: Record<string, unknown>) => delete o[k],
            ...WRONG.map((w) => (o: Record<string, unknown>) => (o[k] = w)),
          ]),
        ];
        for (const change of variants) {
          const input = clone({ entries: [e] });
          change(path.reduce<any>((o, k) => o[k], input) as Record<string, unknown>);
          cases++;
          agrees(input);
          if (!stagingApplyAsIs(input)) refused++;
        }
      }
    }
    // The fast path is not vacuous: it refuses most of these and leaves them to the schema.
    expect(cases).toBeGreaterThan(1000);
    expect(refused).toBeGreaterThan(cases * 0.8);
  });

  test('two of change, update and updateRef, a bad item deep inside, or a non-list: refused', () => {
    const two = { ...clone(SHAPES.ref!), update: clone(SHAPES.delta!.update) };
    const deep = clone(SHAPES.put!);
    ((deep.change as { item: Record<string, unknown> }).item.m as { M: Record<string, unknown> }).M.b = { B: 7 };
    for (const input of [{ entries: [two] }, { entries: [deep] }, { entries: {} }, { entries: [null] }, [], null]) {
      expect(stagingApplyAsIs(input)).toBe(false);
      agrees(input);
    }
    // A sparse list (structured clone can make one): left to the schema.
    const sparse: unknown[] = [];
    sparse[1] = clone(SHAPES.none);
    expect(stagingApplyAsIs({ entries: sparse })).toBe(false);
  });

  test('an attribute named __proto__ inside an item passes as it came', () => {
    const input = JSON.parse(
      '{"entries":[{"id":"i","connectionId":"c","table":"t","updateRef":{"key":{"id":{"S":"1"}},"page":"p","index":0,"set":{"__proto__":{"S":"kept"}},"remove":[]}}]}',
    ) as { entries: { updateRef: { set: object } }[] };
    expect(stagingApplyAsIs(input)).toBe(true);
    expect(Object.keys(input.entries[0]!.updateRef.set)).toEqual(['__proto__']);
  });

  test('checks exactly the keys the schema has: a key added there must be checked here too', () => {
    const keys = (schema: unknown) => Object.keys((schema as { shape: object }).shape).sort();
    const sorted = (set: ReadonlySet<string>) => [...set].sort();
    expect(sorted(CHECKED_KEYS.entry)).toEqual(keys(stagingEntrySchema));
    expect(sorted(CHECKED_KEYS.updateRef)).toEqual(keys(updateRefSchema));
    expect(sorted(CHECKED_KEYS.update)).toEqual(keys(updateDeltaSchema));
    const options = (stagedChangeSchema as unknown as { options: { shape: { kind: { value: string } } }[] }).options;
    expect(options.map((o) => o.shape.kind.value).sort()).toEqual(Object.keys(CHECKED_KEYS.change).sort());
    for (const o of options) {
      expect(sorted(CHECKED_KEYS.change[o.shape.kind.value as keyof typeof CHECKED_KEYS.change])).toEqual(keys(o));
    }
  });
});

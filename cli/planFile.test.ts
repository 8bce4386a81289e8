import { describe, expect, it } from 'vitest';
import { changeFiles } from '../shared/changes/changeFile';
import type { StagedChange } from '../shared/changes/types';
import type { Item } from '../shared/dynamo/types';
import type { PlanInput } from '../shared/plan/types';
import { parseChanges } from './input';

const k = (id: string) => ({ ticketId: { S: id } });

describe('the review’s DynoStage plan file', () => {
  it('reads back in dynostage apply as the same puts, deletes and linked move', () => {
    const img = {
      ...k('T-3'),
      status: { S: 'resolved' },
      n: { N: '12345678901234567890123456789012345678' },
    };
    const changes = new Map<string, StagedChange>([
      [
        'a',
        {
          kind: 'put',
          connectionId: 'c',
          table: 'T',
          key: k('T-1'),
          item: { ...k('T-1'), s: { SS: ['x', 'y'] } },
        },
      ],
      ['b', { kind: 'delete', connectionId: 'c', table: 'T', key: k('T-2'), original: k('T-2') }],
      ['copy', { kind: 'put', connectionId: 'c', table: 'Archive', key: k('T-3'), item: img }],
      [
        'del',
        {
          kind: 'delete',
          connectionId: 'c',
          table: 'T',
          key: k('T-3'),
          original: img,
          after: 'copy',
        },
      ],
    ]);
    const [file] = changeFiles(changes, new Map([['del', 'copy']]));
    const ops = parseChanges(file!.text, 'dynostage-plan.jsonl');
    expect(ops).toEqual([
      { id: 'line 1', table: 'T', kind: 'put', item: { ...k('T-1'), s: { SS: ['x', 'y'] } } },
      { id: 'line 2', table: 'T', kind: 'delete', key: k('T-2') },
      { id: 'line 3 copy', table: 'Archive', kind: 'put', item: img },
      { id: 'line 3', table: 'T', kind: 'delete', key: img, after: 'line 3 copy' },
    ]);
  });

  it('carries the guarded mode: expect, version and overwrite, with every value intact', () => {
    const original = Object.assign(Object.create(null) as Record<string, unknown>, {
      ...k('T-9'),
      tags: { SS: ['a', 'b'] },
      blob: { B: 'AAEC/w==' },
      big: { N: '-0.000000000000000000000000000000000000012345' },
      nested: { M: { ns: { NS: ['1', '10'] }, bs: { BS: ['AQ=='] } } },
      v: { N: '7' },
    }) as Item;
    Object.defineProperty(original, '__proto__', { value: { S: 'kept' }, enumerable: true });
    const edited = Object.assign(Object.create(null) as Record<string, unknown>, original, {
      status: { S: 'done' },
    }) as Item;
    Object.defineProperty(edited, '__proto__', { value: { S: 'kept' }, enumerable: true });
    const changes = new Map<string, StagedChange>([
      [
        'u',
        { kind: 'update', connectionId: 'c', table: 'T', key: k('T-9'), original, item: edited },
      ],
      ['d', { kind: 'delete', connectionId: 'c', table: 'T', key: k('T-8'), original: k('T-8') }],
    ]);
    const [file] = changeFiles(changes, new Map(), {
      mode: 'guarded',
      versions: { T: 'v' },
      overwrite: new Set(['d']),
    });
    const ops = parseChanges(file!.text, 'dynostage-plan.jsonl');
    expect(ops).toEqual([
      {
        id: 'line 1',
        table: 'T',
        kind: 'put',
        item: edited,
        guard: { base: original, version: 'v' },
      },
      {
        id: 'line 2',
        table: 'T',
        kind: 'delete',
        key: k('T-8'),
        guard: { base: k('T-8'), version: 'v', overwrite: true },
      },
    ]);
    const put = ops[0] as Extract<PlanInput, { kind: 'put' }>;
    expect(Object.hasOwn(put.item, '__proto__')).toBe(true);
    expect(Object.hasOwn(put.guard!.base!, '__proto__')).toBe(true);
    expect(put.guard!.base!['__proto__']).toEqual({ S: 'kept' });
  });
});

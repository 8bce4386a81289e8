import { describe, expect, it } from 'vitest';
import { changeFiles } from './changeFile';
import type { StagedChange } from './types';

const t = (id: string) => ({ ticketId: { S: id } });

function changes(list: [string, StagedChange][]) {
  return new Map(list);
}

describe('changeFiles', () => {
  it('writes puts, updates (as puts) and deletes as JSON lines, per connection, in order', () => {
    const item = { ...t('T-1'), n: { N: '12345678901234567890123456789012345678' } };
    const files = changeFiles(
      changes([
        ['a', { kind: 'put', connectionId: 'c1', table: 'T', key: t('T-1'), item }],
        [
          'b',
          { kind: 'delete', connectionId: 'c2', table: 'T', key: t('T-2'), original: t('T-2') },
        ],
        [
          'c',
          {
            kind: 'update',
            connectionId: 'c1',
            table: 'T',
            key: t('T-3'),
            original: t('T-3'),
            item: { ...t('T-3'), s: { SS: ['x'] } },
          },
        ],
      ]),
      new Map(),
    );
    expect(files.map((f) => f.connectionId)).toEqual(['c1', 'c2']);
    expect(files[0]!.text.split('\n')).toEqual([
      JSON.stringify({ table: 'T', put: item }),
      JSON.stringify({ table: 'T', put: { ...t('T-3'), s: { SS: ['x'] } } }),
      '',
    ]);
    expect(files[1]!.text).toBe('{"table":"T","delete":{"ticketId":{"S":"T-2"}}}\n');
    expect(files[0]!.lines).toBe(2);
  });

  it('writes a move as one move line, and a re-keyed copy as its put and its delete', () => {
    const img = { ...t('T-1'), status: { S: 'resolved' } };
    const rekeyed = { archiveId: { S: 'A-1' }, status: { S: 'resolved' } };
    const files = changeFiles(
      changes([
        ['put1', { kind: 'put', connectionId: 'c', table: 'Archive', key: t('T-1'), item: img }],
        ['del1', { kind: 'delete', connectionId: 'c', table: 'T', key: t('T-1'), original: img }],
        ['put2', { kind: 'put', connectionId: 'c', table: 'A2', key: rekeyed, item: rekeyed }],
        ['del2', { kind: 'delete', connectionId: 'c', table: 'T', key: t('T-2'), original: img }],
      ]),
      new Map([
        ['del1', 'put1'],
        ['del2', 'put2'],
      ]),
    );
    expect(
      files[0]!.text
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as unknown),
    ).toEqual([
      { table: 'T', move: { to: 'Archive', item: img } },
      { table: 'A2', put: rekeyed },
      { table: 'T', delete: t('T-2') },
    ]);
  });

  it('keeps an attribute named __proto__', () => {
    const item = Object.assign(Object.create(null) as Record<string, unknown>, t('T-1'));
    Object.defineProperty(item, '__proto__', { value: { S: 'p' }, enumerable: true });
    const [f] = changeFiles(
      changes([
        ['a', { kind: 'put', connectionId: 'c', table: 'T', key: t('T-1'), item } as StagedChange],
      ]),
      new Map(),
    );
    expect(f!.text).toContain('"__proto__":{"S":"p"}');
  });

  describe("with the commit's write mode", () => {
    const original = { ...t('T-3'), status: { S: 'open' }, v: { N: '4' } };
    const edited = { ...original, status: { S: 'resolved' } };
    const list = changes([
      ['new', { kind: 'put', connectionId: 'c', table: 'T', key: t('T-1'), item: t('T-1') }],
      [
        'upd',
        { kind: 'update', connectionId: 'c', table: 'T', key: t('T-3'), original, item: edited },
      ],
      ['del', { kind: 'delete', connectionId: 'c', table: 'U', key: t('T-4'), original: t('T-4') }],
    ]);
    const parsed = (text: string) =>
      text
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as unknown);

    it('guarded: each update and delete carries its base image, version and overwrite', () => {
      const [f] = changeFiles(list, new Map(), {
        mode: 'guarded',
        versions: { T: 'v' },
        overwrite: new Set(['del']),
      });
      expect(parsed(f!.text)).toEqual([
        { table: 'T', put: t('T-1') },
        { table: 'T', put: edited, expect: original, version: 'v' },
        { table: 'U', delete: t('T-4'), expect: t('T-4'), overwrite: true },
      ]);
    });

    it('guarded: a move keeps its link and carries the base image of its delete', () => {
      const img = { ...t('T-5'), s: { S: 'x' } };
      const [f] = changeFiles(
        changes([
          ['p', { kind: 'put', connectionId: 'c', table: 'A', key: t('T-5'), item: img }],
          ['d', { kind: 'delete', connectionId: 'c', table: 'T', key: t('T-5'), original: img }],
        ]),
        new Map([['d', 'p']]),
        { mode: 'guarded' },
      );
      expect(parsed(f!.text)).toEqual([{ table: 'T', move: { to: 'A', item: img }, expect: img }]);
    });

    it('batch: the lines stay as they were, without expectations', () => {
      const [f] = changeFiles(list, new Map(), { mode: 'batch', versions: { T: 'v' } });
      expect(f!.text).not.toContain('expect');
      expect(parsed(f!.text)).toEqual([
        { table: 'T', put: t('T-1') },
        { table: 'T', put: edited },
        { table: 'U', delete: t('T-4') },
      ]);
    });
  });
});

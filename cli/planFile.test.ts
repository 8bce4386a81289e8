import { describe, expect, it } from 'vitest';
import { changeFiles } from '../shared/changes/changeFile';
import type { StagedChange } from '../shared/changes/types';
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
});

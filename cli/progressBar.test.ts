import { expect, test } from 'vitest';
import type { CommitProgress } from '../server/commitEngine/types';
import { formatProgress, ProgressBar } from './progressBar';
import { summaryText, type Summary } from './summary';

const progress: CommitProgress = {
  total: 1000,
  done: 450,
  failed: 2,
  retrying: 30,
  canceled: 0,
  requests: 25,
  rounds: 2,
  consumedCapacity: 450,
  itemsPerSecond: 1234.4,
  concurrency: 6,
  inFlight: 5,
};

test('the bar shows settled share, counts, rate, calls and concurrency', () => {
  expect(formatProgress(progress, 10)).toBe(
    '[#####-----]  45%  450/1000 written  2 failed  30 retrying  1234/s  25 calls  x6',
  );
});

test('the bar redraws one line and clears it at the end', () => {
  let out = '';
  const bar = new ProgressBar({ write: (s: string) => (out += s), columns: 40 });
  bar.update(progress);
  bar.done();
  expect(out).toBe(`\r${formatProgress(progress).slice(0, 39)}\x1b[K\r\x1b[K`);
});

test('the summary lists failures, held deletes, why it stopped and the resume command', () => {
  const s: Summary = {
    written: 8,
    failed: 1,
    held: 1,
    canceled: 3,
    paused: 0,
    conflicts: 0,
    conflicted: [],
    superseded: 0,
    requests: 4,
    rounds: 1,
    retried: 5,
    resent: 2,
    consumedCapacity: 8.5,
    seconds: 1.234,
    failures: [{ id: 'line 3', reason: 'ValidationException: bad' }],
    holds: [{ id: 'line 4', reason: 'held: the copy to Archive was not written: denied' }],
    stopped: 'no operation was written for 60 s (--time-budget)',
    journal: 'j.jsonl',
  };
  expect(summaryText(s)).toBe(
    [
      'written 8, failed 1, held 1, canceled 3',
      '4 requests, 1 retry rounds, 5 operations retried (2 resent after an unknown outcome)',
      'consumed 8.5 WCU in 1.23 s',
      'failed:',
      '  line 3: ValidationException: bad',
      'held (not deleted: the copy was not written; the item stays in its table):',
      '  line 4: held: the copy to Archive was not written: denied',
      'stopped: no operation was written for 60 s (--time-budget)',
      'resume with: dynostage apply --resume j.jsonl',
      '',
    ].join('\n'),
  );
});

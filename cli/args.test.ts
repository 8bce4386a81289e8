import { expect, test } from 'vitest';
import { parseCli, UsageError } from './args';

test('apply FILE with every option', () => {
  expect(
    parseCli([
      'apply',
      'changes.jsonl',
      '--endpoint',
      'http://127.0.0.1:8000',
      '--profile',
      'dev',
      '--region',
      'eu-west-1',
      '--concurrency',
      '2',
      '--max-rounds',
      '15',
      '--backoff-base',
      '5',
      '--backoff-cap',
      '500',
      '--journal',
      'j.jsonl',
      '--json',
    ]),
  ).toEqual({
    command: 'apply',
    files: ['changes.jsonl'],
    endpoint: 'http://127.0.0.1:8000',
    profile: 'dev',
    region: 'eu-west-1',
    concurrency: 2,
    maxRounds: 15,
    backoffBaseMs: 5,
    backoffCapMs: 500,
    journal: 'j.jsonl',
    json: true,
  });
});

test('--resume takes no FILE; help in every spelling', () => {
  expect(parseCli(['apply', '--resume', 'j.jsonl'])).toEqual({
    command: 'apply',
    files: [],
    resume: 'j.jsonl',
    json: false,
  });
  for (const argv of [[], ['--help'], ['help'], ['apply', '-h']]) {
    expect(parseCli(argv)).toEqual({ command: 'help' });
  }
});

test.each([
  [['apply'], /needs a FILE/],
  [['apply', 'f', '--resume', 'j'], /takes no FILE/],
  [['apply', '--resume', 'j', '--journal', 'k'], /drop --journal/],
  [['apply', 'f', '--concurrency', '0'], /--concurrency must be a whole number from 1 to 8/],
  [['apply', 'f', '--concurrency', 'two'], /not "two"/],
  [['apply', 'f', '--max-rounds', '-1'], /--max-rounds|argument/],
  [['apply', 'f', '--endpoint', 'localhost:8000'], /http\(s\) URL/],
  [['apply', 'f', '--bogus'], /Unknown option '--bogus'/],
  [['apply', 'f', '--out', 'd'], /--out goes with plan/],
  [['frobnicate'], /unknown command "frobnicate"/],
])('%j is a usage error', (argv, message) => {
  expect(() => parseCli(argv)).toThrow(UsageError);
  expect(() => parseCli(argv)).toThrow(message);
});

import { expect, test } from 'vitest';
import { UsageError } from './args';
import { parseChanges } from './input';

test('JSON lines: puts and deletes with line ids; blank lines skipped', () => {
  const text = [
    '{"table":"Users","put":{"id":{"S":"u1"},"n":{"N":"12345678901234567890123456789012345678"}}}',
    '',
    '{"table":"Users","delete":{"id":{"S":"u2"}}}',
  ].join('\n');
  expect(parseChanges(text, 'f.jsonl')).toEqual([
    {
      id: 'line 1',
      table: 'Users',
      kind: 'put',
      item: { id: { S: 'u1' }, n: { N: '12345678901234567890123456789012345678' } },
    },
    { id: 'line 3', table: 'Users', kind: 'delete', key: { id: { S: 'u2' } } },
  ]);
});

test('a single-line file is JSON lines, not request items', () => {
  expect(parseChanges('{"table":"T","put":{"id":{"S":"a"}}}\n', 'f')).toHaveLength(1);
});

test('AWS CLI request-items files, pretty-printed over several lines', () => {
  const text = JSON.stringify(
    {
      Users: [
        { PutRequest: { Item: { id: { S: 'a' }, b: { B: 'AQI=' } } } },
        { DeleteRequest: { Key: { id: { S: 'b' } } } },
      ],
    },
    null,
    2,
  );
  expect(parseChanges(text, 'r.json', 'r.json:')).toEqual([
    {
      id: 'r.json:Users[0]',
      table: 'Users',
      kind: 'put',
      item: { id: { S: 'a' }, b: { B: 'AQI=' } },
    },
    { id: 'r.json:Users[1]', table: 'Users', kind: 'delete', key: { id: { S: 'b' } } },
  ]);
});

test.each([
  ['{"table":"T","put":{"id":{"S":"a"}}}\nnot json', /f:2: not valid JSON/],
  ['{"put":{"id":{"S":"a"}}}', /f:1: expected \{"table"/],
  ['{"table":"T","put":{"id":{"S":"a"}},"delete":{"id":{"S":"a"}}}', /exactly one of/],
  ['{"table":"T","put":{"id":"plain"}}', /f:1: put is not a DynamoDB JSON item at id/],
  ['{"table":"T","put":{"n":{"N":5}}}', /at n/],
  ['{"T":[{"PutRequest":{"Item":{"id":{"Q":"x"}}}}]}', /T\[0\]: Item is not a DynamoDB JSON item/],
  ['{"T":[{"Nope":{}}]}', /expected \{"PutRequest"/],
  [
    '{"table":"T","put":{"id":{"S":"a"}},"expect":{"a":{"M":{"b":{"S":1}}}}}',
    /^f:1: "expect" is not a DynamoDB JSON item at a\.M\.b/,
  ],
  ['{"table":"T","delete":{"id":{"S":"a"}},"version":"v"}', /f:1: "version" needs "expect"/],
  ['{"table":"T","delete":{"id":{"S":"a"}},"overwrite":true}', /f:1: "overwrite" needs "expect"/],
  [
    '{"table":"T","delete":{"id":{"S":"a"}},"expect":{"id":{"S":"a"}},"version":""}',
    /f:1: "version" is the name of the version attribute/,
  ],
  [
    '{"table":"T","delete":{"id":{"S":"a"}},"expect":{"id":{"S":"a"}},"overwrite":"yes"}',
    /f:1: "overwrite" is true or false/,
  ],
])('%s is refused with its place', (text, message) => {
  expect(() => parseChanges(text, 'f')).toThrow(UsageError);
  expect(() => parseChanges(text, 'f')).toThrow(message);
});

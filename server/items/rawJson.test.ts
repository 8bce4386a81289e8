import { expect, test } from 'vitest';
import { topMembers } from './rawJson';

const bytes = (s: string) => new TextEncoder().encode(s);
const text = (b: Uint8Array, s: { start: number; end: number }) =>
  new TextDecoder().decode(b.subarray(s.start, s.end));

const valid = [
  '{}',
  ' { "a" : 1 } ',
  '{"Items":[],"Count":0}',
  '{"Items":[{"id":{"S":"x\\"y\\\\z\\/\\b\\f\\n\\r\\t\\u00e9\\uD83D\\uDE00"}}],"Count":1,"ScannedCount":1}',
  '{"n":[-0,0.5,1e3,-2.5E-7,123456789012345678901234567890,true,false,null,{},[],[[]],{"a":{"b":[1,{"c":null}]}}]}',
  '{"__proto__":{"S":"p"},"é":"ü€😀","":""}',
  '{"a":1,"a":2}',
];

test.each(valid)('finds each top-level member of %s as JSON.parse reads it', (s) => {
  const b = bytes(s);
  const spans = topMembers(b);
  const parsed = JSON.parse(s) as Record<string, unknown>;
  expect([...spans.keys()].sort()).toEqual(Object.keys(parsed).sort());
  for (const [name, span] of spans) {
    if (name === 'a' && s.includes('"a":2')) continue; // the first of a duplicate name: JSON.parse keeps the last
    expect(JSON.parse(text(b, span))).toEqual(parsed[name]);
  }
});

const invalid = [
  '',
  '{',
  '{"a"}',
  '{"a":}',
  '{"a":1,}',
  '{"a":[1,]}',
  '{"a":[1 2]}',
  '{a:1}',
  "{'a':1}",
  '{"a":01}',
  '{"a":1.}',
  '{"a":.5}',
  '{"a":1e}',
  '{"a":+1}',
  '{"a":tru}',
  '{"a":"\\x"}',
  '{"a":"\\u12G4"}',
  '{"a":"unterminated}',
  '{"a":"tab\there"}',
  '{"a":1} x',
  '{"a":1}{}',
  '{"a":NaN}',
];

test.each(invalid)('refuses %j as JSON.parse does', (s) => {
  expect(() => JSON.parse(s) as unknown).toThrow(SyntaxError);
  expect(() => topMembers(bytes(s))).toThrow(SyntaxError);
});

test('refuses a body that is JSON but not an object', () => {
  expect(() => topMembers(bytes('[]'))).toThrow(/not an object/);
  expect(() => topMembers(bytes('1'))).toThrow(/not an object/);
});

test('refuses nesting deeper than 512 levels', () => {
  const deep = `{"a":${'['.repeat(600)}${']'.repeat(600)}}`;
  expect(() => topMembers(bytes(deep))).toThrow(/nesting too deep/);
});

test('marks a value with a line break between its tokens (an SSE data line cannot hold one)', () => {
  const spans = topMembers(bytes('{"Items":[\n{"a":{"S":"x"}}\r\n],"Count":1}'));
  expect(spans.get('Items')?.newline).toBe(true);
  expect(spans.get('Count')?.newline).toBe(false);
  expect(topMembers(bytes('{"Items":[{"a":{"S":"line\\nbreak"}}]}')).get('Items')?.newline).toBe(false);
});

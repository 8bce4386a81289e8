import { describe, expect, it } from 'vitest';
import { dynamoJsonText, parseDynamoJsonText } from './dynamoJson';
import type { Item } from './types';

const item: Item = {
  pk: { S: 'a' },
  n: { N: '12345678901234567890123456789012345678' },
  b: { B: 'AQ==' },
  flag: { BOOL: false },
  nil: { NULL: true },
  m: { M: { inner: { L: [{ N: '1' }, { SS: ['x', 'y'] }] } } },
  ns: { NS: ['1', '2'] },
  bs: { BS: ['AQ=='] },
};

function errorOf(text: string) {
  const r = parseDynamoJsonText(text);
  if (r.ok) throw new Error('expected an error');
  return r.error;
}

describe('dynamoJsonText / parseDynamoJsonText', () => {
  it('round-trips an item with exact numbers', () => {
    const text = dynamoJsonText(item);
    expect(text).toContain('\n  "n": {\n    "N": "12345678901234567890123456789012345678"\n  }');
    expect(parseDynamoJsonText(text)).toEqual({ ok: true, item });
  });

  it('accepts bare number literals for N and NS, keeping their digits', () => {
    const r = parseDynamoJsonText('{"n": {"N": 1.000000000000000000001}, "s": {"NS": [1, "2"]}}');
    expect(r).toEqual({
      ok: true,
      item: { n: { N: '1.000000000000000000001' }, s: { NS: ['1', '2'] } },
    });
  });

  it('unwraps {"Item": …} as printed by the AWS CLI, but not an attribute named Item', () => {
    expect(parseDynamoJsonText('{"Item": {"pk": {"S": "a"}}}')).toEqual({
      ok: true,
      item: { pk: { S: 'a' } },
    });
    expect(parseDynamoJsonText('{"Item": {"S": "a"}}')).toEqual({
      ok: true,
      item: { Item: { S: 'a' } },
    });
  });

  it('names the attribute path and position of shape errors', () => {
    const text =
      '{\n  "pk": {"S": "a"},\n  "m": {"M": {"list": {"L": [{"S": "x"}, {"N": true}]}}}\n}';
    expect(errorOf(text)).toEqual({
      path: 'm.list[1]',
      line: 3,
      column: 48,
      offset: 69,
      message: 'm.list[1] has N set to a boolean; expected a string of digits.',
    });
  });

  it('explains each kind of shape mistake', () => {
    expect(errorOf('{"a": "x"}').message).toBe(
      'a is a string; expected a typed value such as {"S": "text"}.',
    );
    expect(errorOf('{"a": {}}').message).toMatch(/^a has no type; expected one of S, N, B/);
    expect(errorOf('{"a": {"S": "x", "N": "1"}}').message).toBe('a has more than one type (S, N).');
    expect(errorOf('{"a": {"s": "x"}}').message).toMatch(/unknown type "s" \(did you mean "S"\?\)/);
    expect(errorOf('{"a": {"NULL": false}}').message).toMatch(/expected true/);
    expect(errorOf('{"a": {"SS": ["x", 1]}}')).toMatchObject({
      path: 'a[1]',
      message: 'a[1] is a number; SS members are strings.',
    });
    expect(errorOf('{"a": {"L": {}}}').message).toMatch(
      /has L set to an object; expected an array/,
    );
    expect(errorOf('[]')).toMatchObject({
      path: '',
      message: expect.stringMatching(/must be a JSON object/),
    });
  });

  it('passes syntax errors through with their position', () => {
    expect(errorOf('{"a": {"S": "x"},}')).toMatchObject({ path: '', line: 1, column: 17 });
  });
});

describe('numbers typed with a leading +', () => {
  it('are read without it (N and NS, nested too); other spellings are kept', () => {
    const r = parseDynamoJsonText(
      '{"a":{"N":"+5"},"s":{"NS":["+1.50","2"]},"m":{"M":{"x":{"L":[{"N":"+0.1e+2"}]}}},"k":{"N":"-3"}}',
    );
    expect(r).toMatchObject({
      ok: true,
      item: {
        a: { N: '5' },
        s: { NS: ['1.50', '2'] },
        m: { M: { x: { L: [{ N: '0.1e+2' }] } } },
        k: { N: '-3' },
      },
    });
  });
});

import { expect, test } from 'vitest';
import { parametersText, parseParameters } from './params';

test('parameters of every type are read as typed, numbers kept as written', () => {
  const text =
    '[{"S": "é"}, {"N": "12345678901234567890123456789012345678"}, {"B": "AAE="}, {"BOOL": false}, {"NULL": true},' +
    ' {"SS": ["a"]}, {"NS": ["1", 2.50]}, {"BS": ["AA=="]}, {"L": [{"N": "1"}]}, {"M": {"constructor": {"S": "x"}}}]';
  const out = parseParameters(text);
  expect(out.ok && out.values.map((v) => Object.keys(v)[0])).toEqual(['S', 'N', 'B', 'BOOL', 'NULL', 'SS', 'NS', 'BS', 'L', 'M']);
  expect(out.ok && out.values[1]).toEqual({ N: '12345678901234567890123456789012345678' });
  expect(out.ok && out.values[6]).toEqual({ NS: ['1', '2.50'] });
  expect(out.ok && Object.keys((out.values[9] as { M: object }).M)).toEqual(["constructor"]);
  expect(out.ok && parseParameters(parametersText(out.values))).toEqual(out);
  expect(parseParameters('  ')).toEqual({ ok: true, values: [] });
});

test('a wrong parameter is named with its number, line and column', () => {
  expect(parseParameters('[{"S": "a"},\n {"N": true}]')).toEqual({
    ok: false,
    error: { message: 'Parameter 2 has N set to a boolean; expected a string of digits.', line: 2, column: 8 },
  });
  expect(parseParameters('{"S": "a"}')).toMatchObject({ ok: false, error: { message: expect.stringMatching(/JSON array/) } });
  expect(parseParameters('[{"S": "a"')).toMatchObject({ ok: false, error: { line: 1, message: expect.stringMatching(/not valid JSON/) } });
});

/** `?` parameters of a PartiQL statement, typed by the user as a DynamoDB JSON array. */
import { parseDynamoJsonText } from '../dynamo/dynamoJson';
import type { AttributeValue } from '../dynamo/types';

export interface ParamsError {
  message: string;
  line: number;
  column: number;
}

export type ParamsResult = { ok: true; values: AttributeValue[] } | { ok: false; error: ParamsError };

// The array is read as the list of one attribute, so the item parser checks every value (sets,
// maps, numbers as strings) and reports positions; the prefix ends in a newline to keep columns.
const PREFIX = '{"p":{"L":\n';

/** After the call, `values` are the parameters in order, or `error` says which one is wrong and where. */
export function parseParameters(text: string): ParamsResult {
  if (text.trim() === '') return { ok: true, values: [] };
  const parsed = parseDynamoJsonText(`${PREFIX}${text}\n}}`);
  if (parsed.ok) {
    const p = parsed.item.p;
    if (p && 'L' in p) return { ok: true, values: p.L };
  } else {
    const e = parsed.error;
    const index = /^p\[(\d+)\]/.exec(e.path);
    let message: string;
    if (index) message = `Parameter ${Number(index[1]) + 1}${e.message.replace(/^p\[\d+\]\S*/, '')}`;
    else if (e.path === 'p') {
      message = 'The parameters must be a JSON array of typed values, such as [{"S": "T-0001"}, {"N": "5"}].';
    } else message = `The parameters are not valid JSON: ${e.message}`;
    // A problem found in the closing suffix (unterminated text) is shown at the end of the text.
    const lines = text.split('\n');
    const line = Math.min(Math.max(1, e.line - 1), lines.length);
    const column = e.line - 1 > lines.length ? (lines[lines.length - 1]?.length ?? 0) + 1 : e.column;
    return { ok: false, error: { message, line, column } };
  }
  return { ok: false, error: { message: 'The parameters must be a JSON array.', line: 1, column: 1 } };
}

/** After the call, the text is a JSON array that parseParameters reads back as `values`. */
export function parametersText(values: readonly AttributeValue[]): string {
  if (values.length === 0) return '';
  return `[${values.map((v) => JSON.stringify(v)).join(', ')}]`;
}

/**
 * One attribute value as JSON text: DynamoDB JSON ({"M": {...}}) or plain JSON, read with
 * shared/dynamo's parsers so numbers keep their digits and set/binary types are kept or noted.
 */
import { parseDynamoJsonText } from '../dynamo/dynamoJson';
import { fromPlainText, plainJsonText } from '../dynamo/plainJson';
import type { TypeNote } from '../dynamo/plainJson';
import { parseJson } from '../dynamo/jsonParse';
import type { JsonNode } from '../dynamo/jsonParse';
import { ATTR_TYPES } from '../dynamo/types';
import type { AttributeValue } from '../dynamo/types';

export type JsonFormat = 'dynamo' | 'plain';

export type ValueParse =
  | { ok: true; value: AttributeValue; format: JsonFormat; notes: TypeNote[] }
  | { ok: false; error: string };

// Any name works as the wrapper: it only becomes the root of the note paths.
const WRAP = 'value';

/** Whether a JSON node reads as one DynamoDB typed value: an object with a single type tag. */
export function looksTyped(node: JsonNode): boolean {
  if (node.kind !== 'object' || node.entries.length !== 1) return false;
  const tag = node.entries[0]?.key ?? '';
  return (ATTR_TYPES as readonly string[]).includes(tag);
}

/** The value as text in `format` (plain JSON writes sets as arrays and B as base64). */
export function valueText(value: AttributeValue, format: JsonFormat): string {
  if (format === 'dynamo') return JSON.stringify(value, null, 2);
  // plainJsonText prints items; print a one-attribute item and keep its value, dedented.
  const text = plainJsonText({ [WRAP]: value });
  const head = `{\n  ${JSON.stringify(WRAP)}: `;
  return text.slice(head.length, -2).replace(/\n {2}/g, '\n');
}

/**
 * Reads one value. `format` 'auto' takes a typed object ({"SS": [...]}) as DynamoDB JSON and
 * anything else as plain JSON. In plain JSON, `original` lends its set/binary types where the new
 * value fits (see fromPlainText); `name` is the attribute name used in notes and messages.
 */
export function parseValueText(
  text: string,
  format: JsonFormat | 'auto',
  original?: AttributeValue,
  name = WRAP,
): ValueParse {
  const parsed = parseJson(text);
  if (!parsed.ok) {
    const e = parsed.error;
    return { ok: false, error: `Line ${e.line}, column ${e.column}: ${e.message}` };
  }
  // The text is one valid JSON value, so wrapping it makes exactly a one-attribute item.
  const wrapped = `{${JSON.stringify(name)}:${text}}`;
  const dynamo = format === 'dynamo' || (format === 'auto' && looksTyped(parsed.node));
  if (dynamo) {
    const r = parseDynamoJsonText(wrapped);
    if (!r.ok) return { ok: false, error: r.error.message };
    return { ok: true, value: r.item[name] as AttributeValue, format: 'dynamo', notes: [] };
  }
  const r = fromPlainText(wrapped, original ? { [name]: original } : undefined);
  if (!r.ok) return { ok: false, error: r.error.message };
  return { ok: true, value: r.item[name] as AttributeValue, format: 'plain', notes: r.notes };
}

/** Text of any one cell -> a value of a chosen type (paste and import share these rules). */
import { TYPE_LABELS, typeOf } from '../dynamo/types';
import type { AttributeValue, AttrType } from '../dynamo/types';
import { parseValueText } from './jsonValue';
import { buildSet, fail, isSetType, ok, scalarFromText, splitMembers } from './valueParse';
import type { Parsed } from './valueParse';

/**
 * `text` read as a value of `type`. Scalars parse as typed (N keeps its digits); sets take a
 * typed JSON value ({"SS": [...]}), a JSON array, or members split by `separator`; maps and lists
 * take DynamoDB JSON or plain JSON, with `original` lending its nested set and binary types.
 */
export function textToValue(
  text: string,
  type: AttrType,
  opts: { separator?: string; original?: AttributeValue } = {},
): Parsed<AttributeValue> {
  if (type === 'S' || type === 'N' || type === 'B' || type === 'BOOL' || type === 'NULL') {
    return scalarFromText(text, type);
  }
  const trimmed = text.trim();
  if (trimmed.startsWith('{') || (trimmed.startsWith('[') && !isSetType(type))) {
    const r = parseValueText(trimmed, 'auto', opts.original);
    if (!r.ok) return fail(r.error);
    const got = typeOf(r.value);
    if (got !== type)
      return fail(
        `The JSON is a ${TYPE_LABELS[got]} (${got}), not a ${TYPE_LABELS[type]} (${type}).`,
      );
    return ok(r.value);
  }
  if (isSetType(type)) {
    const members = splitMembers(text, opts.separator ?? ',');
    return members.ok ? buildSet(type, members.value) : members;
  }
  return fail(`Expected JSON for a ${TYPE_LABELS[type]} (${type}).`);
}

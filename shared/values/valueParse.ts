/**
 * Text -> AttributeValue for the cell editors, paste and import: every conversion keeps numbers
 * as their exact digits and never changes a type unless it was asked for.
 */
import { base64ToBytes, bytesToBase64 } from '../dynamo/binary';
import { parseJson } from '../dynamo/jsonParse';
import { normalizeNumber, withoutLeadingPlus } from '../dynamo/number';
import { TYPE_LABELS, typeOf } from '../dynamo/types';
import type { AttributeValue, AttrType } from '../dynamo/types';
import { validateNumber } from '../dynamo/validate';

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

export const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
export const fail = <T = never>(error: string): Parsed<T> => ({ ok: false, error });

export type SetType = 'SS' | 'NS' | 'BS';
export const isSetType = (t: AttrType): t is SetType => t === 'SS' || t === 'NS' || t === 'BS';

/**
 * A number as DynamoDB stores it: the trimmed text when valid (38 digits, range), without a
 * leading '+', else why not.
 */
export function parseNumberText(text: string): Parsed<string> {
  const t = text.trim();
  const problem = validateNumber(t);
  return problem ? fail(problem) : ok(withoutLeadingPlus(t));
}

const HEX = /^[0-9a-fA-F]*$/;

/** Hex text (spaces and a 0x prefix allowed) as base64; null when it is not whole bytes of hex. */
export function hexToBase64(hex: string): string | null {
  const clean = hex.replace(/\s+/g, '').replace(/^0x/i, '');
  if (!HEX.test(clean) || clean.length % 2 !== 0) return null;
  const bytes = new Uint8Array(clean.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(clean.slice(i * 2, i * 2 + 2), 16);
  return bytesToBase64(bytes);
}

/** The bytes of base64 data as lowercase hex, or null when the text is not base64. */
export function base64ToHex(b64: string): string | null {
  const bytes = base64ToBytes(b64);
  if (!bytes) return null;
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}

export type BinaryEncoding = 'base64' | 'hex';

/** Binary text in the given encoding as canonical base64 (stored spelling kept when it decodes). */
export function parseBinaryText(text: string, encoding: BinaryEncoding): Parsed<string> {
  if (encoding === 'hex') {
    const b64 = hexToBase64(text);
    return b64 === null
      ? fail('Not hex: use pairs of 0-9 and a-f (a 0x prefix is fine).')
      : ok(b64);
  }
  const clean = text.replace(/\s+/g, '');
  const bytes = base64ToBytes(clean);
  return bytes
    ? ok(bytesToBase64(bytes))
    : fail('Not valid base64 (A-Z, a-z, 0-9, + and /, = padding).');
}

/** What makes two set members the same: the normalised number, the decoded bytes, or the text. */
export function memberIdentity(type: SetType, member: string): string {
  if (type === 'NS') return normalizeNumber(member) ?? member;
  if (type === 'BS') {
    const bytes = base64ToBytes(member);
    return bytes ? bytesToBase64(bytes) : member;
  }
  return member;
}

/** A set member typed by the user, in its stored spelling, or why it cannot be one. */
export function parseMember(type: SetType, text: string): Parsed<string> {
  if (type === 'NS') return parseNumberText(text);
  if (type === 'BS') return parseBinaryText(text, 'base64');
  return ok(text);
}

/** A set of `type` from members: refuses an empty set and duplicates (after normalising). */
export function buildSet(type: SetType, members: readonly string[]): Parsed<AttributeValue> {
  if (members.length === 0) {
    return fail(
      `A ${TYPE_LABELS[type]} cannot be empty in DynamoDB; remove the attribute instead.`,
    );
  }
  const seen = new Map<string, string>();
  const out: string[] = [];
  for (const raw of members) {
    const m = parseMember(type, raw);
    if (!m.ok) return fail(`"${raw}": ${m.error}`);
    const id = memberIdentity(type, m.value);
    const first = seen.get(id);
    if (first !== undefined) {
      const same = first === m.value ? `"${m.value}" twice` : `"${first}" and "${m.value}"`;
      return fail(`The set holds ${same}; set members must differ.`);
    }
    seen.set(id, m.value);
    out.push(m.value);
  }
  return ok({ [type]: out } as AttributeValue);
}

const TRUE = new Set(['true', 'yes', 'y', '1']);
const FALSE = new Set(['false', 'no', 'n', '0']);

/** A boolean from text (true/false, yes/no, 1/0, any case). */
export function parseBoolText(text: string): Parsed<boolean> {
  const t = text.trim().toLowerCase();
  if (TRUE.has(t)) return ok(true);
  if (FALSE.has(t)) return ok(false);
  return fail(`"${text}" is not a boolean (true or false).`);
}

/** The members of a set written as text: a JSON array, or items split by `separator`. */
export function splitMembers(text: string, separator: string): Parsed<string[]> {
  const t = text.trim();
  if (t.startsWith('[')) {
    // parseJson keeps number literals as written, so 38-digit members survive.
    const parsed = parseJson(t);
    if (parsed.ok && parsed.node.kind === 'array') {
      const members: string[] = [];
      for (const x of parsed.node.items) {
        if (x.kind === 'string') members.push(x.value);
        else if (x.kind === 'number') members.push(x.text);
        else return fail('A set written as a JSON array may hold only strings and numbers.');
      }
      return ok(members);
    }
  }
  if (separator === '') return ok([t]);
  return ok(
    text
      .split(separator)
      .map((m) => m.trim())
      .filter((m) => m !== ''),
  );
}

/** A scalar value of `type` from text, as a cell editor or a CSV cell would give it. */
export function scalarFromText(
  text: string,
  type: 'S' | 'N' | 'B' | 'BOOL' | 'NULL',
): Parsed<AttributeValue> {
  switch (type) {
    case 'S':
      return ok({ S: text });
    case 'N': {
      const n = parseNumberText(text);
      return n.ok ? ok({ N: n.value }) : n;
    }
    case 'B': {
      const t = text.trim();
      const b = /^0x/i.test(t) ? parseBinaryText(t, 'hex') : parseBinaryText(t, 'base64');
      return b.ok ? ok({ B: b.value }) : b;
    }
    case 'BOOL': {
      const b = parseBoolText(text);
      return b.ok ? ok({ BOOL: b.value }) : b;
    }
    case 'NULL':
      return ok({ NULL: true });
  }
}

const describe = (t: AttrType) => `${TYPE_LABELS[t]} (${t})`;

/**
 * `value` as type `to`, when the content carries over (S "12" -> N 12, S -> SS of one, SS -> L of
 * S, N -> S, B -> BS, ...); otherwise why not. The type change itself is the caller's to show.
 */
export function convertValue(value: AttributeValue, to: AttrType): Parsed<AttributeValue> {
  const from = typeOf(value);
  if (from === to) return ok(value);
  const no = () =>
    fail<AttributeValue>(`A ${describe(from)} cannot become a ${describe(to)} as it is.`);
  if (to === 'NULL') return ok({ NULL: true });
  if ('S' in value) {
    if (to === 'N' || to === 'B' || to === 'BOOL') return scalarFromText(value.S, to);
    if (to === 'SS') return ok({ SS: [value.S] });
    if (to === 'NS' || to === 'BS') {
      const m = parseMember(to, value.S);
      return m.ok ? ok({ [to]: [m.value] } as AttributeValue) : m;
    }
    if (to === 'L') return ok({ L: [value] });
    return no();
  }
  if ('N' in value) {
    if (to === 'S') return ok({ S: value.N });
    if (to === 'NS') return ok({ NS: [value.N] });
    if (to === 'SS') return ok({ SS: [value.N] });
    if (to === 'L') return ok({ L: [value] });
    return no();
  }
  if ('B' in value) {
    if (to === 'S') return ok({ S: value.B });
    if (to === 'BS') return ok({ BS: [value.B] });
    if (to === 'L') return ok({ L: [value] });
    return no();
  }
  if ('BOOL' in value) {
    if (to === 'S') return ok({ S: String(value.BOOL) });
    if (to === 'L') return ok({ L: [value] });
    return no();
  }
  if ('NULL' in value) return to === 'S' ? ok({ S: '' }) : no();
  if ('SS' in value || 'NS' in value || 'BS' in value) {
    const members = 'SS' in value ? value.SS : 'NS' in value ? value.NS : value.BS;
    const memberType = from === 'SS' ? 'S' : from === 'NS' ? 'N' : 'B';
    if (to === 'L') return ok({ L: members.map((m) => ({ [memberType]: m }) as AttributeValue) });
    if (isSetType(to)) return buildSet(to, members);
    return no();
  }
  if ('L' in value) {
    if (!isSetType(to)) return no();
    const want = to === 'SS' ? 'S' : to === 'NS' ? 'N' : 'B';
    const members: string[] = [];
    for (const x of value.L) {
      if (typeOf(x) !== want)
        return fail(`Every list element must be a ${describe(want)} to make a ${describe(to)}.`);
      members.push((x as Record<string, string>)[want] as string);
    }
    return buildSet(to, members);
  }
  return no();
}

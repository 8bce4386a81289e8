/**
 * What a PartiQL statement is, read without running it: its kind, the table (and index) it names,
 * its `?` placeholders, whether a SELECT returns whole items, and the key its WHERE (or INSERT
 * VALUE) names. Enough to decide where results go and which item a staged write touches; the
 * service remains the judge of the syntax.
 */
import type { AttributeValue, Item } from '../dynamo/types';
import { setAttr } from '../dynamo/attrs';

export type StatementKind = 'SELECT' | 'INSERT' | 'UPDATE' | 'DELETE' | 'UNKNOWN';

type Token =
  | { t: 'word'; v: string; at: number }
  | { t: 'ident'; v: string; at: number }
  | { t: 'string'; v: string; at: number }
  | { t: 'number'; v: string; at: number }
  | { t: 'param'; v: number; at: number }
  | { t: 'punct'; v: string; at: number };

/** The tokens of `text`; comments dropped, quotes undone, each `?` numbered from 0. */
function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let params = 0;
  let i = 0;
  const quoted = (q: string): string => {
    let v = '';
    i++;
    while (i < text.length) {
      if (text[i] === q) {
        if (text[i + 1] === q) {
          v += q;
          i += 2;
          continue;
        }
        i++;
        return v;
      }
      v += text[i++];
    }
    return v;
  };
  while (i < text.length) {
    const c = text[i] as string;
    const at = i;
    if (/\s/.test(c)) i++;
    else if (c === '-' && text[i + 1] === '-') while (i < text.length && text[i] !== '\n') i++;
    else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 2;
    } else if (c === '"') out.push({ t: 'ident', v: quoted('"'), at });
    else if (c === "'") out.push({ t: 'string', v: quoted("'"), at });
    else if (c === '?') {
      out.push({ t: 'param', v: params++, at });
      i++;
    } else if (/[0-9]/.test(c) || (c === '-' && /[0-9.]/.test(text[i + 1] ?? ''))) {
      const m = /^-?[0-9]*\.?[0-9]+(?:[eE][+-]?[0-9]+)?/.exec(text.slice(i));
      const v = m ? m[0] : c;
      out.push({ t: 'number', v, at });
      i += v.length;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i)) as RegExpExecArray;
      out.push({ t: 'word', v: m[0], at });
      i += m[0].length;
    } else {
      const two = text.slice(i, i + 2);
      const v = ['<>', '<=', '>=', '!='].includes(two) ? two : c;
      out.push({ t: 'punct', v, at });
      i += v.length;
    }
  }
  return out;
}

const isWord = (tok: Token | undefined, w: string) => tok?.t === 'word' && tok.v.toUpperCase() === w;
const nameOf = (tok: Token | undefined) => (tok && (tok.t === 'word' || tok.t === 'ident') ? tok.v : undefined);

export interface StatementInfo {
  kind: StatementKind;
  /** The table the statement reads or writes; undefined when it could not be found. */
  table?: string;
  /** SELECT ... FROM "Table"."Index". */
  index?: string;
  /** True for `SELECT *`: rows hold whole items. */
  selectsAll: boolean;
  /** How many `?` placeholders the statement has. */
  placeholders: number;
}

/** After the call, `kind` is the statement's verb and `table`/`index` what it names (when found). */
export function describeStatement(text: string): StatementInfo {
  const toks = tokenize(text);
  const placeholders = toks.filter((t) => t.t === 'param').length;
  const first = toks[0];
  const verb = first?.t === 'word' ? first.v.toUpperCase() : '';
  const kind: StatementKind = (['SELECT', 'INSERT', 'UPDATE', 'DELETE'] as const).find((k) => k === verb) ?? 'UNKNOWN';
  let at = -1;
  if (kind === 'SELECT' || kind === 'DELETE') at = toks.findIndex((t) => isWord(t, 'FROM')) + 1;
  else if (kind === 'INSERT') at = toks.findIndex((t) => isWord(t, 'INTO')) + 1;
  else if (kind === 'UPDATE') at = 1;
  const table = at > 0 ? nameOf(toks[at]) : undefined;
  const index = table !== undefined && toks[at + 1]?.v === '.' ? nameOf(toks[at + 2]) : undefined;
  const selectsAll = kind === 'SELECT' && toks[1]?.v === '*' && isWord(toks[2], 'FROM');
  return { kind, ...(table !== undefined ? { table } : {}), ...(index ? { index } : {}), selectsAll, placeholders };
}

function valueOf(tok: Token | undefined, params: readonly AttributeValue[]): AttributeValue | undefined {
  if (!tok) return undefined;
  if (tok.t === 'param') return params[tok.v];
  if (tok.t === 'string') return { S: tok.v };
  if (tok.t === 'number') return { N: tok.v };
  return undefined;
}

/**
 * After the call, the result holds the value of every name in `keyNames` that the statement pins
 * with `name = value` in its WHERE (UPDATE, DELETE, SELECT) or in its INSERT VALUE tuple;
 * undefined when any key attribute is not pinned.
 */
export function statementKey(
  text: string,
  params: readonly AttributeValue[],
  keyNames: readonly string[],
): Item | undefined {
  const toks = tokenize(text);
  const found: Item = {};
  const info = describeStatement(text);
  if (info.kind === 'INSERT') {
    // VALUE {'pk': ?, 'sk': 'x', ...}: top-level 'name' : value pairs.
    let depth = 0;
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i] as Token;
      if (t.t === 'punct' && (t.v === '{' || t.v === '[' || t.v === '<')) depth++;
      else if (t.t === 'punct' && (t.v === '}' || t.v === ']' || t.v === '>')) depth--;
      else if (depth === 1 && t.t === 'string' && toks[i + 1]?.v === ':' && keyNames.includes(t.v)) {
        const v = valueOf(toks[i + 2], params);
        if (v) setAttr(found, t.v, v);
      }
    }
  } else {
    const where = toks.findIndex((t) => isWord(t, 'WHERE'));
    if (where < 0) return undefined;
    // `name = value` or `value = name`, anywhere after WHERE (the first one per name counts).
    for (let i = where + 1; i + 2 < toks.length; i++) {
      if (toks[i + 1]?.v !== '=') continue;
      const [a, b] = [toks[i], toks[i + 2]];
      const pairs: [Token | undefined, Token | undefined][] = [[a, b], [b, a]];
      for (const [n, v] of pairs) {
        const name = n && n.t !== 'string' ? nameOf(n) : undefined;
        const value = valueOf(v, params);
        if (name && value && keyNames.includes(name) && !Object.hasOwn(found, name)) setAttr(found, name, value);
      }
    }
  }
  return keyNames.every((k) => Object.hasOwn(found, k)) ? found : undefined;
}

/** After the call, the line and column a service error message points at, when it names one. */
export function errorPosition(message: string): { line: number; column: number } | undefined {
  const m = /line:?\s*(\d+)\s*,?\s*col(?:umn)?:?\s*(\d+)/i.exec(message);
  return m ? { line: Number(m[1]), column: Number(m[2]) } : undefined;
}

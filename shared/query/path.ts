/**
 * Document paths as the user types them: `a.b[0].c`. A name holding `.`, `[`, `]` or `"` goes in
 * double quotes (`"a.b".c`), with `\"` and `\\` inside quotes. The syntax the user types in the
 * query bar only; paths DynoStage writes in messages are shared/dynamo/path.ts's (`["a.b"].c`).
 */

export type PathSegment = { name: string } | { index: number };

export type ParsedPath = { ok: true; segments: PathSegment[] } | { ok: false; error: string };

const SPECIAL = new Set(['.', '[', ']', '"']);

function readName(text: string, start: number): { name: string; end: number } | string {
  if (text[start] === '"') {
    let name = '';
    for (let i = start + 1; i < text.length; i++) {
      const c = text[i] as string;
      if (c === '\\' && i + 1 < text.length) name += text[++i];
      else if (c === '"') return name === '' ? 'empty quoted name' : { name, end: i + 1 };
      else name += c;
    }
    return 'unclosed quote';
  }
  let end = start;
  while (end < text.length && !SPECIAL.has(text[end] as string)) end++;
  if (end === start) return `attribute name expected at position ${start + 1}`;
  return { name: text.slice(start, end), end };
}

/** Splits a path into name and list-index segments; the first segment is always a name. */
export function parsePath(input: string): ParsedPath {
  const text = input.trim();
  if (text === '') return { ok: false, error: 'path is empty' };
  const first = readName(text, 0);
  if (typeof first === 'string') return { ok: false, error: first };
  const segments: PathSegment[] = [{ name: first.name }];
  let i = first.end;
  while (i < text.length) {
    const c = text[i];
    if (c === '.') {
      const next = readName(text, i + 1);
      if (typeof next === 'string') return { ok: false, error: next };
      segments.push({ name: next.name });
      i = next.end;
    } else if (c === '[') {
      const m = /^\[(\d+)\]/.exec(text.slice(i));
      if (!m) return { ok: false, error: `list index expected at position ${i + 1}, like [0]` };
      segments.push({ index: Number(m[1]) });
      i += m[0].length;
    } else {
      return { ok: false, error: `unexpected "${c}" at position ${i + 1}` };
    }
  }
  return { ok: true, segments };
}

function quoteName(name: string): string {
  if ([...name].some((c) => SPECIAL.has(c)) || name.trim() !== name) {
    return '"' + name.replace(/\\/g, '\\\\').replace(/"/g, '\\"') + '"';
  }
  return name;
}

/** The path text for segments; parsePath(formatPath(s)) gives s back. */
export function formatPath(segments: PathSegment[]): string {
  return segments
    .map((s, i) => ('index' in s ? `[${s.index}]` : (i === 0 ? '' : '.') + quoteName(s.name)))
    .join('');
}

function sameSegment(a: PathSegment, b: PathSegment): boolean {
  return 'index' in a ? 'index' in b && a.index === b.index : 'name' in b && a.name === b.name;
}

/** True when one path is the other or lies inside it (DynamoDB rejects such projections). */
export function pathsOverlap(a: PathSegment[], b: PathSegment[]): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++)
    if (!sameSegment(a[i] as PathSegment, b[i] as PathSegment)) return false;
  return true;
}

/**
 * The id line of an exported DynoStage plan file: {"dynostagePlan":{"id":"f…","lines":N}} first,
 * the id hashed over the change lines that follow (each in canonical form, so re-indenting or
 * reordering an object's keys is no edit), so `dynostage apply` can tell a hand-edited plan.
 */
import { feedCanonical, PlanHasher } from '../plan/planHash';

const HEADER_KEY = 'dynostagePlan';

interface PlanHeader {
  id: string;
  lines: number;
}

function linesOf(body: string): string[] {
  return body.split('\n').filter((l) => l.trim() !== '');
}

function idOf(lines: readonly string[]): string {
  const h = new PlanHasher();
  for (const l of lines) {
    let v: unknown = l;
    try {
      v = JSON.parse(l);
    } catch {
      // Hashed as written: the CLI refuses the line with its own message.
    }
    feedCanonical(h, v);
    h.update('\n');
  }
  return `f${h.digest()}`;
}

/** `body` (change lines) with its id line first. */
export function withPlanHeader(body: string): string {
  const lines = linesOf(body);
  const header: PlanHeader = { id: idOf(lines), lines: lines.length };
  return `${JSON.stringify({ [HEADER_KEY]: header })}\n${body}`;
}

/**
 * The change lines of a plan file's `text` (an id line becomes an empty line, so line numbers stay
 * true) and, when the file has an id line and its lines no longer match it, what differs.
 */
export function checkPlanHeader(text: string): { body: string; changed: string | null } {
  const nl = text.indexOf('\n');
  const first = nl < 0 ? text : text.slice(0, nl);
  let header: PlanHeader | undefined;
  try {
    header = (JSON.parse(first) as Record<string, PlanHeader | undefined>)[HEADER_KEY];
  } catch {
    header = undefined;
  }
  if (typeof header?.id !== 'string') return { body: text, changed: null };
  const body = nl < 0 ? '' : `\n${text.slice(nl + 1)}`;
  const lines = linesOf(body);
  if (idOf(lines) === header.id) return { body, changed: null };
  const counts =
    lines.length === header.lines
      ? `the same ${header.lines} lines in number, not in content`
      : `${header.lines} lines exported, ${lines.length} now`;
  return { body, changed: `the plan was edited after DynoStage exported it (${counts})` };
}

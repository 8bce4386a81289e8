/**
 * What the page the web host served already shows (webhost/pageList.ts): the table list it wrote
 * (a JSON data block, never run) and the table its address opens (`?connection=…&table=…`, the
 * links of that list). The app starts from them: the same list, no listing asked again, and the
 * table clicked before the app ran opened. Electron's page has neither: nothing changes there.
 */

export interface Primed {
  connectionId: string;
  tables: string[];
  ms: number;
}

const PRIMED_ID = 'dynostage-primed';

const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/** The data block's listing, when the page has a well-formed one. */
export function readPrimed(doc: Document): Primed | undefined {
  return parsePrimed(doc.getElementById(PRIMED_ID)?.textContent);
}

/** A data block's text as a listing; anything else (none, not JSON, wrong shape): undefined. */
export function parsePrimed(text: string | null | undefined): Primed | undefined {
  if (!text) return undefined;
  try {
    const v = JSON.parse(text) as Partial<Primed>;
    if (typeof v.connectionId !== 'string' || !isStrings(v.tables)) return undefined;
    return { connectionId: v.connectionId, tables: v.tables, ms: typeof v.ms === 'number' ? v.ms : 0 };
  } catch {
    return undefined;
  }
}

/** The table the address opens: `?connection=…&table=…`. */
export function openedByAddress(search: string): { connectionId: string; table: string } | undefined {
  const q = new URLSearchParams(search);
  const connectionId = q.get('connection');
  const table = q.get('table');
  return connectionId && table ? { connectionId, table } : undefined;
}

/** The address without the table it opened (a reload then opens what the app shows, not that). */
export function withoutOpened(href: string): string {
  const url = new URL(href);
  url.searchParams.delete('connection');
  url.searchParams.delete('table');
  return url.pathname + url.search + url.hash;
}

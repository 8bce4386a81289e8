/**
 * The table list written into the page the web host serves, before the app's script runs: the
 * same shell and classes the React app renders (header, the Tables navigation, the pane), each
 * table a real link (`/?connection=…&table=…`) that opens it, before or after the app starts. The
 * listing also goes into a data block (JSON, not run) that primes the app's tables store, so React
 * shows the same list without asking again. Every name is escaped: nothing from DynamoDB or the
 * user is written as markup.
 */

/** Escapes text for HTML element content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The link that opens `table` of `connectionId` when the app starts. */
export function tableHref(connectionId: string, table: string): string {
  return `/?${new URLSearchParams({ connection: connectionId, table }).toString()}`;
}

/** The id of the data block the app reads (renderer/src/boot/pagePrimed.ts). */
export const PRIMED_ID = 'dynostage-primed';

export interface PrimedTables {
  connectionId: string;
  tables: string[];
  /** How long the listing took (ms). */
  ms: number;
}

/**
 * JSON for a `<script type="application/json">` block: `<`, `>`, `&` and the two JavaScript line
 * separators as \u escapes, so no text inside can end the block or open a comment.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** The top of the shell, written before the listing answers. */
export function shellStart(): string {
  return (
    '<div class="app"><header class="topbar"><h1>DynoStage</h1></header>' +
    '<div class="workspace"><nav class="table-list" aria-label="Tables">' +
    '<div class="table-list-head"></div>'
  );
}

/**
 * The rest of the shell: the listed tables (or "Loading…" when there is no listing to show) and
 * the pane; `selected` is the table the address opens.
 */
export function shellEnd(listing: PrimedTables | undefined, selected?: string): string {
  const items = (listing?.tables ?? [])
    .map((name) => {
      const on = name === selected;
      const href = escapeHtml(tableHref(listing!.connectionId, name));
      const attrs = on ? ' class="table-item selected" aria-current="true"' : ' class="table-item"';
      return `<li><a${attrs} href="${href}">${escapeHtml(name)}</a></li>`;
    })
    .join('');
  const n = listing?.tables.length ?? 0;
  const count = listing ? `${n} of ${n} tables` : 'Loading…';
  const pane =
    selected !== undefined && listing?.tables.includes(selected)
      ? `<main class="table-pane empty"><p class="muted">Opening ${escapeHtml(selected)}…</p></main>`
      : '<main class="table-pane empty"><p class="muted">Pick a table on the left.</p></main>';
  const data = listing
    ? `<script type="application/json" id="${PRIMED_ID}">${jsonForScript(listing)}</script>`
    : '';
  return `<ul>${items}</ul><p class="muted small">${count}</p></nav>${pane}</div></div>${data}`;
}

import { AppPage } from '../pages/AppPage';
import { BrowsePage } from '../pages/BrowsePage';
import { expect, test } from '../support/fixtures';
import { heapSnapshot, internalizedSample } from '../../test-support/heapRoots';
import { startHost } from '../../test-support/servers/webHost';
import { supportTickets } from '../../server/sandbox/seedData';
import type { AttributeValue } from '../../shared/dynamo/types';

// Loaded rows leave V8's string table alone. Row ids used as keys of a record or a Map, and the
// short values JSON.parse internalizes, each put a string there; every major GC of the page walks
// that table while the page stands still (~180 ms of a 290 ms pause at 1,000,000 rows).
// A host of its own: changes other tests left staged would show on these rows, and a staged row's
// id is still a key of the grid's staged-rows Map (one string per staged change, not per row).
// Only strings that come from the rows are counted: code the page compiles meanwhile (a lazily
// loaded editor's keyword lists) adds hundreds of its own, which a CI run did during the load.

/** The strings each ticket has of its own: its id and its timestamps (ten-digit numbers). */
function rowStrings(): Set<string> {
  const out = new Set<string>();
  const walk = (v: AttributeValue) => {
    if ('S' in v && /^T-\d{5}$/.test(v.S)) out.add(v.S);
    if ('N' in v && /^\d{10}$/.test(v.N)) out.add(v.N);
    if ('M' in v) Object.values(v.M).forEach(walk);
    if ('L' in v) v.L.forEach(walk);
  };
  for (const item of supportTickets()) Object.values(item).forEach(walk);
  return out;
}

/** The row strings in an internalized string (a row id holds its ticket id inside). */
function fromRows(s: string, rows: Set<string>): boolean {
  return [...s.matchAll(/T-\d{5}|\d{10}/g)].some((m) => rows.has(m[0]));
}

test('a Load all of 2,000 rows puts next to nothing into the page’s string table', async ({ page }) => {
  const rows = rowStrings();
  expect(rows.size).toBeGreaterThan(4000);
  const host = await startHost();
  try {
    const app = new AppPage(page);
    await app.open(host.url);
    await app.openTable('SupportTickets');
    const b = new BrowsePage(page);
    await expect(b.run).toBeEnabled();
    await b.operation('Scan').click();
    const cdp = await page.context().newCDPSession(page);
    const internalized = async () => new Set(internalizedSample(await heapSnapshot(cdp), 1));
    const before = await internalized();
    await b.loadAll.click();
    await expect(b.loadStatus).toContainText('All pages read');
    await expect(b.counts).toContainText('2,000 loaded · 2,000 shown');
    const added = [...(await internalized())].filter((s) => !before.has(s));
    const addedFromRows = added.filter((s) => fromRows(JSON.parse(s) as string, rows));
    // One string per row (an id, or a value JSON.parse keeps) would be 2,000 and more; the rows
    // on screen may leave a few (the grid's cells), the rest none.
    expect(addedFromRows.length, `from the rows: ${addedFromRows.slice(0, 40).join(' ')}`).toBeLessThan(100);
  } finally {
    await host.stop();
  }
});

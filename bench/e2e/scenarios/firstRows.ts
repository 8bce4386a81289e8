/**
 * Scenario 2: a click on the table's name -> its first rows painted, beside the peer (which
 * navigates to the table's page and fetches its first page). A fresh context each run, so the
 * table was not opened before.
 */
import type { Page } from 'playwright-core';
import type { Env } from '../env';
import { spread, type Spread } from '../stats';
import { clickToPaint, result, type Cond } from '../timing';
import { openOurs, openPeer, ourList, peerList } from './openList';

/** Our grid shows a body row. */
export const ourFirstRow: Cond = {
  sel: '[role="grid"] [role="row"][aria-rowindex="2"] [role="gridcell"][data-col="id"]',
  text: 'B-',
};
const peerFirstRow: Cond = { sel: '#items-container tr td' };

/**
 * Opens `table` in our app from a fresh page: returns the page (rows shown) and click-to-rows ms.
 * If the table opens empty (as it did before it opened with its first page), the Run button is
 * clicked as soon as it can be, and counted in the time.
 */
export async function openTable(env: Env, table: string): Promise<{ page: Page; ms: number }> {
  const page = await openOurs(env.browser, env, ourList(table));
  await result(page);
  const ms = await clickToPaint(page, ourFirstRow, async () => {
    await page
      .getByRole('navigation', { name: 'Tables' })
      .getByRole('button', { name: table, exact: true })
      .click();
    const run = page
      .getByRole('region', { name: 'Query builder' })
      .getByRole('button', { name: /^Run (Query|Scan)$/ });
    const row = page.locator(ourFirstRow.sel).first();
    await run.or(row).first().waitFor({ timeout: 180_000 });
    if ((await row.count()) === 0 && (await run.isEnabled())) await run.click();
  });
  return { page, ms };
}

async function peerOpenTable(env: Env, table: string): Promise<number> {
  const page = await openPeer(env.browser, env, peerList(table));
  await result(page);
  const ms = await clickToPaint(page, peerFirstRow, () =>
    page.locator(`#table-list li[data-table-name="${table}"] a`).first().click(),
  );
  await page.context().close();
  return ms;
}

export interface FirstRowsResult {
  ours: Spread;
  peer: Spread;
}

export async function firstRows(env: Env, table: string, runs: number): Promise<FirstRowsResult> {
  const ours: number[] = [];
  const peer: number[] = [];
  const oursOnce = async () => {
    const { page, ms } = await openTable(env, table);
    ours.push(ms);
    await page.context().close();
  };
  const peerOnce = async () => void peer.push(await peerOpenTable(env, table));
  for (let i = 0; i < runs; i++) {
    if (i % 2 === 0) {
      await oursOnce();
      await peerOnce();
    } else {
      await peerOnce();
      await oursOnce();
    }
  }
  return { ours: spread(ours), peer: spread(peer) };
}

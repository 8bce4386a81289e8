/** A 'narrow' table of `items` rows opened in our app, with the page's heap profiler enabled. */
import type { CDPSession, Page } from 'playwright-core';
import type { Env } from './env';
import { createTable } from './fill';
import { openTable } from './scenarios/firstRows';

export async function openWithHeapProfiler(
  env: Env,
  table: string,
  items: number,
): Promise<{ page: Page; cdp: CDPSession }> {
  await createTable(env.client, table);
  await env.dynalite.fill(table, items, 'narrow');
  const { page } = await openTable(env, table);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  return { page, cdp };
}

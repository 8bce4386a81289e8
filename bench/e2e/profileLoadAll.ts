/**
 * Profiles scenario 3 (Load all) for finding where the time goes; not a gate. A CDP CPU profile of
 * the page during the load (self time by function), and the web host's own CPU profile
 * (cpuProfHook.cjs, written to PROFILE_DIR when the host stops).
 *
 *   BENCH_ITEMS=30000 tsx bench/e2e/profileLoadAll.ts     (build the renderer first)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { startCpuProfile } from './cdpRecord';
import type { Env } from './env';
import { runScript } from './script';
import { createTable } from './fill';
import { openTable } from './scenarios/firstRows';
import { clickLoadAll } from './scenarios/loadAll';
import { summarise } from './profileSummary';
import { hostProfileEnv, printHostProfiles } from './hostProfile';

const ITEMS = Number(process.env.BENCH_ITEMS ?? 30_000);
const KIND = (process.env.BENCH_KIND ?? 'wide') as 'wide' | 'narrow';
const OUT = process.env.PROFILE_DIR ?? '/tmp/loadall-prof';

async function main(env: Env): Promise<void> {
  await createTable(env.client, 'benchload');
  await env.dynalite.fill('benchload', ITEMS, KIND);
  const { page } = await openTable(env, 'benchload');
  const cdp = await page.context().newCDPSession(page);
  const stop = await startCpuProfile(cdp, 500);
  const ms = await clickLoadAll(page, ITEMS);
  const profile = await stop();
  writeFileSync(`${OUT}/page.cpuprofile`, JSON.stringify(profile));
  console.log(
    `\n== Load all ${ITEMS}: ${ms.toFixed(0)} ms, ${Math.round((ITEMS / ms) * 1000)} items/s (load ${loadavg()[0]!.toFixed(2)})`,
  );
  console.log('-- page');
  console.log(summarise(profile));
}

mkdirSync(OUT, { recursive: true });
void runScript(main, hostProfileEnv(OUT)).then(() => printHostProfiles(OUT));

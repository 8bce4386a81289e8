/**
 * Where scenario 2's time goes, run by run (diagnosis, not a gate): open the 100,000-item table
 * from a fresh page as the bench does, then print click -> first rows, the API calls and script
 * fetches made after the click (start and end, ms from the click) and the long tasks meanwhile.
 *
 *   RUNS=8 tsx bench/e2e/firstRowsWhy.ts     (build the renderer first)
 */
import type { Env } from './env';
import { runScript } from './script';
import { createTable } from './fill';
import { openTable } from './scenarios/firstRows';

const ITEMS = Number(process.env.BENCH_ITEMS ?? 100_000);
const RUNS = Number(process.env.RUNS ?? 8);

async function main(env: Env): Promise<void> {
  await createTable(env.client, 'bench100k');
  await env.dynalite.fill('bench100k', ITEMS, 'wide');
  for (let i = 0; i < RUNS; i++) {
    const { page, ms } = await openTable(env, 'bench100k');
    const lines = await page.evaluate(() => {
      const start = (
        JSON.parse(sessionStorage.getItem('dynostage.bench') ?? '{}') as { start: number }
      ).start;
      const at = (t: number) => Math.round(performance.timeOrigin + t - start);
      const res = (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
        .filter((r) => at(r.responseEnd) > 0)
        .map((r) => `${r.name.split('/').pop()} ${at(r.startTime)}..${at(r.responseEnd)}`);
      return res;
    });
    // Long animation frames are buffered: an observer made now still gets those before it.
    const frames = await page.evaluate(
      () =>
        new Promise<string[]>((resolve) => {
          const start = (
            JSON.parse(sessionStorage.getItem('dynostage.bench') ?? '{}') as { start: number }
          ).start;
          const at = (t: number) => Math.round(performance.timeOrigin + t - start);
          new PerformanceObserver((list, obs) => {
            obs.disconnect();
            resolve(
              list
                .getEntries()
                .filter((e) => at(e.startTime + e.duration) > 0)
                .map((e) => {
                  const f = e as PerformanceEntry & {
                    scripts: {
                      invoker: string;
                      duration: number;
                      sourceURL: string;
                      sourceFunctionName: string;
                    }[];
                  };
                  const scripts = f.scripts
                    .map(
                      (x) =>
                        `${x.invoker}/${x.sourceFunctionName}@${x.sourceURL.split('/').pop()} ${Math.round(x.duration)}`,
                    )
                    .join(', ');
                  return `frame ${at(e.startTime)}+${Math.round(e.duration)} [${scripts}]`;
                }),
            );
          }).observe({ type: 'long-animation-frame', buffered: true });
          setTimeout(() => resolve([]), 2000);
        }),
    );
    lines.push(...frames);
    console.log(`run ${i + 1}: ${ms.toFixed(0)} ms | ${lines.join(' | ')}`);
    await page.context().close();
  }
}

void runScript(main);

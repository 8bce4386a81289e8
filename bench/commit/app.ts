/**
 * The figure the user waits for: `commit:start` as the app runs it (validation, the existence and
 * drift reads, the journal, the writes), in each write mode, through the fault proxy at 10 ms.
 */
import { CLEAN } from '../../test-support/faultProxy/proxy';
import type { AppBench, AppCommitFigure } from '../support/appCommit';
import { CLEAN_SCHEMA, cleanRows } from '../support/benchData';
import type { Bench } from './figure';

export type AppFigures = Record<'guarded' | 'batch', AppCommitFigure[]>;

export async function appSection(
  b: Bench,
  app: AppBench,
  latencyMs: number,
  items: number,
  repeats: number,
): Promise<AppFigures> {
  await b.proxy.configure({ ...CLEAN, latencyMs });
  const out: AppFigures = { guarded: [], batch: [] };
  let no = 0;
  for (let i = 0; i < repeats; i++) {
    for (const mode of ['guarded', 'batch'] as const) {
      const figure = await app.run(
        `App${++no}`,
        CLEAN_SCHEMA,
        cleanRows(items, `app${no}`),
        () => b.proxy.counters(),
        () => b.proxy.reset(),
        mode,
      );
      out[mode].push(figure);
      console.error(
        `${`commit:start (app, ${mode}), ${latencyMs} ms`.padEnd(32)} ${figure.itemsPerSecond.toFixed(0).padStart(6)} items/s         ${figure.seconds.toFixed(2).padStart(6)} s  calls ${JSON.stringify(figure.calls)}  lost ${figure.lost}`,
      );
    }
  }
  return out;
}

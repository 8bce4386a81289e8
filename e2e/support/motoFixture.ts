/**
 * Playwright fixtures for specs that need a second DynamoDB (moto_server): the host fixture plus a
 * worker-scoped moto, started on first use and stopped when the worker ends. Where moto is not
 * installed the test is skipped with the reason printed (never counted as passed).
 */
import { motoMissingReason, startMoto, type RunningMoto } from '../../test-support/servers/moto';
import { test as base } from './fixtures';

export const test = base.extend<object, { moto: RunningMoto | undefined }>({
  moto: [
    async ({}, use) => {
      const missing = motoMissingReason();
      if (missing) {
        console.warn(`moto specs skipped: ${missing}`);
        await use(undefined);
        return;
      }
      const moto = await startMoto();
      console.log(`moto_server listening on ${moto.endpoint} (started in ${moto.startMs} ms)`);
      await use(moto);
      await moto.close();
    },
    { scope: 'worker' },
  ],
});

/** Skips the calling test with the reason when moto is not installed; else returns it. */
export function requireMoto(moto: RunningMoto | undefined): RunningMoto {
  test.skip(!moto, motoMissingReason() ?? 'moto is not available');
  return moto!;
}

export { expect } from './fixtures';

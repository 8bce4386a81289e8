import { test as base } from '@playwright/test';
import { startHost, type RunningHost } from '../../test-support/servers/webHost';

/** A web host (fresh data dir, seeded sandbox) shared by the tests of one worker. */
export const test = base.extend<object, { host: RunningHost }>({
  host: [
    async ({}, use) => {
      const host = await startHost();
      await use(host);
      await host.stop();
    },
    { scope: 'worker' },
  ],
});

export { expect } from '@playwright/test';

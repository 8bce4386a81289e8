import { defineConfig } from 'vitest/config';

const include = ['shared/**/*.test.ts', 'bench/support/**/*.test.ts', 'scripts/**/*.test.ts', 'electron/**/*.test.ts', 'server/**/*.test.ts', 'test-support/**/*.test.ts', 'webhost/**/*.test.ts', 'cli/**/*.test.ts', 'renderer/src/**/*.test.ts'];
const motoTests = '**/*.moto.test.ts';

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 120_000,
    // Tests reach the sandbox (behind its guard) with the same fixed keys as every local endpoint.
    env: { DYNOSTAGE_SANDBOX_ACCESS_KEY_ID: 'local' },
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'unit', include, exclude: [motoTests, '**/node_modules/**'] } },
      // The moto project's globalSetup starts one moto_server (about 2 s), only when one of its files runs.
      {
        extends: true,
        test: {
          name: 'moto',
          include: include.map((glob) => glob.replace(/\.test\.ts$/, '.moto.test.ts')),
          globalSetup: ['test-support/servers/motoGlobalSetup.ts'],
        },
      },
    ],
  },
});

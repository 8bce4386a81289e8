import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'cli/**/*.test.ts', 'renderer/src/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    // Tests reach the sandbox (behind its guard) with the same fixed keys as every local endpoint.
    env: { DYNOSTAGE_SANDBOX_ACCESS_KEY_ID: 'local' },
    hookTimeout: 60_000,
  },
});

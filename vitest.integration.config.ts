import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.int.test.ts'],
    exclude: ['**/node_modules/**', 'out/**', 'dist/**', 'e2e/**'],
    environment: 'node',
    globalSetup: ['scripts/vitest.engine-setup.ts'],
    setupFiles: ['scripts/vitest.engine-env.ts'],
    // One engine on two cores: files run one after another so they do not trip over each other's containers.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts', '**/*.test.tsx'],
    exclude: ['**/*.int.test.ts', '**/node_modules/**', 'out/**', 'dist/**', 'e2e/**'],
    environment: 'node',
  },
});

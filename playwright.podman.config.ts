// The core E2E flows (specs tagged @core: list, run, stop, logs, layers, build, tour) against Podman's
// Docker-compatible socket instead of dockerd. One worker, one Podman service for the whole run.
import { defineConfig } from '@playwright/test';
import base from './playwright.config';

export default defineConfig({
  ...base,
  grep: /@core/,
  outputDir: 'test-results/e2e-podman',
  globalSetup: './e2e/podman-setup.ts',
  // Podman on vfs is slower than dockerd; a busy CI machine more so.
  timeout: 60_000,
  globalTimeout: 10 * 60_000,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e-podman.json' }]],
});

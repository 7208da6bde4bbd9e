import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

// A sandboxed preload can require only 'electron' (and a few polyfills): everything else must be bundled in.
describe('the preload bundle', () => {
  it('is one CommonJS file whose only require is electron', async () => {
    const result = await build({
      entryPoints: [fileURLToPath(new URL('./index.ts', import.meta.url))],
      bundle: true,
      // The same settings as scripts/build.mjs.
      platform: 'browser',
      target: 'chrome140',
      format: 'cjs',
      external: ['electron'],
      write: false,
      logLevel: 'silent',
    });
    expect(result.outputFiles).toHaveLength(1);
    const code = result.outputFiles[0]?.text ?? '';
    const required = new Set([...code.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]));
    expect([...required]).toEqual(['electron']);
    expect(code).toContain('exposeInMainWorld("berth"');
  });
});

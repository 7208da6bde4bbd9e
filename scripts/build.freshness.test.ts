import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isUpToDate, outputTimes, sourceTimes } from './build.freshness.mjs';

describe('isUpToDate', () => {
  it('needs every output, each newer than every source', () => {
    expect(isUpToDate([1, 2], [3, 4])).toBe(true);
    expect(isUpToDate([1, 3], [3, 4])).toBe(false);
    expect(isUpToDate([1, 5], [3, 4])).toBe(false);
    expect(isUpToDate([1], [3, null])).toBe(false);
    expect(isUpToDate([1], [])).toBe(false);
    expect(isUpToDate([], [3])).toBe(true);
  });
});

describe('sourceTimes and outputTimes', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const file = (relative: string, seconds: number) => {
    const full = path.join(dir, relative);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, '');
    utimesSync(full, seconds, seconds);
  };

  it('walks the source roots, skipping tests, node_modules and dot folders', () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'berth-fresh-'));
    file('shared/a.ts', 100);
    file('shared/a.test.ts', 900);
    file('renderer/node_modules/x/index.js', 900);
    file('renderer/.vite/cache.json', 900);
    file('electron/main/b.ts', 200);
    file('package.json', 50);
    file('out/main/index.cjs', 300);
    expect(sourceTimes(dir).sort((a, b) => a - b)).toEqual([50_000, 100_000, 200_000]);
    expect(outputTimes(dir, ['out/main/index.cjs', 'out/bridge/serve.mjs'])).toEqual([300_000, null]);
    expect(isUpToDate(sourceTimes(dir), outputTimes(dir, ['out/main/index.cjs']))).toBe(true);
    file('electron/main/b.ts', 400);
    expect(isUpToDate(sourceTimes(dir), outputTimes(dir, ['out/main/index.cjs']))).toBe(false);
  });
});

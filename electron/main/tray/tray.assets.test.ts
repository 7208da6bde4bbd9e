/** The tray icons exist at every size, are RGBA PNGs of the right size, and are packed by electron-builder. */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { trayIconName } from './tray.menu';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const dir = `${root}assets/tray/`;
const require = createRequire(import.meta.url);
const builderLib = require.resolve('app-builder-lib/package.json', { paths: [require.resolve('electron-builder')] });
const yaml = require(require.resolve('js-yaml', { paths: [builderLib] })) as { load(text: string): unknown };
const { minimatch } = require(require.resolve('minimatch', { paths: [builderLib] })) as {
  minimatch(path: string, pattern: string): boolean;
};

const SCALES: readonly [string, number][] = [
  ['', 16],
  ['@1.5x', 24],
  ['@2x', 32],
  ['@3x', 48],
  ['@4x', 64],
];

function pngSize(file: string): { width: number; height: number; rgba: boolean } {
  const data = readFileSync(file);
  expect(data.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20), rgba: data[25] === 6 };
}

const names = new Set(
  (['darwin', 'linux', 'win32'] as const).flatMap((platform) =>
    [null, { state: 'unreachable' } as const].map((engine) =>
      trayIconName(engine as Parameters<typeof trayIconName>[0], platform),
    ),
  ),
);

describe('tray icons', () => {
  it('has the normal, unreachable and macOS template looks', () => {
    expect([...names].sort()).toEqual(['tray', 'tray-unreachable', 'tray-unreachableTemplate', 'trayTemplate']);
  });

  it.each([...names])('%s comes at 16, 24 and 32 px and twice those, with transparency', (name) => {
    for (const [suffix, size] of SCALES) {
      expect(pngSize(`${dir}${name}${suffix}.png`)).toEqual({ width: size, height: size, rgba: true });
    }
  });

  it('is packed by electron-builder', () => {
    const { files } = yaml.load(readFileSync(`${root}electron-builder.yml`, 'utf8')) as { files: string[] };
    const included = (path: string) =>
      files.filter((f) => !f.startsWith('!')).some((f) => minimatch(path, f)) &&
      !files.filter((f) => f.startsWith('!')).some((f) => minimatch(path, f.slice(1)));
    const pngs = readdirSync(dir).filter((f) => f.endsWith('.png'));
    expect(pngs).toHaveLength(names.size * SCALES.length);
    for (const png of pngs) expect(included(`assets/tray/${png}`), png).toBe(true);
    expect(included('assets/tray/tray.svg')).toBe(false);
  });
});

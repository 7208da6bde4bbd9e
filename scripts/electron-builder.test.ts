/**
 * electron-builder.yml checked without building (packaging needs Electron downloads this machine cannot make):
 * against electron-builder's own schema, and for what must and must not ship.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
// The schema check and YAML reader electron-builder itself uses; neither is exported, so they are loaded by path.
const builderLib = require.resolve('app-builder-lib/package.json', { paths: [require.resolve('electron-builder')] });
const { validateConfiguration } = require(builderLib.replace('package.json', 'out/util/config/config.js')) as {
  validateConfiguration: (config: unknown, debug: { isEnabled: boolean; add(): void }) => Promise<void>;
};
const yaml = require(require.resolve('js-yaml', { paths: [builderLib] })) as { load(text: string): unknown };

interface BuilderConfig {
  appId: string;
  productName: string;
  asar: boolean;
  files: string[];
  directories: { output: string };
  electronFuses: Record<string, boolean>;
  extraResources: { from: string; to: string; filter: string[] }[];
  linux: { target: string[]; category: string; icon: string };
  mac: { target: { target: string; arch: string[] }[]; icon: string };
  win: { target: string[]; icon: string };
}

const config = yaml.load(readFileSync(`${root}electron-builder.yml`, 'utf8')) as BuilderConfig;

describe('electron-builder.yml', () => {
  it('matches electron-builder’s schema', async () => {
    await expect(validateConfiguration(config, { isEnabled: false, add: () => undefined })).resolves.toBeUndefined();
  });

  it('names the app and packs it into an asar in dist/', () => {
    expect(config).toMatchObject({ appId: 'dev.berth.app', productName: 'Berth', asar: true });
    expect(config.directories.output).toBe('dist');
  });

  it('ships the built output and package.json, not sources, tests or source maps', () => {
    expect(config.files).toEqual(expect.arrayContaining(['package.json', 'out/**', '!**/*.map', '!**/*.test.*']));
    expect(config.files.some((f) => /^(electron|renderer|shared|scripts|e2e)\b/.test(f))).toBe(false);
  });

  it('ships the build files of the guided tour, dotfiles included, where main looks for them', () => {
    expect(config.extraResources).toContainEqual({
      from: 'assets/tour',
      to: 'assets/tour',
      filter: expect.arrayContaining(['.dockerignore']) as string[],
    });
  });

  it('burns the fuses that close Node entry points', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      // The renderer comes from app:// (electron/main/security/app-protocol.ts); file:// gets no extra powers.
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('targets AppImage and deb, a dmg per Mac architecture, and an NSIS installer', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.linux.category).toBe('Development');
    expect(config.mac.target).toEqual([{ target: 'dmg', arch: ['x64', 'arm64'] }]);
    expect(config.win.target).toEqual(['nsis']);
  });

  it('points every platform at a 512x512 PNG icon', () => {
    for (const icon of new Set([config.linux.icon, config.mac.icon, config.win.icon])) {
      const png = readFileSync(`${root}${icon}`);
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      // IHDR: width and height are the first two big-endian words of the first chunk.
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
    }
  });
});

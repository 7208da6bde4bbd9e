import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../shared/dto/settings';
import { readSettingsFile, settingsFromJson, writeSettingsFile } from './settings.file';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'berth-settings-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('settingsFromJson', () => {
  it('keeps every valid field', () => {
    const raw = {
      engineEndpoint: 'tcp://127.0.0.1:2375',
      engineContext: 'lab',
      engineTls: { ca: '/certs/ca.pem', cert: '/certs/cert.pem', key: '/certs/key.pem' },
      theme: 'dark',
      logLineCap: 5000,
      notifications: false,
      closeToTray: false,
    };
    expect(settingsFromJson(raw, 'f')).toEqual({ settings: raw, warnings: [] });
  });

  it('fills missing fields from the defaults and ignores unknown ones', () => {
    expect(settingsFromJson({ theme: 'light', futureThing: 1 }, 'f')).toEqual({
      settings: { ...DEFAULT_SETTINGS, theme: 'light' },
      warnings: [],
    });
  });

  it('drops only the invalid field, with a warning naming it', () => {
    const { settings, warnings } = settingsFromJson({ theme: 'purple', logLineCap: 2000 }, 'settings.json');
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, logLineCap: 2000 });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/settings\.json: "theme" is not valid/);
  });

  it.each([null, 42, 'text', [1, 2]])('falls back to the defaults for %j', (raw) => {
    const { settings, warnings } = settingsFromJson(raw, 'f');
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(warnings[0]).toMatch(/does not hold a settings object/);
  });
});

describe('readSettingsFile / writeSettingsFile', () => {
  it('starts from the defaults, silently, when there is no file', () => {
    expect(readSettingsFile(path.join(dir, 'none.json'))).toEqual({ settings: DEFAULT_SETTINGS, warnings: [] });
  });

  it('falls back to the defaults with a warning for broken JSON', async () => {
    const file = path.join(dir, 'settings.json');
    await writeFile(file, '{"theme": "dark",');
    const { settings, warnings } = readSettingsFile(file);
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(warnings[0]).toMatch(/is not valid JSON/);
  });

  it('writes atomically into a new folder and reads back what it wrote, leaving no temporary file', async () => {
    const file = path.join(dir, 'nested', 'settings.json');
    const settings = { ...DEFAULT_SETTINGS, logLineCap: 12_345, theme: 'dark' as const };
    await writeSettingsFile(file, settings);
    expect(readSettingsFile(file)).toEqual({ settings, warnings: [] });
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(settings);
    expect(await readdir(path.dirname(file))).toEqual(['settings.json']);
  });
});

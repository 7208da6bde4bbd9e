import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, LOG_LINE_CAP, type SettingsPatch } from '../../../shared/dto/settings';
import { BerthFailure } from '../../../shared/result';
import { SettingsStore } from './settings.store';

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'berth-store-'));
  file = path.join(dir, 'settings.json');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('SettingsStore', () => {
  it('loads a corrupt file as the defaults and warns instead of throwing', async () => {
    await writeFile(file, 'not json at all');
    const warn = vi.fn();
    const store = new SettingsStore({ file, warn });
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/not valid JSON/));
  });

  it('persists an update, which a new store reads back', async () => {
    const store = new SettingsStore({ file });
    const next = await store.update({ logLineCap: 50_000, notifications: false });
    expect(next).toEqual({ ...DEFAULT_SETTINGS, logLineCap: 50_000, notifications: false });
    expect(new SettingsStore({ file }).get()).toEqual(next);
  });

  it('tells listeners the new and the previous settings', async () => {
    const store = new SettingsStore({ file: null });
    const listener = vi.fn();
    store.onChange(listener);
    await store.update({ theme: 'dark' });
    expect(listener).toHaveBeenCalledWith({ ...DEFAULT_SETTINGS, theme: 'dark' }, DEFAULT_SETTINGS);
  });

  it.each<[string, unknown]>([
    ['a cap below the minimum', { logLineCap: LOG_LINE_CAP.min - 1 }],
    ['a cap above the maximum', { logLineCap: LOG_LINE_CAP.max + 1 }],
    ['a fractional cap', { logLineCap: 1500.5 }],
    ['an unknown theme', { theme: 'sepia' }],
    ['an address without a scheme', { engineEndpoint: '/var/run/docker.sock' }],
    ['an http address', { engineEndpoint: 'http://localhost:2375' }],
    ['an unknown field', { colour: 'red' }],
  ])('refuses %s with INVALID_INPUT and keeps the settings', async (_what, patch) => {
    const store = new SettingsStore({ file });
    const failure = await store.update(patch as SettingsPatch).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(BerthFailure);
    expect((failure as BerthFailure).error.code).toBe('INVALID_INPUT');
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    await expect(readFile(file)).rejects.toThrow(/ENOENT/);
  });

  it('ends with the last of several quick updates on disk', async () => {
    const store = new SettingsStore({ file });
    await Promise.all([2000, 3000, 4000].map((logLineCap) => store.update({ logLineCap })));
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ logLineCap: 4000 });
  });

  it('says where it could not save, and keeps the previous settings', async () => {
    await writeFile(path.join(dir, 'blocker'), '');
    const store = new SettingsStore({ file: path.join(dir, 'blocker', 'settings.json'), warn: vi.fn() });
    await expect(store.update({ theme: 'light' })).rejects.toMatchObject({ error: { code: 'INTERNAL' } });
    expect(store.get().theme).toBe('system');
  });
});

import { describe, expect, it } from 'vitest';
import { configDir, electronSettingsFile, settingsFile } from './settings.paths';

describe('configDir', () => {
  it('prefers BERTH_CONFIG_DIR everywhere', () => {
    expect(configDir({ env: { BERTH_CONFIG_DIR: '/tmp/x' }, platform: 'linux', homedir: '/home/a' })).toBe('/tmp/x');
  });

  it('uses XDG_CONFIG_HOME on Linux when it is absolute, else ~/.config', () => {
    expect(configDir({ env: { XDG_CONFIG_HOME: '/cfg' }, platform: 'linux', homedir: '/home/a' })).toBe('/cfg/Berth');
    expect(configDir({ env: { XDG_CONFIG_HOME: 'rel' }, platform: 'linux', homedir: '/home/a' })).toBe(
      '/home/a/.config/Berth',
    );
    expect(configDir({ env: {}, platform: 'freebsd', homedir: '/home/a' })).toBe('/home/a/.config/Berth');
  });

  it('uses Application Support on macOS and APPDATA on Windows, like Electron', () => {
    expect(configDir({ env: {}, platform: 'darwin', homedir: '/Users/a' })).toBe(
      '/Users/a/Library/Application Support/Berth',
    );
    expect(
      configDir({ env: { APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, platform: 'win32', homedir: 'C:\\Users\\a' }),
    ).toBe('C:\\Users\\a\\AppData\\Roaming\\Berth');
  });
});

describe('settings files', () => {
  it('names settings.json in the folder', () => {
    expect(settingsFile({ env: {}, platform: 'linux', homedir: '/h' })).toBe('/h/.config/Berth/settings.json');
    expect(electronSettingsFile({}, '/ud')).toBe('/ud/settings.json');
    expect(electronSettingsFile({ BERTH_CONFIG_DIR: '/t' }, '/ud')).toBe('/t/settings.json');
  });
});

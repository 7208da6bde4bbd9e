import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { AppCommand } from '../../../shared/dto/app';
import { aboutText, appMenuTemplate } from './app.menu';

function flatten(items: readonly MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

function menu(platform: NodeJS.Platform, packaged = true) {
  const sent: AppCommand[] = [];
  const showAbout = vi.fn();
  const items = flatten(appMenuTemplate({ platform, send: (c) => sent.push(c), showAbout, packaged }));
  const byAccelerator = (accelerator: string) => items.find((i) => i.accelerator === accelerator);
  const click = (item: MenuItemConstructorOptions | undefined) => (item?.click as (() => void) | undefined)?.call(null);
  return { items, sent, showAbout, byAccelerator, click };
}

describe('appMenuTemplate', () => {
  it.each(['linux', 'win32', 'darwin'] as const)('always has Quit and the standard roles on %s', (platform) => {
    const roles = menu(platform)
      .items.map((i) => i.role)
      .filter(Boolean);
    expect(roles).toEqual(expect.arrayContaining(['quit', 'editMenu', 'windowMenu', 'close', 'togglefullscreen']));
    expect(roles.filter((r) => r === 'quit')).toHaveLength(1);
  });

  it('puts the app menu first on macOS only', () => {
    expect(appMenuTemplate({ platform: 'darwin', send: vi.fn(), showAbout: vi.fn(), packaged: true })[0]?.label).toBe(
      'Berth',
    );
    expect(appMenuTemplate({ platform: 'linux', send: vi.fn(), showAbout: vi.fn(), packaged: true })[0]?.label).toBe(
      'File',
    );
  });

  it('sends Ctrl/Cmd+1..5 as section commands, Ctrl/Cmd+F as search and Ctrl/Cmd+R as refresh', () => {
    const m = menu('linux');
    for (const key of ['1', '2', '3', '4', '5', 'F', 'R', ',']) m.click(m.byAccelerator(`CmdOrCtrl+${key}`));
    expect(m.sent).toEqual([
      { kind: 'navigate', section: 'containers' },
      { kind: 'navigate', section: 'images' },
      { kind: 'navigate', section: 'build' },
      { kind: 'navigate', section: 'logs' },
      { kind: 'navigate', section: 'learn' },
      { kind: 'search' },
      { kind: 'refresh' },
      { kind: 'navigate', section: 'settings' },
    ]);
  });

  it('never binds a role to Ctrl+R, so the page is not reloaded under its streams', () => {
    const roles = menu('linux', false).items.map((i) => i.role);
    expect(roles).not.toContain('reload');
    expect(roles).not.toContain('forceReload');
  });

  it('offers developer tools only in an unpackaged build', () => {
    expect(menu('linux', true).items.map((i) => i.role)).not.toContain('toggleDevTools');
    expect(menu('linux', false).items.map((i) => i.role)).toContain('toggleDevTools');
  });

  it('opens About from the Help menu (app menu on macOS)', () => {
    for (const platform of ['linux', 'darwin'] as const) {
      const m = menu(platform);
      m.click(m.items.find((i) => i.label === 'About Berth'));
      expect(m.showAbout).toHaveBeenCalledOnce();
    }
  });
});

describe('Explain a Command…', () => {
  it('opens the command explainer from the Help menu', () => {
    for (const platform of ['linux', 'darwin'] as const) {
      const m = menu(platform);
      m.click(m.items.find((i) => i.label === 'Explain a Command…'));
      expect(m.sent).toEqual([{ kind: 'navigate', section: 'learn', id: 'explain' }]);
    }
  });
});

describe('aboutText', () => {
  it('lists the versions of Berth, Electron and the engine', () => {
    const text = aboutText({
      berth: '0.1.0',
      electron: '45.5.0',
      chrome: '140.0.0',
      node: '22.1.0',
      engine: 'Docker Engine 28.1.1 (API 1.49)',
    });
    expect(text.message).toBe('Berth 0.1.0');
    expect(text.detail.split('\n')).toEqual([
      'Electron 45.5.0',
      'Chromium 140.0.0',
      'Node.js 22.1.0',
      'Docker Engine 28.1.1 (API 1.49)',
    ]);
  });
});

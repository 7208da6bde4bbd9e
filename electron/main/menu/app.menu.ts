/**
 * The application menu as a template, built by a pure function so roles and shortcuts are unit-tested. Menu
 * items that act on the page send an AppCommand to the renderer; Quit is always there, tray or not. Ctrl/Cmd+1, 2, ...
 * show the sidebar's sections (shared/dto/app.ts), as the browser mode's shortcuts do.
 */
import type { MenuItemConstructorOptions } from 'electron';
import { SHORTCUT_SECTIONS, type AppCommand } from '../../../shared/dto/app';

export interface AppMenuOptions {
  readonly platform: NodeJS.Platform;
  readonly send: (command: AppCommand) => void;
  readonly showAbout: () => void;
  /** Developer tools only in an unpackaged build. */
  readonly packaged: boolean;
}

export function appMenuTemplate({ platform, send, showAbout, packaged }: AppMenuOptions): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const settings: MenuItemConstructorOptions = {
    label: mac ? 'Settings…' : 'Settings',
    accelerator: 'CmdOrCtrl+,',
    click: () => send({ kind: 'navigate', section: 'settings' }),
  };
  const about: MenuItemConstructorOptions = { label: 'About Berth', click: showAbout };

  const appMenu: MenuItemConstructorOptions = {
    label: 'Berth',
    submenu: [
      about,
      { type: 'separator' },
      settings,
      { type: 'separator' },
      { role: 'services' },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit' },
    ],
  };
  const fileMenu: MenuItemConstructorOptions = {
    label: 'File',
    submenu: mac ? [{ role: 'close' }] : [settings, { type: 'separator' }, { role: 'close' }, { role: 'quit' }],
  };
  const viewMenu: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      ...SHORTCUT_SECTIONS.map(({ section, label }, index): MenuItemConstructorOptions => ({
        label,
        accelerator: `CmdOrCtrl+${index + 1}`,
        click: () => send({ kind: 'navigate', section }),
      })),
      { type: 'separator' },
      { label: 'Search', accelerator: 'CmdOrCtrl+F', click: () => send({ kind: 'search' }) },
      // Ctrl+R fetches the lists again; the page itself is never reloaded (that would drop every stream).
      { label: 'Refresh', accelerator: 'CmdOrCtrl+R', click: () => send({ kind: 'refresh' }) },
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      ...(packaged ? [] : [{ type: 'separator' } as const, { role: 'toggleDevTools' } as const]),
    ],
  };
  const explain: MenuItemConstructorOptions = {
    label: 'Explain a Command…',
    click: () => send({ kind: 'navigate', section: 'learn', id: 'explain' }),
  };
  const helpMenu: MenuItemConstructorOptions = { role: 'help', submenu: mac ? [explain] : [explain, about] };
  return [
    ...(mac ? [appMenu] : [fileMenu]),
    ...(mac ? [fileMenu] : []),
    { role: 'editMenu' },
    viewMenu,
    { role: 'windowMenu' },
    helpMenu,
  ];
}

export interface AboutVersions {
  readonly berth: string;
  readonly electron: string;
  readonly chrome: string;
  readonly node: string;
  /** e.g. "Docker Engine 28.1.1 (API 1.49)", or why there is none. */
  readonly engine: string;
}

export function aboutText(v: AboutVersions): { readonly message: string; readonly detail: string } {
  return {
    message: `Berth ${v.berth}`,
    detail: [`Electron ${v.electron}`, `Chromium ${v.chrome}`, `Node.js ${v.node}`, v.engine].join('\n'),
  };
}

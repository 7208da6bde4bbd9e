/**
 * The desktop around the window, kept thin: the app menu, the tray, exit notifications, the theme setting and
 * close-to-tray. What each of these decides lives in pure, unit-tested modules (menu/, tray/, notifications/,
 * window-close.ts); this file only connects them to Electron.
 */
import { app, dialog, Menu, nativeTheme, type BrowserWindow } from 'electron';
import type { AppCommand } from '../../shared/dto/app';
import type { Backend } from '../backend';
import { aboutText, appMenuTemplate } from './menu/app.menu';
import { startExitNotifications } from './notifications/notifier';
import { startTray, type BerthTray } from './tray/tray';
import type { TrayAction } from './tray/tray.menu';
import { decideClose } from './window-close';

export interface DesktopOptions {
  readonly backend: Backend;
  /** assets/tray inside the app. */
  readonly trayIconDir: string;
  readonly getWindow: () => BrowserWindow | null;
  /** Shows the window, opening it again if it was closed. */
  readonly showWindow: () => void;
}

export interface Desktop {
  /** Hooks a new window up to close-to-tray. */
  manage(window: BrowserWindow): void;
  dispose(): void;
}

function engineVersion(backend: Backend): string {
  const status = backend.engine.status();
  if (status.state !== 'connected') return `Docker Engine: ${status.state} (${status.endpoint.address})`;
  const name = status.engine.flavor === 'podman' ? 'Podman' : 'Docker Engine';
  return `${name} ${status.engine.version} (API ${status.engine.apiVersion}) at ${status.endpoint.address}`;
}

export function startDesktop({ backend, trayIconDir, getWindow, showWindow }: DesktopOptions): Desktop {
  const { settings, commands } = backend.services;
  let quitting = false;
  const onBeforeQuit = () => {
    quitting = true;
  };
  app.on('before-quit', onBeforeQuit);

  const send = (command: AppCommand) => {
    showWindow();
    commands.send(command);
  };
  const showAbout = () => {
    const text = aboutText({
      berth: app.getVersion(),
      electron: process.versions.electron ?? 'unknown',
      chrome: process.versions.chrome ?? 'unknown',
      node: process.versions.node,
      engine: engineVersion(backend),
    });
    const window = getWindow();
    const options = { type: 'info' as const, title: 'About Berth', buttons: ['OK'], ...text };
    void (window ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options));
  };
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(appMenuTemplate({ platform: process.platform, send, showAbout, packaged: app.isPackaged })),
  );

  nativeTheme.themeSource = settings.get().theme;
  const offSettings = settings.onChange((next) => {
    nativeTheme.themeSource = next.theme;
  });

  const openLogs = (id: string) => send({ kind: 'navigate', section: 'containers', id, tab: 'logs' });
  const onTrayAction = (action: TrayAction) => {
    if (action.kind === 'show') showWindow();
    else if (action.kind === 'containers') send({ kind: 'navigate', section: 'containers' });
    else if (action.kind === 'logs') openLogs(action.id);
    else if (action.kind === 'project-open') send({ kind: 'navigate', section: 'projects' });
    else if (action.kind === 'quit') app.quit();
  };
  let tray: BerthTray | null = null;
  try {
    tray = startTray({
      backend,
      iconDir: trayIconDir,
      platform: process.platform,
      onAction: onTrayAction,
      warn: (message) => console.warn(message),
    });
  } catch (error) {
    // No tray on this desktop: everything stays reachable from the window, and closing it quits.
    console.warn('Berth could not show a tray icon:', error);
  }
  if (tray && process.env.BERTH_TEST_HOOKS === '1') {
    // Lets the Playwright _electron smoke test read the tray menu through the main process.
    const shown = tray;
    Object.assign(globalThis, { berthTrayItems: () => shown.items() });
  }
  const offNotifications = startExitNotifications(backend, openLogs);

  return {
    manage(window) {
      window.on('close', (event) => {
        const decision = decideClose({ closeToTray: settings.get().closeToTray, trayShown: tray !== null, quitting });
        if (decision === 'hide') {
          event.preventDefault();
          window.hide();
        }
      });
    },
    dispose() {
      app.removeListener('before-quit', onBeforeQuit);
      offSettings();
      offNotifications();
      tray?.dispose();
    },
  };
}

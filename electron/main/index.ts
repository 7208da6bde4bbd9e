/**
 * The Electron main process, kept thin: lifecycle and wiring only. Everything that decides something
 * (window options, security checks, IPC, window placement) lives in unit-tested modules beside this one.
 */
import { join } from 'node:path';
import { app, BrowserWindow, ipcMain, nativeTheme, protocol, screen, session, shell } from 'electron';
import { createBackend, type Backend } from '../backend';
import { startDesktop, type Desktop } from './desktop';
import { electronDialogs } from './desktop.dialogs';
import { registerIpc } from './ipc.registrar';
import { APP_SCHEME_PRIVILEGES, APP_URL as RENDERER_URL, registerAppProtocol } from './security/app-protocol';
import { guardWebContents } from './security/contents';
import { decideWindowOpen } from './security/navigation';
import { isTrustedSender } from './security/sender';
import { hardenSession } from './security/session';
import { electronSettingsFile } from '../backend/settings/settings.paths';
import { BACKGROUND, windowOptions } from './window';
import { createStateSaver, loadWindowState, placeWindow, saveWindowState, trackWindowState } from './window-state';

// Built layout: out/main/index.cjs, out/preload/index.cjs, out/renderer/index.html.
const PRELOAD_PATH = join(__dirname, '../preload/index.cjs');
const RENDERER_DIR = join(__dirname, '../renderer');
// electron-builder.yml packs assets/tray beside out/.
const TRAY_ICONS = join(__dirname, '../../assets/tray');

/** A dev server is honoured only in an unpackaged build, so a shipped app cannot be pointed elsewhere. */
const APP_URL = !app.isPackaged && process.env.BERTH_DEV_SERVER_URL ? process.env.BERTH_DEV_SERVER_URL : RENDERER_URL;

let mainWindow: BrowserWindow | null = null;
let backend: Backend | null = null;
let disposeIpc: (() => void) | null = null;
let desktop: Desktop | null = null;
const stateFile = () => join(app.getPath('userData'), 'window-state.json');
const saver = createStateSaver((state) =>
  saveWindowState(stateFile(), state).catch((error: unknown) =>
    console.warn('Could not save the window state:', error),
  ),
);

function openExternal(url: string): void {
  if (decideWindowOpen(url) !== 'open-external') return;
  shell.openExternal(url).catch((error: unknown) => console.warn('Could not open a link:', error));
}

async function createWindow(): Promise<void> {
  const saved = await loadWindowState(stateFile());
  const workAreas = screen.getAllDisplays().map((display) => display.workArea);
  const placed = placeWindow(saved, workAreas, screen.getPrimaryDisplay().workArea);
  const window = new BrowserWindow(windowOptions(PRELOAD_PATH, placed.bounds, nativeTheme));
  mainWindow = window;
  if (placed.maximized) window.maximize();
  desktop?.manage(window);
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  trackWindowState(window, saver);
  await window.loadURL(APP_URL);
}

function openWindow(): void {
  createWindow().catch((error: unknown) => console.error('Berth could not open its window:', error));
}

function focusMainWindow(): void {
  if (!mainWindow) {
    // Before start() has run, the window is on its way anyway.
    if (backend) openWindow();
    return;
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

async function start(): Promise<void> {
  hardenSession(session.defaultSession);
  registerAppProtocol(protocol, RENDERER_DIR);
  backend = createBackend({
    settingsFile: electronSettingsFile(process.env, app.getPath('userData')),
    desktop: electronDialogs(() => mainWindow),
    cacheDir: app.getPath('userData'),
  });
  disposeIpc = registerIpc({
    ipcMain,
    dispatcher: backend.dispatcher,
    isTrusted: (frame) => isTrustedSender(frame, APP_URL),
  });
  desktop = startDesktop({
    backend,
    trayIconDir: TRAY_ICONS,
    getWindow: () => mainWindow,
    showWindow: focusMainWindow,
  });
  nativeTheme.on('updated', () =>
    mainWindow?.setBackgroundColor(nativeTheme.shouldUseDarkColors ? BACKGROUND.dark : BACKGROUND.light),
  );
  await createWindow();
}

// The renderer's own scheme (security/app-protocol.ts) must be declared before the app is ready.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', focusMainWindow);
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, APP_URL, openExternal));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    // A window hidden in the tray comes back when the Dock icon is clicked.
    if (BrowserWindow.getAllWindows().length === 0) {
      if (backend) openWindow();
    } else focusMainWindow();
  });

  let cleanedUp = false;
  app.on('will-quit', (event) => {
    if (cleanedUp) return;
    // Hold the quit until the window state is written and the engine connection is closed.
    event.preventDefault();
    cleanedUp = true;
    disposeIpc?.();
    desktop?.dispose();
    void Promise.allSettled([saver.flush(), backend?.dispose()]).finally(() => app.quit());
  });

  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      console.error('Berth could not start:', error);
      app.exit(1);
    });
}

/**
 * The one BrowserWindow's options, as a pure function so every security flag is pinned by a unit test
 * (the Electron binary cannot run here).
 */
import type { BrowserWindowConstructorOptions } from 'electron';
import type { WindowBounds } from './window.types';

export const MIN_WIDTH = 880;
export const MIN_HEIGHT = 560;

/** Painted before the renderer's first frame: --bg of renderer/src/styles/tokens.css in each theme. */
export const BACKGROUND = { light: '#f5f6f8', dark: '#17191d' } as const;

export interface ThemeSource {
  readonly shouldUseDarkColors: boolean;
}

export function windowOptions(
  preloadPath: string,
  bounds: WindowBounds,
  theme: ThemeSource,
): BrowserWindowConstructorOptions {
  return {
    ...bounds,
    minWidth: MIN_WIDTH,
    minHeight: MIN_HEIGHT,
    title: 'Berth',
    backgroundColor: theme.shouldUseDarkColors ? BACKGROUND.dark : BACKGROUND.light,
    // Shown on 'ready-to-show' so the user never sees an empty frame.
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
    },
  };
}

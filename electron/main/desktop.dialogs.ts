/**
 * Electron's native dialogs behind the DesktopDialogs port (backend/desktop/desktop.types.ts); the backend's
 * desktop.handlers.ts holds all the logic and its tests; this file only translates options and answers. Dialogs
 * are modal to the window when there is one.
 */
import { join } from 'node:path';
import {
  app,
  dialog,
  type BrowserWindow,
  type MessageBoxOptions,
  type OpenDialogOptions,
  type SaveDialogOptions,
} from 'electron';
import type { DesktopDialogs, FileFilter } from '../backend/desktop/desktop.types';

const electronFilters = (filters: readonly FileFilter[] = []) =>
  filters.map((f) => ({ name: f.name, extensions: [...f.extensions] }));

export function electronDialogs(getWindow: () => BrowserWindow | null): DesktopDialogs {
  return {
    async showSaveDialog({ title, defaultName, filters }) {
      const options: SaveDialogOptions = {
        title,
        defaultPath: join(app.getPath('downloads'), defaultName),
        filters: electronFilters(filters),
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      };
      const window = getWindow();
      const answer = await (window ? dialog.showSaveDialog(window, options) : dialog.showSaveDialog(options));
      return answer.canceled || !answer.filePath ? null : answer.filePath;
    },
    async showOpenDialog({ title, pick, filters }) {
      const options: OpenDialogOptions = {
        title,
        filters: electronFilters(filters),
        properties: pick === 'folder' ? ['openDirectory', 'createDirectory'] : ['openFile'],
      };
      const window = getWindow();
      const answer = await (window ? dialog.showOpenDialog(window, options) : dialog.showOpenDialog(options));
      return answer.canceled ? null : (answer.filePaths[0] ?? null);
    },
    async confirmEngine({ address, message }) {
      const options: MessageBoxOptions = {
        type: 'warning',
        title: 'Connect to this engine?',
        message: `Connect Berth to ${address}?`,
        detail: message,
        buttons: ['Cancel', 'Connect'],
        defaultId: 0,
        cancelId: 0,
        noLink: true,
      };
      const window = getWindow();
      const answer = await (window ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options));
      return answer.response === 1;
    },
  };
}

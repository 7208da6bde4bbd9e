/**
 * Where the settings file lives. Electron keeps it in its user data folder; the browser mode uses the same folder
 * name under the platform's per-user configuration folder, so both modes share one file. BERTH_CONFIG_DIR
 * overrides both (tests point it at a temporary folder). Pure.
 */
import path from 'node:path';

export const SETTINGS_FILE_NAME = 'settings.json';
/** Electron's user data folder is named after productName. */
const APP_FOLDER = 'Berth';

export interface ConfigDirInput {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly platform: NodeJS.Platform;
  readonly homedir: string;
}

/** The per-user configuration folder of Berth outside Electron (the same place as Electron's userData). */
export function configDir({ env, platform, homedir }: ConfigDirInput): string {
  if (env.BERTH_CONFIG_DIR) return env.BERTH_CONFIG_DIR;
  if (platform === 'win32')
    return path.win32.join(env.APPDATA ?? path.win32.join(homedir, 'AppData', 'Roaming'), APP_FOLDER);
  if (platform === 'darwin') return path.posix.join(homedir, 'Library', 'Application Support', APP_FOLDER);
  const xdg = env.XDG_CONFIG_HOME && path.posix.isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : undefined;
  return path.posix.join(xdg ?? path.posix.join(homedir, '.config'), APP_FOLDER);
}

/** In Electron: BERTH_CONFIG_DIR if set, else the app's user data folder. */
export function electronSettingsFile(env: ConfigDirInput['env'], userData: string): string {
  return path.join(env.BERTH_CONFIG_DIR || userData, SETTINGS_FILE_NAME);
}

export function settingsFile(input: ConfigDirInput): string {
  return path.join(configDir(input), SETTINGS_FILE_NAME);
}

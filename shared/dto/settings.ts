/** What the user can set in Berth; persisted by main, read by main and the renderer. */
export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

/** The log view keeps at most this many lines of one container in memory. */
export const LOG_LINE_CAP = { min: 1_000, max: 2_000_000, default: 100_000 } as const;

export interface Settings {
  /** A DOCKER_HOST-style address that replaces DOCKER_HOST and the defaults; null to find the engine as the CLI does. */
  readonly engineEndpoint: string | null;
  /** A Docker context (by name) that replaces DOCKER_HOST and the CLI's current context; null: none chosen. */
  readonly engineContext: string | null;
  /** The TLS files for a tcp:// engineEndpoint (paths on the backend's machine, never their contents); null: none. */
  readonly engineTls: EngineTlsFiles | null;
  readonly theme: Theme;
  readonly logLineCap: number;
  /** Desktop only: a notification when a container exits unexpectedly. */
  readonly notifications: boolean;
  /** Desktop only: closing the window keeps Berth in the tray (where there is a tray). */
  readonly closeToTray: boolean;
}

/** A CA that signed the engine's certificate, and Berth's client certificate and key, as `docker --tlsverify` takes them. */
export interface EngineTlsFiles {
  readonly ca: string;
  readonly cert: string;
  readonly key: string;
}

export type SettingsPatch = Partial<Settings>;

export const DEFAULT_SETTINGS: Settings = {
  engineEndpoint: null,
  engineContext: null,
  engineTls: null,
  theme: 'system',
  logLineCap: LOG_LINE_CAP.default,
  notifications: true,
  closeToTray: true,
};

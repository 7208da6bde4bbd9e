/**
 * The settings of this Berth process: read once at start, changed through update(), which validates, writes the
 * file and tells the listeners. Without a file (tests, a backend made in code) they live in memory only.
 */
import { settingsPatchSchema } from '../../../shared/contracts/settings.contract';
import { DEFAULT_SETTINGS, type Settings, type SettingsPatch } from '../../../shared/dto/settings';
import { BerthFailure } from '../../../shared/result';
import { readSettingsFile, writeSettingsFile } from './settings.file';

export type SettingsListener = (next: Settings, previous: Settings) => void;

export interface SettingsStoreOptions {
  /** The JSON file to load and save; null keeps the settings in memory. */
  readonly file: string | null;
  readonly warn?: (message: string) => void;
}

export class SettingsStore {
  private current: Settings;
  private readonly listeners = new Set<SettingsListener>();
  /** Writes run one after another, so the file always ends with the latest settings. */
  private writing: Promise<void> = Promise.resolve();
  private readonly file: string | null;

  constructor(options: SettingsStoreOptions) {
    this.file = options.file;
    const warn = options.warn ?? ((message: string) => console.warn(message));
    if (this.file === null) {
      this.current = DEFAULT_SETTINGS;
      return;
    }
    const loaded = readSettingsFile(this.file);
    for (const warning of loaded.warnings) warn(warning);
    this.current = loaded.settings;
  }

  get(): Settings {
    return this.current;
  }

  /** Applies a validated patch; resolves once the file is written. */
  async update(patch: SettingsPatch): Promise<Settings> {
    const parsed = settingsPatchSchema.safeParse(patch);
    if (!parsed.success) {
      throw new BerthFailure('INVALID_INPUT', parsed.error.issues[0]?.message ?? 'These settings are not valid.');
    }
    const previous = this.current;
    const next: Settings = { ...previous, ...parsed.data };
    this.current = next;
    const file = this.file;
    if (file !== null) {
      const write = this.writing.then(() => writeSettingsFile(file, next));
      this.writing = write.catch(() => undefined);
      try {
        await write;
      } catch (error) {
        if (this.current === next) this.current = previous;
        throw new BerthFailure('INTERNAL', `Berth could not save its settings to ${file}: ${(error as Error).message}`);
      }
    }
    if (this.current === next) this.notify(next, previous);
    return next;
  }

  onChange(listener: SettingsListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(next: Settings, previous: Settings): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(next, previous);
      } catch (error) {
        console.warn('A settings listener failed:', error);
      }
    }
  }
}

/**
 * Reading and writing the settings file. A file that is missing starts from the defaults; a file that cannot be
 * read as settings (broken JSON, a wrong value) loses only what is wrong, with a warning, and never stops Berth.
 * Writes go to a temporary file that is renamed over the old one, so a crash mid-write leaves the old file whole.
 */
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { settingsFieldSchemas } from '../../../shared/contracts/settings.contract';
import { DEFAULT_SETTINGS, type Settings } from '../../../shared/dto/settings';
import { writeTextAtomically } from '../core/atomic-file';

export interface LoadedSettings {
  readonly settings: Settings;
  /** Plain sentences about what was wrong with the file and left at its default. */
  readonly warnings: readonly string[];
}

const KEYS = Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[];

/** Settings from parsed JSON: each valid known field is kept, each invalid one falls back to its default. Pure. */
export function settingsFromJson(raw: unknown, where: string): LoadedSettings {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { settings: DEFAULT_SETTINGS, warnings: [`${where} does not hold a settings object; using the defaults.`] };
  }
  const record = raw as Record<string, unknown>;
  const settings: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  const warnings: string[] = [];
  for (const key of KEYS) {
    if (!Object.hasOwn(record, key)) continue;
    const parsed = settingsFieldSchemas[key].safeParse(record[key]);
    if (parsed.success) settings[key] = parsed.data;
    else
      warnings.push(
        `${where}: "${key}" is not valid (${parsed.error.issues[0]?.message ?? 'bad value'}); using the default.`,
      );
  }
  return { settings: settings as unknown as Settings, warnings };
}

export function readSettingsFile(file: string): LoadedSettings {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { settings: DEFAULT_SETTINGS, warnings: [] };
    return {
      settings: DEFAULT_SETTINGS,
      warnings: [`Could not read ${file} (${(error as Error).message}); using the default settings.`],
    };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { settings: DEFAULT_SETTINGS, warnings: [`${file} is not valid JSON; using the default settings.`] };
  }
  return settingsFromJson(raw, file);
}

export async function writeSettingsFile(file: string, settings: Settings): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeTextAtomically(
    file,
    `${JSON.stringify(settings, null, 2)}
`,
    0o600,
  );
}

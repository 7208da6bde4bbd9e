/** The create-volume form's text fields to a VolumeCreateSpec plus one message per wrong field. Pure. */
import { parseLabelLine } from '../../../../shared/cli/containers.parse';
import type { VolumeCreateSpec } from '../../../../shared/dto/volumes';

/** The engine's rule for local volume names, as the contract checks it again in main. */
const VOLUME_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

export interface VolumeForm {
  name: string;
  driver: string;
  options: string;
  labels: string;
}

export type VolumeField = keyof VolumeForm;

export const emptyVolumeForm = (): VolumeForm => ({ name: '', driver: 'local', options: '', labels: '' });

function pairs(text: string, what: string): { map: Record<string, string>; error?: string } {
  const map: Record<string, string> = {};
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  for (const [i, line] of lines.entries()) {
    const parsed = parseLabelLine(line);
    if (!parsed.ok || !line.includes('=')) return { map, error: `Line ${i + 1}: write each ${what} as key=value.` };
    map[parsed.value[0]] = parsed.value[1];
  }
  return { map };
}

export function readVolumeForm(form: VolumeForm): {
  spec: VolumeCreateSpec;
  errors: Partial<Record<VolumeField, string>>;
} {
  const errors: Partial<Record<VolumeField, string>> = {};
  const name = form.name.trim();
  if (name !== '' && !VOLUME_NAME.test(name))
    errors.name =
      'A volume name is at least two characters: letters, digits, "_", "." or "-", starting with a letter or digit.';
  const driver = form.driver.trim();
  if (driver !== '' && !/^[a-zA-Z0-9][a-zA-Z0-9_.:/-]*$/.test(driver)) errors.driver = 'That is not a driver name.';
  const options = pairs(form.options, 'option');
  if (options.error) errors.options = options.error;
  const labels = pairs(form.labels, 'label');
  if (labels.error) errors.labels = labels.error;
  return {
    spec: {
      ...(name !== '' ? { name } : {}),
      // `local` is what the engine uses anyway; the CLI twin leaves it out, as a user would.
      ...(driver !== '' && driver !== 'local' ? { driver } : {}),
      driverOpts: options.map,
      labels: labels.map,
    },
    errors,
  };
}

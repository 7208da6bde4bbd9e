/** The create form's fields (all text, as typed) to a RunSpec plus one message per field that is wrong. Pure. */
import {
  checkContainerName,
  parseEnvLine,
  parseLabelLine,
  parseMemory,
  parseMountSpec,
  parsePortSpec,
  splitWords,
  type Parsed,
} from '../../../../shared/cli/containers.parse';
import type { MountSpec, PortSpec, RestartPolicy, RunSpec } from '../../../../shared/dto/containers';

export { parseMemory };

export interface RunForm {
  image: string;
  name: string;
  command: string;
  entrypoint: string;
  env: string;
  ports: string;
  mounts: string;
  restart: RestartPolicy;
  maxRetries: string;
  autoRemove: boolean;
  interactive: boolean;
  tty: boolean;
  workingDir: string;
  user: string;
  labels: string;
  /** '' for the engine's default bridge. */
  network: string;
  /** Separated by spaces or commas. */
  networkAliases: string;
  cpus: string;
  /** As `--memory` takes it: a number with an optional unit b, k, m or g (e.g. 512m). */
  memory: string;
}

export type RunField = keyof RunForm;

export const emptyRunForm = (image = ''): RunForm => ({
  image,
  name: '',
  command: '',
  entrypoint: '',
  env: '',
  ports: '',
  mounts: '',
  restart: 'no',
  maxRetries: '',
  autoRemove: false,
  interactive: false,
  tty: false,
  workingDir: '',
  user: '',
  labels: '',
  network: '',
  networkAliases: '',
  cpus: '',
  memory: '',
});

export interface RunFormContext {
  /** Names of every container on the engine (running or not). */
  readonly takenNames: ReadonlySet<string>;
  /** Tags and ids of the images on the engine. */
  readonly localImages: ReadonlySet<string>;
}

export interface RunFormResult {
  /** What `docker run` would get; built even when some fields are wrong, for the live command. */
  readonly spec: RunSpec;
  readonly errors: Partial<Record<RunField, string>>;
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');

/** Parses each line; the first bad line's message names its line number when there are several. */
function eachLine<T>(text: string, parse: (line: string) => Parsed<T>): { values: T[]; error?: string } {
  const all = lines(text);
  const values: T[] = [];
  for (const [i, line] of all.entries()) {
    const parsed = parse(line);
    if (!parsed.ok) return { values, error: all.length > 1 ? `Line ${i + 1}: ${parsed.error}` : parsed.error };
    values.push(parsed.value);
  }
  return { values };
}

/** `busybox` means `busybox:latest` to the engine. */
const withTag = (image: string) => (/:[^/]+$|@/.test(image) ? image : `${image}:latest`);

/**
 * Podman lists an image under its full name (`localhost/app:1` when it came from no registry,
 * `docker.io/library/busybox:latest` when pulled) and runs it by the short name as well.
 */
const PODMAN_PREFIXES = ['', 'localhost/', 'docker.io/', 'docker.io/library/'];

const isLocal = (image: string, local: ReadonlySet<string>) =>
  PODMAN_PREFIXES.some((prefix) => local.has(prefix + image) || local.has(prefix + withTag(image)));

export function readRunForm(form: RunForm, context: RunFormContext): RunFormResult {
  const errors: Partial<Record<RunField, string>> = {};
  const image = form.image.trim();
  if (image === '') errors.image = 'Choose the image to run.';
  else if (!isLocal(image, context.localImages))
    errors.image = `There is no image ${image} on this engine. Pull or build it first.`;

  const name = form.name.trim();
  const nameError = checkContainerName(name);
  if (nameError) errors.name = nameError;
  else if (name !== '' && context.takenNames.has(name))
    errors.name = `The name ${name} is already taken by another container.`;

  const command = splitWords(form.command);
  if (!command.ok) errors.command = command.error;
  const env = eachLine(form.env, parseEnvLine);
  if (env.error) errors.env = env.error;
  const ports = eachLine<PortSpec>(form.ports, parsePortSpec);
  if (ports.error) errors.ports = ports.error;
  const mounts = eachLine<MountSpec>(form.mounts, parseMountSpec);
  if (mounts.error) errors.mounts = mounts.error;
  const labels = eachLine(form.labels, parseLabelLine);
  if (labels.error) errors.labels = labels.error;

  let maxRetries: number | undefined;
  if (form.restart === 'on-failure' && form.maxRetries.trim() !== '') {
    maxRetries = Number(form.maxRetries);
    if (!Number.isInteger(maxRetries) || maxRetries < 0 || maxRetries > 1000) {
      errors.maxRetries = 'Retries are a whole number from 0 to 1000.';
      maxRetries = undefined;
    }
  }
  const workingDir = form.workingDir.trim();
  if (workingDir !== '' && !workingDir.startsWith('/')) errors.workingDir = 'The working directory must start with /.';
  const user = form.user.trim();
  if (user !== '' && !/^[a-zA-Z0-9_.-]+(:[a-zA-Z0-9_.-]+)?$/.test(user))
    errors.user = 'Write a user as name, uid, name:group or uid:gid.';
  const entrypoint = form.entrypoint.trim();

  const network = form.network.trim();
  const aliases = form.networkAliases.split(/[\s,]+/).filter((a) => a !== '');
  if (aliases.length > 0 && (network === '' || network === 'bridge' || network === 'host' || network === 'none'))
    errors.networkAliases = 'Aliases work on a network you created; choose one above.';
  else if (aliases.some((a) => !/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(a)))
    errors.networkAliases = 'An alias is letters, digits, "_", "." or "-", starting with a letter or digit.';
  let cpus: number | undefined;
  if (form.cpus.trim() !== '') {
    cpus = Number(form.cpus.trim());
    if (!Number.isFinite(cpus) || cpus <= 0 || cpus > 1024) {
      errors.cpus = 'A CPU limit is a number of CPUs above 0, e.g. 0.5 or 2.';
      cpus = undefined;
    }
  }
  let memory: number | undefined;
  if (form.memory.trim() !== '') {
    memory = parseMemory(form.memory) ?? undefined;
    if (memory === undefined) errors.memory = 'Write a memory limit as a number with b, k, m or g, e.g. 512m.';
    else if (memory < 6 * 1024 * 1024) {
      errors.memory = 'The engine needs at least 6 MB of memory for a container.';
      memory = undefined;
    }
  }

  const spec: RunSpec = {
    image: image || 'IMAGE',
    ...(name !== '' ? { name } : {}),
    ...(command.ok && command.value.length > 0 ? { command: command.value } : {}),
    ...(entrypoint !== '' ? { entrypoint } : {}),
    env: env.values,
    ports: ports.values,
    mounts: mounts.values,
    restart: form.restart,
    ...(maxRetries !== undefined ? { maxRetries } : {}),
    autoRemove: form.autoRemove,
    interactive: form.interactive,
    tty: form.tty,
    ...(workingDir !== '' && !errors.workingDir ? { workingDir } : {}),
    ...(user !== '' && !errors.user ? { user } : {}),
    labels: Object.fromEntries(labels.values),
    ...(network !== '' ? { network } : {}),
    ...(network !== '' && aliases.length > 0 && !errors.networkAliases ? { networkAliases: aliases } : {}),
    ...(cpus !== undefined ? { cpus } : {}),
    ...(memory !== undefined ? { memory } : {}),
  };
  return { spec, errors };
}

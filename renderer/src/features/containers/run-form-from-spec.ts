/** A run spec back to the form's text fields (edit and recreate), and what an edit changes. Pure. */
import { memoryArg, portArg, restartArg } from '../../../../shared/cli/containers.cli';
import type { RunSpec } from '../../../../shared/dto/containers';
import type { RunForm } from './run-form';

/** One word as `splitWords` reads it back: bare when it can be, else in single quotes. */
export function quoteWord(word: string): string {
  if (word !== '' && !/[\s'"\\]/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

const mountLine = (m: RunSpec['mounts'][number]) => `${m.source}:${m.target}${m.readOnly ? ':ro' : ''}`;

export function formFromSpec(spec: RunSpec): RunForm {
  return {
    image: spec.image,
    name: spec.name ?? '',
    command: (spec.command ?? []).map(quoteWord).join(' '),
    entrypoint: spec.entrypoint ?? '',
    env: spec.env.join('\n'),
    ports: spec.ports.map(portArg).join('\n'),
    mounts: spec.mounts.map(mountLine).join('\n'),
    restart: spec.restart,
    maxRetries: spec.maxRetries !== undefined ? String(spec.maxRetries) : '',
    autoRemove: spec.autoRemove,
    interactive: spec.interactive,
    tty: spec.tty,
    workingDir: spec.workingDir ?? '',
    user: spec.user ?? '',
    labels: Object.entries(spec.labels)
      .map(([k, v]) => `${k}=${v}`)
      .join('\n'),
    network: spec.network ?? '',
    networkAliases: (spec.networkAliases ?? []).join(' '),
    cpus: spec.cpus !== undefined ? String(spec.cpus) : '',
    memory: spec.memory !== undefined ? memoryArg(spec.memory) : '',
  };
}

const keyOf = (line: string) => line.split('=', 1)[0] ?? line;
const valueOf = (line: string) => line.slice(keyOf(line).length + 1);

/** Keyed entries compared one by one: `env KEY: old → new`, `env KEY: added (new)`, `env KEY: removed`. */
function keyed(what: string, before: Readonly<Record<string, string>>, after: Readonly<Record<string, string>>) {
  const out: string[] = [];
  for (const [key, value] of Object.entries(after)) {
    const old = before[key];
    if (old === undefined) out.push(`${what} ${key}: added (${value})`);
    else if (old !== value) out.push(`${what} ${key}: ${old} → ${value}`);
  }
  for (const key of Object.keys(before)) if (!(key in after)) out.push(`${what} ${key}: removed`);
  return out;
}

/** Unordered lists compared as sets: `port 8080:80: added`, `mount data:/data: removed`. */
function listed(what: string, before: readonly string[], after: readonly string[]) {
  const was = new Set(before);
  const now = new Set(after);
  return [
    ...after.filter((x) => !was.has(x)).map((x) => `${what} ${x}: added`),
    ...before.filter((x) => !now.has(x)).map((x) => `${what} ${x}: removed`),
  ];
}

function single(what: string, before: string, after: string) {
  if (before === after) return [];
  if (before === '') return [`${what}: set to ${after}`];
  if (after === '') return [`${what}: ${before} → (none)`];
  return [`${what}: ${before} → ${after}`];
}

/** Every difference between a container's settings and the edited ones, one line each, in the form's order. */
export function specChanges(before: RunSpec, after: RunSpec): string[] {
  const env = (s: RunSpec) => Object.fromEntries(s.env.map((l) => [keyOf(l), valueOf(l)]));
  const words = (s: RunSpec) => (s.command ?? []).map(quoteWord).join(' ');
  const flag = (on: boolean) => (on ? 'on' : 'off');
  return [
    ...single('image', before.image, after.image),
    ...single('command', words(before), words(after)),
    ...single('entrypoint', before.entrypoint ?? '', after.entrypoint ?? ''),
    ...keyed('env', env(before), env(after)),
    ...listed('port', before.ports.map(portArg), after.ports.map(portArg)),
    ...listed('mount', before.mounts.map(mountLine), after.mounts.map(mountLine)),
    ...keyed('label', before.labels, after.labels),
    ...single('working directory', before.workingDir ?? '', after.workingDir ?? ''),
    ...single('user', before.user ?? '', after.user ?? ''),
    ...single('restart', restartArg(before), restartArg(after)),
    ...single('network', before.network ?? '', after.network ?? ''),
    ...single('network aliases', (before.networkAliases ?? []).join(' '), (after.networkAliases ?? []).join(' ')),
    ...single('cpus', before.cpus?.toString() ?? '', after.cpus?.toString() ?? ''),
    ...single('memory', before.memory ? memoryArg(before.memory) : '', after.memory ? memoryArg(after.memory) : ''),
    ...single('--rm', flag(before.autoRemove), flag(after.autoRemove)),
    ...single('-i', flag(before.interactive), flag(after.interactive)),
    ...single('-t', flag(before.tty), flag(after.tty)),
  ];
}

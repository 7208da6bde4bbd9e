/**
 * Reads a pasted docker command line the way the docker CLI does (its flag library, pflag): quoting, `--flag=value`
 * and `--flag value`, combined shorthands (`-dit`, `-dp 80:80`, `-p8080:80`), repeated flags, `--`, and flags that
 * stop at the first argument for `run`, `create` and `exec` (everything after the image is the container's
 * command). Pure: no engine, no renderer.
 */
import { splitWords } from '../cli/containers.parse';
import {
  BUILD_FLAGS,
  COMPOSE_GLOBAL_FLAGS,
  COMPOSE_UP_FLAGS,
  EXEC_FLAGS,
  GLOBAL_FLAGS,
  NETWORK_CREATE_FLAGS,
  RUN_FLAGS,
  RUN_ONLY,
  VOLUME_CREATE_FLAGS,
  type FlagDef,
} from './flags';

export const COMMAND_KINDS = [
  'run',
  'create',
  'build',
  'exec',
  'volume create',
  'network create',
  'compose up',
] as const;
export type CommandKind = (typeof COMMAND_KINDS)[number];

/** One flag as it was typed and read. */
export interface ReadFlag {
  /** As typed, e.g. `-p 8080:80`, `--rm`, `-d` (from `-dit`). */
  readonly text: string;
  /** The flag's definition, or undefined when the CLI does not know it. */
  readonly def?: FlagDef;
  /** The name as typed without dashes (`net`, `p`). */
  readonly typed: string;
  readonly value?: string;
  /** What is wrong with it, in words (unknown, missing value). */
  readonly problem?: string;
}

export interface ParsedCommand {
  readonly kind: CommandKind;
  /** `docker`, `docker-compose` or `podman`. */
  readonly program: string;
  /** The words that named the command, e.g. `container run` or `compose up`. */
  readonly commandWords: string;
  /** Flags given to the program or to `docker compose` before the command. */
  readonly globals: readonly ReadFlag[];
  readonly flags: readonly ReadFlag[];
  readonly args: readonly string[];
  /** Sentences about the line as a whole: a second command after `&&`, a `sudo`, ... */
  readonly notes: readonly string[];
}

export type ParseOutcome =
  | { readonly ok: true; readonly value: ParsedCommand }
  | { readonly ok: false; readonly error: string; readonly suggestion?: string };

/** Edit distance counting a swap of two neighbouring letters as one edit (optimal string alignment), for "did you mean". */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number) => d[i]?.[j] ?? 0;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      const row = d[i];
      if (row) row[j] = best;
    }
  }
  return at(a.length, b.length);
}

/** The closest candidate, when it is close enough to be what was meant. */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = editDistance(word, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  const limit = word.length <= 3 ? 1 : word.length <= 6 ? 2 : 3;
  if (best !== undefined && bestDistance <= limit) return best;
  const prefixed = candidates.find((c) => word.length >= 3 && (c.startsWith(word) || word.startsWith(c)));
  return prefixed;
}

const longNames = (defs: readonly FlagDef[]) => defs.flatMap((d) => [d.name, ...(d.aliases ?? [])]);

function findLong(defs: readonly FlagDef[], name: string): FlagDef | undefined {
  return defs.find((d) => d.name === name || (d.aliases ?? []).includes(name));
}

interface FlagRead {
  readonly flags: ReadFlag[];
  readonly args: string[];
  /** Index of the first word not consumed (for the caller to go on). */
  readonly next: number;
}

/**
 * pflag's loop. `interspersed` false: the first argument ends the flags (run, create, exec). `stopAtFirstArg`
 * returns as soon as an argument is seen, leaving it unread (for flags that come before a subcommand).
 */
function readFlags(
  words: readonly string[],
  start: number,
  defs: readonly FlagDef[],
  options: { interspersed: boolean; stopAtFirstArg?: boolean },
): FlagRead {
  const flags: ReadFlag[] = [];
  const args: string[] = [];
  let i = start;
  const unknownLong = (typed: string): string => {
    const near = nearest(typed, longNames(defs));
    return near
      ? `--${typed} is not a flag of this command. Did you mean --${near}?`
      : `--${typed} is not a flag of this command.`;
  };
  while (i < words.length) {
    const word = words[i] ?? '';
    if (word === '--') {
      i++;
      if (options.stopAtFirstArg) return { flags, args, next: i };
      args.push(...words.slice(i));
      return { flags, args, next: words.length };
    }
    if (word.startsWith('--') && word.length > 2) {
      const eq = word.indexOf('=');
      const typed = eq < 0 ? word.slice(2) : word.slice(2, eq);
      const def = findLong(defs, typed);
      if (!def) {
        flags.push({ text: word, typed, problem: unknownLong(typed) });
        i++;
        continue;
      }
      if (eq >= 0) {
        flags.push(checkSwitch({ text: word, def, typed, value: word.slice(eq + 1) }));
        i++;
      } else if (def.value) {
        const value = words[i + 1];
        if (value === undefined) flags.push({ text: word, def, typed, problem: `--${typed} needs a value after it.` });
        else flags.push({ text: `${word} ${value}`, def, typed, value });
        i += value === undefined ? 1 : 2;
      } else {
        flags.push({ text: word, def, typed });
        i++;
      }
      continue;
    }
    if (word.startsWith('-') && word.length > 1) {
      // A group of shorthands: each is a switch until one takes a value, which is the rest of the group or the
      // next word.
      let consumedNext = false;
      for (let k = 1; k < word.length; k++) {
        const letter = word.charAt(k);
        const def = defs.find((d) => d.short === letter);
        if (!def) {
          flags.push({ text: `-${letter}`, typed: letter, problem: `-${letter} is not a flag of this command.` });
          continue;
        }
        const rest = word.slice(k + 1);
        if (rest.startsWith('=')) {
          flags.push(checkSwitch({ text: `-${letter}${rest}`, def, typed: letter, value: rest.slice(1) }));
          break;
        }
        if (!def.value) {
          flags.push({ text: `-${letter}`, def, typed: letter });
          continue;
        }
        if (rest !== '') {
          flags.push({ text: `-${letter}${rest}`, def, typed: letter, value: rest });
          break;
        }
        const value = words[i + 1];
        if (value === undefined)
          flags.push({ text: `-${letter}`, def, typed: letter, problem: `-${letter} needs a value after it.` });
        else flags.push({ text: `-${letter} ${value}`, def, typed: letter, value });
        consumedNext = value !== undefined;
        break;
      }
      i += consumedNext ? 2 : 1;
      continue;
    }
    // An argument.
    if (options.stopAtFirstArg) return { flags, args, next: i };
    if (!options.interspersed) {
      args.push(...words.slice(i));
      return { flags, args, next: words.length };
    }
    args.push(word);
    i++;
  }
  return { flags, args, next: i };
}

/** `--rm=false`: a switch given a value must be true or false. */
function checkSwitch(flag: ReadFlag): ReadFlag {
  if (flag.def?.value || flag.value === undefined) return flag;
  if (/^(true|false|1|0|t|f|TRUE|FALSE|True|False)$/.test(flag.value)) return flag;
  return { ...flag, problem: `--${flag.def?.name ?? flag.typed} is a switch: write it alone, or =true / =false.` };
}

/** Is the switch on? `--rm=false` turns it off. */
export function switchOn(flag: ReadFlag): boolean {
  return flag.value === undefined || /^(true|1|t)$/i.test(flag.value);
}

const SEPARATORS = new Set(['&&', '||', '|', ';', '&', '>', '>>', '<', '2>', '2>&1']);

/** Joins lines continued with a backslash (or PowerShell's backtick) and drops a leading prompt. */
function tidy(line: string): string {
  return line
    .replace(/\\\r?\n/g, ' ')
    .replace(/`\r?\n/g, ' ')
    .replace(/\r?\n/g, ' ')
    .trim()
    .replace(/^[$#>]\s+/, '');
}

/** Other docker commands a newcomer pastes, with one sentence, so the answer is never just "unknown". */
export const OTHER_COMMANDS: Readonly<Record<string, string>> = {
  ps: 'lists running containers (add -a for stopped ones too).',
  images: 'lists the images on the engine.',
  pull: 'downloads an image from a registry.',
  push: 'uploads an image to a registry.',
  logs: "prints a container's output.",
  start: 'starts a stopped container.',
  stop: 'stops a running container (SIGTERM, then SIGKILL after a grace period).',
  restart: 'stops and starts a container.',
  rm: 'removes a container and its writable layer.',
  rmi: 'removes an image tag, and the image when no tag or container uses it.',
  inspect: "prints an object's full configuration as JSON.",
  tag: 'gives an image another name.',
  commit: "makes an image from a container's writable layer.",
  login: 'stores credentials for a registry.',
  stats: 'shows live CPU, memory and I/O of containers.',
  cp: 'copies files between a container and your machine.',
  save: 'writes images to a tar archive.',
  load: 'reads images from a tar archive.',
  system: 'shows or cleans up what the engine stores (docker system df, docker system prune).',
  volume: 'manages volumes.',
  network: 'manages networks.',
  compose: 'manages multi-container projects from a compose file.',
};

const DOCKER_COMMANDS = [
  'run',
  'create',
  'build',
  'exec',
  'container',
  'image',
  'builder',
  'buildx',
  'volume',
  'network',
  'compose',
  ...Object.keys(OTHER_COMMANDS),
];

const notExplained = (words: string): ParseOutcome => ({
  ok: false,
  error: `Berth explains docker run, create, build, exec, volume create, network create and compose up; "docker ${words}" is not one of them.`,
});

/** Parses one docker command line. */
export function parseDockerCommand(input: string): ParseOutcome {
  const text = tidy(input);
  if (text === '')
    return { ok: false, error: 'Paste or type a docker command, such as docker run -d -p 8080:80 nginx.' };
  const split = splitWords(text);
  if (!split.ok) return { ok: false, error: split.error };
  let words = [...split.value];
  const notes: string[] = [];
  const cut = words.findIndex((w) => SEPARATORS.has(w));
  if (cut >= 0) {
    notes.push(`Only the first command is explained; the line goes on after "${words[cut] ?? ''}".`);
    words = words.slice(0, cut);
  }
  while (words[0] !== undefined && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[0])) {
    notes.push(`${words[0]} sets a variable for the CLI itself, not for the container.`);
    words = words.slice(1);
  }
  if (words[0] === 'sudo') {
    notes.push('sudo runs the CLI as root; it changes nothing about what the command asks the engine.');
    words = words.slice(1);
    while (words[0]?.startsWith('-')) words = words.slice(1);
  }
  const program = words[0] ?? '';
  if (program === 'docker-compose') return parseCompose(words, 1, 'docker-compose', notes);
  if (program !== 'docker' && program !== 'podman') {
    const near = nearest(program, ['docker', 'docker-compose']);
    return {
      ok: false,
      error: `This is not a docker command: it starts with "${program}".${near ? ` Did you mean ${near}?` : ''}`,
      ...(near ? { suggestion: near } : {}),
    };
  }
  if (program === 'podman') notes.push('podman takes the same flags as docker here; Berth explains it as docker.');
  const globals = readFlags(words, 1, GLOBAL_FLAGS, { interspersed: true, stopAtFirstArg: true });
  const i = globals.next;
  const first = words[i];
  if (first === undefined) return { ok: false, error: 'The line has no command after docker. Try docker run IMAGE.' };
  const second = words[i + 1];
  const made = (kind: CommandKind, commandWords: string, at: number, defs: readonly FlagDef[], interspersed: boolean) =>
    finish(kind, program, commandWords, globals.flags, readFlags(words, at, defs, { interspersed }), notes);

  if (first === 'run' || first === 'create') return made(first, first, i + 1, runDefs(first), false);
  if (first === 'exec') return made('exec', 'exec', i + 1, EXEC_FLAGS, false);
  if (first === 'build') return made('build', 'build', i + 1, BUILD_FLAGS, true);
  if (first === 'container' && (second === 'run' || second === 'create' || second === 'exec')) {
    const kind = second;
    return made(kind, `container ${kind}`, i + 2, kind === 'exec' ? EXEC_FLAGS : runDefs(kind), false);
  }
  if ((first === 'image' || first === 'builder' || first === 'buildx') && second === 'build') {
    if (first === 'buildx')
      notes.push("buildx build is BuildKit's build; the flags below mean the same as docker build.");
    return made('build', `${first} build`, i + 2, BUILD_FLAGS, true);
  }
  if (first === 'volume' && second === 'create')
    return made('volume create', 'volume create', i + 2, VOLUME_CREATE_FLAGS, true);
  if (first === 'network' && second === 'create')
    return made('network create', 'network create', i + 2, NETWORK_CREATE_FLAGS, true);
  if (first === 'compose') return parseCompose(words, i + 1, 'docker', notes, globals.flags);
  if (first in OTHER_COMMANDS || DOCKER_COMMANDS.includes(first)) {
    const meaning = OTHER_COMMANDS[first];
    const outcome = notExplained([first, second].filter(Boolean).join(' '));
    return meaning && !outcome.ok ? { ...outcome, error: `${outcome.error} docker ${first} ${meaning}` } : outcome;
  }
  const near = nearest(first, DOCKER_COMMANDS);
  return {
    ok: false,
    error: `"${first}" is not a docker command.${near ? ` Did you mean docker ${near}?` : ''}`,
    ...(near ? { suggestion: near } : {}),
  };
}

const CREATE_FLAGS = RUN_FLAGS.filter((d) => !RUN_ONLY.has(d.name));
const runDefs = (kind: 'run' | 'create') => (kind === 'run' ? RUN_FLAGS : CREATE_FLAGS);

function parseCompose(
  words: readonly string[],
  start: number,
  program: string,
  notes: string[],
  dockerGlobals: readonly ReadFlag[] = [],
): ParseOutcome {
  const globals = readFlags(words, start, COMPOSE_GLOBAL_FLAGS, { interspersed: true, stopAtFirstArg: true });
  const sub = words[globals.next];
  const prefix = program === 'docker-compose' ? 'docker-compose' : 'docker compose';
  if (sub !== 'up') {
    const near = sub
      ? nearest(sub, ['up', 'down', 'ps', 'logs', 'pull', 'build', 'restart', 'stop', 'start'])
      : undefined;
    return {
      ok: false,
      error: sub
        ? `Berth explains ${prefix} up; "${prefix} ${sub}" is another command.${near === 'up' ? ' Did you mean up?' : ''}`
        : `The line has no command after ${prefix}. Try ${prefix} up -d.`,
    };
  }
  const read = readFlags(words, globals.next + 1, COMPOSE_UP_FLAGS, { interspersed: true });
  return finish(
    'compose up',
    program,
    program === 'docker-compose' ? 'up' : 'compose up',
    [...dockerGlobals, ...globals.flags],
    read,
    notes,
  );
}

function finish(
  kind: CommandKind,
  program: string,
  commandWords: string,
  globals: readonly ReadFlag[],
  read: FlagRead,
  notes: readonly string[],
): ParseOutcome {
  return { ok: true, value: { kind, program, commandWords, globals, flags: read.flags, args: read.args, notes } };
}

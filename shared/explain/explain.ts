/**
 * A parsed docker command in words: one sentence per part, what each changes on the engine, which parts Berth's
 * forms can fill, and the form values themselves ("Open in the form"). Pure.
 */
import {
  checkContainerName,
  parseLabelLine,
  parseMemory,
  parseMountSpec,
  parsePortSpec,
} from '../cli/containers.parse';
import { RESTART_POLICIES, type MountSpec, type PortSpec, type RestartPolicy, type RunSpec } from '../dto/containers';
import type { FlagDef } from './flags';
import { parseDockerCommand, switchOn, type CommandKind, type ParsedCommand, type ReadFlag } from './parse';

export type PartRole = 'program' | 'command' | 'global' | 'flag' | 'image' | 'container-command' | 'argument';

export interface ExplainedPart {
  /** As typed. */
  readonly text: string;
  readonly role: PartRole;
  readonly says: string;
  /** What it changes on the engine (the API field), when it changes anything. */
  readonly engine?: string;
  /** False when Berth's form cannot set it (the command still works in a terminal). */
  readonly inForm: boolean;
  /** What is wrong with it, in words. */
  readonly problem?: string;
}

/** What `docker run` / `docker create` asks for, as far as Berth's run form can hold it. */
export interface RunFromCommand {
  readonly spec: RunSpec;
  /** `docker create` only creates; the form creates and starts. */
  readonly start: boolean;
  readonly detach: boolean;
  /** Parts the form cannot hold, as typed. */
  readonly notInForm: readonly string[];
}

export interface BuildFromCommand {
  readonly context: string;
  readonly dockerfile?: string;
  readonly tags: readonly string[];
  readonly buildArgs: Readonly<Record<string, string>>;
  readonly target?: string;
  readonly noCache: boolean;
  readonly pull: boolean;
  readonly network?: string;
  readonly platform?: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly notInForm: readonly string[];
}

export interface Explanation {
  readonly kind: CommandKind;
  readonly summary: string;
  readonly parts: readonly ExplainedPart[];
  /** Every part's problem, plus missing pieces (no image, no context), as sentences. */
  readonly problems: readonly string[];
  readonly notes: readonly string[];
  readonly run?: RunFromCommand;
  readonly build?: BuildFromCommand;
}

export type ExplainOutcome =
  | { readonly ok: true; readonly value: Explanation }
  | { readonly ok: false; readonly error: string; readonly suggestion?: string };

const fill = (template: string, value: string | undefined) => template.replaceAll('{v}', value ?? '');

/** `nginx` → `nginx:latest`; a tag or digest stays. */
export function withDefaultTag(image: string): string {
  return /:[^/]+$|@/.test(image) ? image : `${image}:latest`;
}

function portSentence(port: PortSpec): string {
  const proto = port.protocol === 'tcp' ? '' : ` (${port.protocol.toUpperCase()})`;
  const where =
    port.hostIp === undefined || port.hostIp === '0.0.0.0' || port.hostIp === '::'
      ? 'on every network address of your machine'
      : port.hostIp === '127.0.0.1' || port.hostIp === '::1'
        ? 'only for programs on your machine itself (127.0.0.1)'
        : `on your machine's address ${port.hostIp}`;
  if (port.hostPort === undefined)
    return `Publishes the container's port ${port.containerPort}${proto} on a random free port ${where}; docker port shows which.`;
  const url = port.protocol === 'tcp' ? ` For a web server, open http://localhost:${port.hostPort}.` : '';
  return `Publishes the container's port ${port.containerPort}${proto} as port ${port.hostPort} ${where}.${url}`;
}

function mountSentence(m: MountSpec): string {
  const ro = m.readOnly ? ', read-only' : '';
  return m.type === 'volume'
    ? `Mounts the named volume ${m.source} at ${m.target}${ro}. The engine makes the volume if it does not exist, and its data outlives the container.`
    : `Mounts your machine's folder ${m.source} at ${m.target}${ro}: the container sees, and can change, your own files.`;
}

const RESTART_SENTENCES: Readonly<Record<RestartPolicy, string>> = {
  no: 'Never restarts the container by itself (the default).',
  always:
    'Restarts the container whenever it stops. If you stop it yourself, it stays stopped until the engine itself restarts; then it starts again.',
  'unless-stopped':
    'Restarts the container whenever it stops and when the engine starts, unless you stopped it yourself.',
  'on-failure': 'Restarts the container when it exits with an error (a non-zero exit code).',
};

function readRestart(value: string): { policy?: RestartPolicy; retries?: number; problem?: string } {
  const [name = '', count] = value.split(':');
  if (!(RESTART_POLICIES as readonly string[]).includes(name))
    return { problem: `"${value}" is not a restart policy: use no, always, unless-stopped or on-failure[:N].` };
  const policy = name as RestartPolicy;
  if (count === undefined) return { policy };
  if (policy !== 'on-failure') return { problem: `Only on-failure takes a count ("${value}").` };
  const retries = Number(count);
  if (!Number.isInteger(retries) || retries < 0) return { problem: `"${count}" is not a number of retries.` };
  return { policy, retries };
}

const keyValue = (text: string): [string, string] => {
  const at = text.indexOf('=');
  return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + 1)];
};

interface Accumulator {
  spec: {
    -readonly [K in keyof RunSpec]: RunSpec[K];
  };
  env: string[];
  ports: PortSpec[];
  mounts: MountSpec[];
  labels: Record<string, string>;
  aliases: string[];
  notInForm: string[];
  detach: boolean;
}

/** One run/create flag: its sentence, and what it puts in the form. */
function runFlag(flag: ReadFlag, acc: Accumulator): ExplainedPart {
  const def = flag.def as FlagDef;
  const v = flag.value ?? '';
  let says = fill(def.says, flag.value);
  let problem: string | undefined;
  let inForm = def.form !== undefined;
  switch (def.name) {
    case 'detach':
      acc.detach = switchOn(flag);
      break;
    case 'interactive':
      acc.spec.interactive = switchOn(flag);
      break;
    case 'tty':
      acc.spec.tty = switchOn(flag);
      break;
    case 'rm':
      acc.spec.autoRemove = switchOn(flag);
      break;
    case 'name':
      problem = checkContainerName(v) ?? undefined;
      if (!problem) acc.spec.name = v;
      break;
    case 'restart': {
      const r = readRestart(v);
      problem = r.problem;
      if (r.policy) {
        acc.spec.restart = r.policy;
        if (r.retries !== undefined) acc.spec.maxRetries = r.retries;
        says = RESTART_SENTENCES[r.policy] + (r.retries !== undefined ? ` It gives up after ${r.retries} tries.` : '');
      }
      break;
    }
    case 'env': {
      const [key, value] = keyValue(v);
      if (key === '') problem = 'A variable needs a name before the "=".';
      else if (!v.includes('=')) {
        says = `Copies the variable ${key} from the environment of the shell that runs the command into the container.`;
        inForm = false;
        problem = `Berth cannot see your shell's ${key}; write ${key}=value to set it in the form.`;
      } else {
        says = `Sets the environment variable ${key} to "${value}" inside the container.`;
        acc.env.push(v);
      }
      break;
    }
    case 'publish': {
      const parsed = parsePortSpec(v);
      if (!parsed.ok) problem = parsed.error;
      else {
        says = portSentence(parsed.value);
        acc.ports.push(parsed.value);
      }
      break;
    }
    case 'volume': {
      const parts = v.split(':');
      if (parts.length === 1 && v.startsWith('/')) {
        says = `Makes a new anonymous volume at ${v}: its data outlives the container, but it has only a long random name (--rm removes it with the container).`;
        inForm = false;
      } else if (v.startsWith('.') || v.startsWith('~')) {
        says = `Mounts the folder ${parts[0] ?? ''} (relative to where the command runs) at ${parts[1] ?? ''}.`;
        inForm = false;
        problem = 'Berth needs the full path of the folder (starting with /) to mount it.';
      } else {
        const parsed = parseMountSpec(v);
        if (!parsed.ok) {
          inForm = false;
          problem = parsed.error;
        } else {
          says = mountSentence(parsed.value);
          acc.mounts.push(parsed.value);
        }
      }
      break;
    }
    case 'workdir':
      if (!v.startsWith('/')) problem = 'The working directory must start with /.';
      else acc.spec.workingDir = v;
      break;
    case 'user':
      acc.spec.user = v;
      break;
    case 'label': {
      const parsed = parseLabelLine(v);
      if (!parsed.ok) problem = parsed.error;
      else acc.labels[parsed.value[0]] = parsed.value[1];
      break;
    }
    case 'network':
      says =
        v === 'host'
          ? "Shares your machine's network with the container: no isolation, and -p is ignored."
          : v === 'none'
            ? 'Gives the container no network at all, only its own loopback.'
            : v === 'bridge'
              ? 'Connects the container to the default bridge network (the default).'
              : v.startsWith('container:')
                ? `Shares the network of the container ${v.slice(10)}: the two see the same addresses and ports.`
                : `Connects the container to the network ${v}, where other containers on it can reach it by its name.`;
      acc.spec.network = v;
      break;
    case 'network-alias':
      acc.aliases.push(v);
      break;
    case 'cpus': {
      const cpus = Number(v);
      if (!Number.isFinite(cpus) || cpus <= 0) problem = `"${v}" is not a number of CPUs.`;
      else acc.spec.cpus = cpus;
      break;
    }
    case 'memory': {
      const bytes = parseMemory(v);
      if (bytes === null) problem = `"${v}" is not a memory size such as 512m or 1g.`;
      else acc.spec.memory = bytes;
      break;
    }
    case 'entrypoint':
      acc.spec.entrypoint = v;
      break;
    default:
      break;
  }
  if (!inForm || problem) acc.notInForm.push(flag.text);
  return {
    text: flag.text,
    role: 'flag',
    says,
    ...(def.engine ? { engine: def.engine } : {}),
    inForm: inForm && problem === undefined,
    ...(problem ? { problem } : {}),
  };
}

function unknownPart(flag: ReadFlag): ExplainedPart {
  return {
    text: flag.text,
    role: 'flag',
    says: flag.def
      ? fill(flag.def.says, flag.value)
      : 'The docker CLI does not know this flag and would refuse the command.',
    inForm: false,
    problem: flag.problem ?? 'Unknown flag.',
  };
}

function plainPart(flag: ReadFlag): ExplainedPart {
  if (flag.problem || !flag.def) return unknownPart(flag);
  return {
    text: flag.text,
    role: 'flag',
    says: fill(flag.def.says, flag.value),
    ...(flag.def.engine ? { engine: flag.def.engine } : {}),
    inForm: flag.def.form !== undefined,
  };
}

function explainRun(cmd: ParsedCommand, parts: ExplainedPart[], problems: string[]): Partial<Explanation> {
  const acc: Accumulator = {
    spec: {
      image: '',
      env: [],
      ports: [],
      mounts: [],
      restart: 'no',
      autoRemove: false,
      interactive: false,
      tty: false,
      labels: {},
    },
    env: [],
    ports: [],
    mounts: [],
    labels: {},
    aliases: [],
    notInForm: [],
    detach: false,
  };
  for (const flag of cmd.flags) {
    if (flag.problem || !flag.def) {
      parts.push(unknownPart(flag));
      acc.notInForm.push(flag.text);
      continue;
    }
    parts.push(runFlag(flag, acc));
  }
  const [image, ...command] = cmd.args;
  if (image === undefined)
    problems.push('The command names no image: the image comes after the flags, e.g. docker run -d nginx.');
  else {
    acc.spec.image = image;
    parts.push({
      text: image,
      role: 'image',
      says:
        withDefaultTag(image) === image
          ? `The image to make the container from: ${image}. The engine pulls it first if it is not on the engine yet.`
          : `The image to make the container from: ${image}, which means ${withDefaultTag(image)} because no tag is given. The engine pulls it first if it is not on the engine yet.`,
      engine: 'Config.Image',
      inForm: true,
    });
  }
  if (command.length > 0) {
    acc.spec.command = command;
    parts.push({
      text: command.join(' '),
      role: 'container-command',
      says: acc.spec.entrypoint
        ? `The arguments given to the entrypoint ${acc.spec.entrypoint}.`
        : "The command the container runs, instead of the image's default command (its CMD).",
      engine: 'Config.Cmd',
      inForm: true,
    });
  }
  const spec: RunSpec = {
    ...acc.spec,
    env: acc.env,
    ports: acc.ports,
    mounts: acc.mounts,
    labels: acc.labels,
    ...(acc.aliases.length > 0 ? { networkAliases: acc.aliases } : {}),
  };
  const start = cmd.kind === 'run';
  const target = image ?? 'an image';
  const summary = start
    ? `Creates a container from ${target} and starts it${acc.detach ? ' in the background' : ', with your terminal attached to its output until it stops (add -d to run it in the background)'}.`
    : `Creates a container from ${target} without starting it; docker start starts it later.`;
  return { summary, run: { spec, start, detach: acc.detach, notInForm: acc.notInForm } };
}

function explainBuild(cmd: ParsedCommand, parts: ExplainedPart[], problems: string[]): Partial<Explanation> {
  const tags: string[] = [];
  const buildArgs: Record<string, string> = {};
  const labels: Record<string, string> = {};
  const notInForm: string[] = [];
  const out: { -readonly [K in keyof BuildFromCommand]?: BuildFromCommand[K] } = {};
  let noCache = false;
  let pull = false;
  for (const flag of cmd.flags) {
    const part = plainPart(flag);
    parts.push(part);
    if (!part.inForm || part.problem) notInForm.push(flag.text);
    const v = flag.value ?? '';
    switch (flag.def?.name ?? '') {
      case 'tag':
        tags.push(v);
        break;
      case 'file':
        out.dockerfile = v;
        break;
      case 'build-arg': {
        const [key, value] = keyValue(v);
        buildArgs[key] = value;
        break;
      }
      case 'target':
        out.target = v;
        break;
      case 'no-cache':
        noCache = switchOn(flag);
        break;
      case 'pull':
        pull = switchOn(flag);
        break;
      case 'network':
        out.network = v;
        break;
      case 'platform':
        out.platform = v;
        break;
      case 'label': {
        const [key, value] = keyValue(v);
        labels[key] = value;
        break;
      }
      default:
        break;
    }
  }
  const [context, ...extra] = cmd.args;
  if (context === undefined)
    problems.push('The command names no build context: add the folder to send, e.g. docker build -t app .');
  else {
    const remote = /^(https?|git):\/\/|^git@/.test(context) || context === '-';
    parts.push({
      text: context,
      role: 'argument',
      says:
        context === '-'
          ? 'Reads the Dockerfile (or a tar of the context) from standard input.'
          : remote
            ? `Builds from the remote context ${context}: the engine downloads it.`
            : `The build context: the folder ${context === '.' ? 'you are in' : context}. Its files (minus what .dockerignore leaves out) are sent to the engine, and COPY can use only them.`,
      inForm: !remote,
      ...(remote ? { problem: 'Berth builds from a folder on this machine.' } : {}),
    });
    if (remote) notInForm.push(context);
  }
  for (const word of extra) {
    parts.push({
      text: word,
      role: 'argument',
      says: 'docker build takes exactly one context.',
      inForm: false,
      problem: `"${word}" is one argument too many.`,
    });
  }
  const summary = `Builds an image from the Dockerfile in ${context === undefined ? 'a folder' : context === '.' ? 'the current folder' : context}${tags.length > 0 ? ` and names it ${tags.join(', ')}` : ''}.`;
  return {
    summary,
    build: { context: context ?? '', ...out, tags, buildArgs, noCache, pull, labels, notInForm },
  };
}

function explainArgs(cmd: ParsedCommand, parts: ExplainedPart[], problems: string[]): string {
  for (const flag of cmd.flags) parts.push(plainPart(flag));
  const flag = (name: string) => cmd.flags.find((f) => f.def?.name === name)?.value;
  switch (cmd.kind) {
    case 'exec': {
      const [container, ...command] = cmd.args;
      if (container === undefined) {
        problems.push('docker exec needs a container and a command, e.g. docker exec -it web sh.');
        return 'Runs a command inside a running container.';
      }
      parts.push({
        text: container,
        role: 'argument',
        says: `The running container to run the command in: ${container}.`,
        inForm: true,
      });
      if (command.length === 0) problems.push('docker exec needs a command after the container, e.g. sh.');
      else
        parts.push({
          text: command.join(' '),
          role: 'container-command',
          says: 'The command to run in the container, next to its main process; it stops when you leave it.',
          inForm: true,
        });
      return `Runs ${command.length > 0 ? command.join(' ') : 'a command'} inside the running container ${container}. Berth's terminal tab does the same.`;
    }
    case 'volume create': {
      const name = cmd.args[0] ?? flag('name');
      if (cmd.args[0] !== undefined)
        parts.push({ text: cmd.args[0], role: 'argument', says: `The volume's name: ${cmd.args[0]}.`, inForm: true });
      return name
        ? `Makes a volume named ${name}: storage the engine keeps apart from every container, so its data outlives them.`
        : 'Makes a volume with a random name: storage the engine keeps apart from every container.';
    }
    case 'network create': {
      const name = cmd.args[0];
      if (name === undefined) problems.push('docker network create needs a name for the network.');
      else parts.push({ text: name, role: 'argument', says: `The network's name: ${name}.`, inForm: true });
      return `Makes a network${name ? ` named ${name}` : ''}: containers on it reach each other by name, and are apart from containers on other networks.`;
    }
    case 'run':
    case 'create':
    case 'build':
    case 'compose up': {
      for (const service of cmd.args)
        parts.push({
          text: service,
          role: 'argument',
          says: `Starts the service ${service} (and what it depends on).`,
          inForm: false,
        });
      const detach = cmd.flags.some((f) => f.def?.name === 'detach' && switchOn(f));
      return `Creates and starts the containers, networks and volumes of a compose project from its compose file${detach ? ', in the background' : ', with their output in your terminal until you press Ctrl+C'}.`;
    }
  }
}

/** Parses and explains one docker command line. */
export function explainCommand(input: string): ExplainOutcome {
  const parsed = parseDockerCommand(input);
  if (!parsed.ok) return parsed;
  const cmd = parsed.value;
  const parts: ExplainedPart[] = [
    {
      text: cmd.program,
      role: 'program',
      says:
        cmd.program === 'docker-compose'
          ? 'Compose v1, the older separate program; docker compose (v2) reads the same files.'
          : "The docker CLI: it turns the command into calls to the engine's API.",
      inForm: true,
    },
  ];
  for (const global of cmd.globals) parts.push({ ...plainPart(global), role: 'global' });
  parts.push({ text: cmd.commandWords, role: 'command', says: COMMAND_SENTENCES[cmd.kind], inForm: true });
  const problems: string[] = [];
  let extra: Partial<Explanation>;
  if (cmd.kind === 'run' || cmd.kind === 'create') extra = explainRun(cmd, parts, problems);
  else if (cmd.kind === 'build') extra = explainBuild(cmd, parts, problems);
  else extra = { summary: explainArgs(cmd, parts, problems) };
  for (const part of parts) if (part.problem) problems.push(`${part.text}: ${part.problem}`);
  return {
    ok: true,
    value: { kind: cmd.kind, summary: extra.summary ?? '', parts, problems, notes: cmd.notes, ...extra },
  };
}

const COMMAND_SENTENCES: Readonly<Record<CommandKind, string>> = {
  run: 'Makes a new container from an image and starts it (docker create, then docker start).',
  create: 'Makes a new container from an image, stopped.',
  build: 'Builds an image from a Dockerfile and the files beside it.',
  exec: 'Runs one more command inside a container that is already running.',
  'volume create': 'Makes a named volume.',
  'network create': 'Makes a user-defined network.',
  'compose up': 'Brings up every service of a compose project.',
};

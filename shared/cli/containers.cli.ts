/**
 * The docker command and the Engine API call for every container action. The renderer shows them before an
 * action (the create form updates `docker run` live) and main records the same strings in the transcript after.
 */
import { dockerCommand, type ActionText } from './command';
import { DEFAULT_STOP_TIMEOUT_S, type PortSpec, type RunSpec } from '../dto/containers';
import type { ContainerBulkAction } from '../dto/bulk';

/** `docker run -d IMAGE` with no option set: where a run spec starts. */
export const plainRunSpec = (image: string): RunSpec => ({
  image,
  env: [],
  ports: [],
  mounts: [],
  restart: 'no',
  autoRemove: false,
  interactive: false,
  tty: false,
  labels: {},
});

export function portArg(port: PortSpec): string {
  const host = port.hostIp === undefined ? '' : port.hostIp.includes(':') ? `[${port.hostIp}]` : port.hostIp;
  const hostPort = port.hostPort === undefined ? '' : String(port.hostPort);
  const mapping =
    host !== ''
      ? `${host}:${hostPort}:${port.containerPort}`
      : hostPort !== ''
        ? `${hostPort}:${port.containerPort}`
        : `${port.containerPort}`;
  return port.protocol === 'tcp' ? mapping : `${mapping}/${port.protocol}`;
}

export function restartArg(spec: Pick<RunSpec, 'restart' | 'maxRetries'>): string {
  return spec.restart === 'on-failure' && spec.maxRetries !== undefined && spec.maxRetries > 0
    ? `on-failure:${spec.maxRetries}`
    : spec.restart;
}

/** Bytes as `--memory` takes them: the largest unit that divides them exactly (b, k, m, g). */
export function memoryArg(bytes: number): string {
  for (const [unit, size] of [
    ['g', 1024 ** 3],
    ['m', 1024 ** 2],
    ['k', 1024],
  ] as const)
    if (bytes % size === 0) return `${bytes / size}${unit}`;
  return `${bytes}b`;
}

/** `docker run -d ...` for a spec; flags in the order `docker run --help` lists the common ones. */
export function runArgs(spec: RunSpec): string[] {
  const args = ['run', '-d'];
  if (spec.interactive) args.push('-i');
  if (spec.tty) args.push('-t');
  if (spec.name) args.push('--name', spec.name);
  if (spec.autoRemove) args.push('--rm');
  if (spec.restart !== 'no') args.push('--restart', restartArg(spec));
  for (const env of spec.env) args.push('-e', env);
  for (const port of spec.ports) args.push('-p', portArg(port));
  for (const m of spec.mounts) args.push('-v', `${m.source}:${m.target}${m.readOnly ? ':ro' : ''}`);
  if (spec.workingDir) args.push('-w', spec.workingDir);
  if (spec.user) args.push('-u', spec.user);
  for (const [key, value] of Object.entries(spec.labels)) args.push('--label', `${key}=${value}`);
  if (spec.network) args.push('--network', spec.network);
  for (const alias of spec.networkAliases ?? []) args.push('--network-alias', alias);
  if (spec.cpus !== undefined) args.push('--cpus', String(spec.cpus));
  if (spec.memory !== undefined) args.push('--memory', memoryArg(spec.memory));
  if (spec.entrypoint !== undefined) args.push('--entrypoint', spec.entrypoint);
  args.push(spec.image, ...(spec.command ?? []));
  return args;
}

export const runAction = (spec: RunSpec): ActionText => ({
  title: `Create and run a container from ${spec.image}`,
  command: dockerCommand(...runArgs(spec)),
  api: `POST /containers/create${spec.name ? `?name=${spec.name}` : ''}, then POST /containers/{id}/start`,
});

export const startAction = (name: string): ActionText => ({
  title: `Start container ${name}`,
  command: dockerCommand('start', name),
  api: 'POST /containers/{id}/start',
});

/** The engine sends SIGTERM (or the image's STOPSIGNAL), waits `time` seconds, then sends SIGKILL. */
export const stopAction = (name: string, time: number): ActionText => ({
  title: `Stop container ${name}`,
  command: dockerCommand('stop', '--time', String(time), name),
  api: `POST /containers/{id}/stop?t=${time}`,
});

export const restartAction = (name: string, time: number): ActionText => ({
  title: `Restart container ${name}`,
  command: dockerCommand('restart', '--time', String(time), name),
  api: `POST /containers/{id}/restart?t=${time}`,
});

export const pauseAction = (name: string): ActionText => ({
  title: `Pause container ${name}`,
  command: dockerCommand('pause', name),
  api: 'POST /containers/{id}/pause',
});

export const unpauseAction = (name: string): ActionText => ({
  title: `Unpause container ${name}`,
  command: dockerCommand('unpause', name),
  api: 'POST /containers/{id}/unpause',
});

export const killAction = (name: string, signal: string): ActionText => ({
  title: `Send ${signal} to container ${name}`,
  command: dockerCommand('kill', '--signal', signal, name),
  api: `POST /containers/{id}/kill?signal=${signal}`,
});

export const removeAction = (name: string, options: { force: boolean; volumes: boolean }): ActionText => ({
  title: `Remove container ${name}`,
  command: dockerCommand('rm', ...(options.force ? ['-f'] : []), ...(options.volumes ? ['-v'] : []), name),
  api: `DELETE /containers/{id}?force=${options.force}&v=${options.volumes}`,
});

export const renameAction = (name: string, newName: string): ActionText => ({
  title: `Rename container ${name} to ${newName}`,
  command: dockerCommand('rename', name, newName),
  api: `POST /containers/{id}/rename?name=${newName}`,
});

export interface CommitOptions {
  readonly repo: string;
  readonly tag?: string;
  readonly message?: string;
  readonly author?: string;
}

export const commitReference = (o: Pick<CommitOptions, 'repo' | 'tag'>): string => `${o.repo}:${o.tag || 'latest'}`;

export const commitAction = (name: string, o: CommitOptions): ActionText => ({
  title: `Commit container ${name} as image ${commitReference(o)}`,
  command: dockerCommand(
    'commit',
    ...(o.message ? ['--message', o.message] : []),
    ...(o.author ? ['--author', o.author] : []),
    name,
    commitReference(o),
  ),
  api: `POST /commit?container={id}&repo=${o.repo}&tag=${o.tag || 'latest'}`,
});

export const execAction = (name: string, command: readonly string[]): ActionText => ({
  title: `Open a terminal in container ${name}`,
  command: dockerCommand('exec', '-it', name, ...command),
  api: 'POST /containers/{id}/exec, then POST /exec/{id}/start (hijacked, TTY)',
});

/** One command for a batch: `docker rm -f a b c`, `docker stop --time 10 a b`. */
export function bulkAction(
  action: ContainerBulkAction,
  names: readonly string[],
  options: { force?: boolean; volumes?: boolean; timeout?: number } = {},
): ActionText {
  const count = `${names.length} container${names.length === 1 ? '' : 's'}`;
  const time = options.timeout ?? DEFAULT_STOP_TIMEOUT_S;
  switch (action) {
    case 'start':
      return {
        title: `Start ${count}`,
        command: dockerCommand('start', ...names),
        api: 'POST /containers/{id}/start, each',
      };
    case 'stop':
      return {
        title: `Stop ${count}`,
        command: dockerCommand('stop', '--time', String(time), ...names),
        api: `POST /containers/{id}/stop?t=${time}, each`,
      };
    case 'restart':
      return {
        title: `Restart ${count}`,
        command: dockerCommand('restart', '--time', String(time), ...names),
        api: `POST /containers/{id}/restart?t=${time}, each`,
      };
    case 'remove': {
      const force = options.force ?? false;
      const volumes = options.volumes ?? false;
      return {
        title: `Remove ${count}`,
        command: dockerCommand('rm', ...(force ? ['-f'] : []), ...(volumes ? ['-v'] : []), ...names),
        api: `DELETE /containers/{id}?force=${force}&v=${volumes}, each`,
      };
    }
  }
}

/** The old container's name while its successor is made: restored on failure, removed on success. */
export const parkedName = (name: string, id: string): string => `${name}-berth-old-${id.slice(0, 12)}`;

/** Recreate as the docker CLI would do it by hand: set the old one aside, run the new one, then remove the old. */
export function recreateAction(
  name: string,
  id: string,
  spec: RunSpec,
  options: { running: boolean; commitAs?: string },
): ActionText {
  const parked = parkedName(name, id);
  const steps = [
    ...(options.commitAs ? [dockerCommand('commit', name, options.commitAs)] : []),
    dockerCommand('rename', name, parked),
    ...(options.running ? [dockerCommand('stop', parked)] : []),
    dockerCommand(...runArgs({ ...spec, name, ...(options.commitAs ? { image: options.commitAs } : {}) })),
    dockerCommand('rm', parked),
  ];
  return {
    title: `Recreate container ${name}`,
    command: steps.join(' && '),
    api: 'POST /containers/{id}/rename, POST /containers/create, POST /containers/{id}/start, DELETE /containers/{id}',
  };
}

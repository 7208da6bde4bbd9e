/**
 * A container's inspect answer (and its image's) back to the run spec that would make it again: only what differs
 * from the image is set, as the user would have typed it on `docker run`. Pure.
 */
import type Dockerode from 'dockerode';
import {
  RESTART_POLICIES,
  type MountSpec,
  type PortSpec,
  type RestartPolicy,
  type RunSpec,
} from '../../../shared/dto/containers';
import { PROTOCOLS, type Protocol } from '../../../shared/dto/containers';
import { isAnonymousVolume } from './containers.volumes';
import { isSecretKey } from './containers.overview.mapper';

type ImageConfig = Partial<
  Pick<Dockerode.ImageInspectInfo['Config'], 'Env' | 'Cmd' | 'Entrypoint' | 'WorkingDir' | 'User' | 'Labels'>
>;

const sameList = (a: readonly string[] | null | undefined, b: readonly string[] | null | undefined): boolean =>
  JSON.stringify(a ?? []) === JSON.stringify(b ?? []);

const asList = (v: string | string[] | null | undefined): string[] =>
  v === null || v === undefined ? [] : Array.isArray(v) ? v : [v];

/** Networks the engine makes itself; the form's "default" is none of them chosen. */
const isDefaultMode = (mode: string | undefined) => mode === undefined || mode === '' || mode === 'default';

export interface SpecFromInspect {
  readonly spec: RunSpec;
  readonly hiddenEnv: readonly string[];
  readonly extraNetworks: readonly string[];
}

export function toRunSpecFromInspect(raw: Dockerode.ContainerInspectInfo, image: ImageConfig | null): SpecFromInspect {
  const config = raw.Config;
  const host = raw.HostConfig;
  const imageEnv = new Set(image?.Env ?? []);
  const env: string[] = [];
  const hiddenEnv: string[] = [];
  for (const line of config.Env ?? []) {
    if (imageEnv.has(line)) continue;
    const key = line.split('=', 1)[0] ?? line;
    if (isSecretKey(key)) hiddenEnv.push(key);
    else env.push(line);
  }

  const entrypoint = asList(config.Entrypoint);
  const cmd = asList(config.Cmd);
  const ownEntrypoint = !sameList(entrypoint, asList(image?.Entrypoint));
  // `--entrypoint` takes one executable: the rest of a longer one goes first in the command, which runs the same.
  const command = ownEntrypoint ? [...entrypoint.slice(1), ...cmd] : sameList(cmd, asList(image?.Cmd)) ? [] : cmd;

  const ports: PortSpec[] = [];
  const portBindings = (host.PortBindings ?? {}) as Record<string, { HostIp?: string; HostPort?: string }[] | null>;
  for (const [key, bindings] of Object.entries(portBindings)) {
    const [port = '', proto = 'tcp'] = key.split('/');
    const protocol: Protocol = (PROTOCOLS as readonly string[]).includes(proto) ? (proto as Protocol) : 'tcp';
    for (const b of bindings ?? [])
      ports.push({
        ...(b.HostIp ? { hostIp: b.HostIp } : {}),
        ...(b.HostPort ? { hostPort: Number(b.HostPort) } : {}),
        containerPort: Number(port),
        protocol,
      });
  }

  const mounts: MountSpec[] = [];
  for (const m of raw.Mounts ?? []) {
    if (m.Type === 'bind') mounts.push({ type: 'bind', source: m.Source, target: m.Destination, readOnly: !m.RW });
    else if (m.Type === 'volume' && m.Name && !isAnonymousVolume(m.Name))
      mounts.push({ type: 'volume', source: m.Name, target: m.Destination, readOnly: !m.RW });
  }

  const imageLabels = image?.Labels ?? {};
  const labels = Object.fromEntries(Object.entries(config.Labels ?? {}).filter(([k, v]) => imageLabels[k] !== v));

  const policy = host.RestartPolicy?.Name ?? '';
  const restart: RestartPolicy = (RESTART_POLICIES as readonly string[]).includes(policy)
    ? (policy as RestartPolicy)
    : 'no';
  const retries = host.RestartPolicy?.MaximumRetryCount ?? 0;

  const mode = host.NetworkMode;
  const network = isDefaultMode(mode) ? undefined : mode;
  const attached = Object.keys(raw.NetworkSettings?.Networks ?? {});
  const shortId = raw.Id.slice(0, 12);
  const endpoints = (raw.NetworkSettings?.Networks ?? {}) as Record<string, { Aliases?: string[] | null }>;
  const aliases: string[] = network
    ? (endpoints[network]?.Aliases ?? []).filter((a) => a !== shortId && a !== raw.Id)
    : [];
  const extraNetworks = attached.filter((n) => n !== network && !(network === undefined && n === 'bridge'));

  const workingDir = config.WorkingDir && config.WorkingDir !== (image?.WorkingDir ?? '') ? config.WorkingDir : '';
  const user = config.User && config.User !== (image?.User ?? '') ? config.User : '';
  const nanoCpus = (host as { NanoCpus?: number }).NanoCpus ?? 0;

  const spec: RunSpec = {
    image: config.Image,
    name: raw.Name.replace(/^\//, ''),
    ...(command.length > 0 ? { command } : {}),
    ...(ownEntrypoint && entrypoint[0] !== undefined ? { entrypoint: entrypoint[0] } : {}),
    env,
    ports,
    mounts,
    restart,
    ...(restart === 'on-failure' && retries > 0 ? { maxRetries: retries } : {}),
    autoRemove: host.AutoRemove ?? false,
    interactive: config.OpenStdin ?? false,
    tty: config.Tty ?? false,
    ...(workingDir ? { workingDir } : {}),
    ...(user ? { user } : {}),
    labels,
    ...(network ? { network } : {}),
    ...(aliases.length > 0 ? { networkAliases: aliases } : {}),
    ...(nanoCpus > 0 ? { cpus: nanoCpus / 1e9 } : {}),
    ...(host.Memory ? { memory: host.Memory } : {}),
  };
  return { spec, hiddenEnv, extraNetworks };
}

/** GET /containers/{id}/json?size=1 to the container page's overview. Pure. */
import type Dockerode from 'dockerode';
import type { ContainerOverview, EnvEntry, MountInfo, NetworkInfo } from '../../../shared/dto/containers';
import type { PortMapping } from '../../../shared/dto/lists';
import { toContainerState } from './containers.mapper';

/** Keys whose values are secrets often enough that Berth never sends them to the renderer. */
const SECRET_KEY =
  /pass(word|wd|phrase)?|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|credential|auth|pwd|salt|cookie|session[_-]?key|^key$|_key$/i;

export const isSecretKey = (key: string): boolean => SECRET_KEY.test(key);

export function toEnvEntries(env: readonly string[] | null | undefined): EnvEntry[] {
  return (env ?? []).map((line) => {
    const at = line.indexOf('=');
    const key = at < 0 ? line : line.slice(0, at);
    const value = at < 0 ? '' : line.slice(at + 1);
    return isSecretKey(key) ? { key, value: '', masked: true } : { key, value, masked: false };
  });
}

/** The engine's "zero time" (0001-01-01T00:00:00Z) means "never". */
export function toEpoch(raw: string | undefined): number | null {
  if (!raw || raw.startsWith('0001-')) return null;
  const ms = Date.parse(raw);
  return Number.isNaN(ms) ? null : ms;
}

type PortBindings = Record<string, { HostIp?: string; HostPort?: string }[] | null> | undefined;

/** Published ports from NetworkSettings.Ports ("80/tcp" -> bindings); exposed ones have no binding. */
export function toPorts(ports: PortBindings): PortMapping[] {
  const out: PortMapping[] = [];
  for (const [key, bindings] of Object.entries(ports ?? {})) {
    const [num = '', type = 'tcp'] = key.split('/');
    const privatePort = Number(num);
    if (!bindings || bindings.length === 0) {
      out.push({ privatePort, type });
      continue;
    }
    for (const b of bindings) {
      out.push({
        privatePort,
        type,
        ...(b.HostPort ? { publicPort: Number(b.HostPort) } : {}),
        ...(b.HostIp ? { ip: b.HostIp } : {}),
      });
    }
  }
  return out;
}

function toMounts(raw: Dockerode.ContainerInspectInfo['Mounts']): MountInfo[] {
  return (raw ?? []).map((m) => ({
    type: m.Type ?? 'bind',
    source: m.Source ?? '',
    destination: m.Destination,
    ...(m.Name ? { name: m.Name } : {}),
    readOnly: m.RW === false,
  }));
}

function toNetworks(raw: Dockerode.ContainerInspectInfo['NetworkSettings']): NetworkInfo[] {
  return Object.entries(raw?.Networks ?? {}).map(([name, n]) => ({ name, ipAddress: n.IPAddress ?? '' }));
}

function commandOf(raw: Dockerode.ContainerInspectInfo): string {
  const words = [raw.Path, ...(raw.Args ?? [])].filter((w): w is string => typeof w === 'string' && w !== '');
  return words.join(' ');
}

/** SizeRw/SizeRootFs come only with ?size=1; dockerode's type does not declare them. */
interface WithSizes {
  SizeRw?: number;
  SizeRootFs?: number;
}

export function toOverview(raw: Dockerode.ContainerInspectInfo & WithSizes, imageLayers: number): ContainerOverview {
  const state = raw.State;
  const restart = raw.HostConfig?.RestartPolicy;
  return {
    id: raw.Id,
    name: raw.Name.replace(/^\//, ''),
    image: raw.Config?.Image ?? raw.Image,
    imageId: raw.Image,
    imageLayers,
    command: commandOf(raw),
    state: toContainerState(state?.Status),
    created: Date.parse(raw.Created),
    started: toEpoch(state?.StartedAt),
    finished: toEpoch(state?.FinishedAt),
    exitCode: state?.ExitCode ?? 0,
    oomKilled: state?.OOMKilled ?? false,
    error: state?.Error ?? '',
    restartCount: raw.RestartCount ?? 0,
    restartPolicy:
      restart?.Name && restart.Name !== 'no'
        ? restart.MaximumRetryCount
          ? `${restart.Name}:${restart.MaximumRetryCount}`
          : restart.Name
        : 'no',
    autoRemove: raw.HostConfig?.AutoRemove ?? false,
    tty: raw.Config?.Tty ?? false,
    ports: toPorts(raw.NetworkSettings?.Ports),
    mounts: toMounts(raw.Mounts),
    networks: toNetworks(raw.NetworkSettings),
    env: toEnvEntries(raw.Config?.Env),
    labels: { ...(raw.Config?.Labels ?? {}) },
    sizeRw: raw.SizeRw ?? 0,
    sizeRootFs: raw.SizeRootFs ?? 0,
  };
}

/** The raw inspect answer for the "Inspect" tab, with secret-looking environment values replaced. */
export function maskRawInspect(raw: Dockerode.ContainerInspectInfo): unknown {
  const env = raw.Config?.Env;
  if (!env) return raw;
  const masked = toEnvEntries(env).map((e) => (e.masked ? `${e.key}=•••• (hidden by Berth)` : `${e.key}=${e.value}`));
  return { ...raw, Config: { ...raw.Config, Env: masked } };
}

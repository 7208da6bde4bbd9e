/** Raw /containers/json entries to ContainerSummary. Pure. */
import type Dockerode from 'dockerode';
import type { ContainerState, ContainerSummary, PortMapping } from '../../../shared/dto/lists';

const STATES: Readonly<Record<string, ContainerState>> = {
  created: 'created',
  running: 'running',
  paused: 'paused',
  restarting: 'restarting',
  removing: 'removing',
  exited: 'exited',
  dead: 'dead',
  // Podman's compat API can report its own words for the same states.
  configured: 'created',
  initialized: 'created',
  stopped: 'exited',
  stopping: 'running',
};

export function toContainerState(raw: unknown): ContainerState {
  return (typeof raw === 'string' && STATES[raw.toLowerCase()]) || 'dead';
}

function toPort(raw: Dockerode.Port): PortMapping {
  return {
    privatePort: raw.PrivatePort,
    ...(typeof raw.PublicPort === 'number' ? { publicPort: raw.PublicPort } : {}),
    ...(raw.IP ? { ip: raw.IP } : {}),
    type: raw.Type,
  };
}

export function toContainerSummary(raw: Dockerode.ContainerInfo): ContainerSummary {
  const first = raw.Names?.[0];
  return {
    id: raw.Id,
    name: first ? first.replace(/^\//, '') : raw.Id.slice(0, 12),
    image: raw.Image,
    imageId: raw.ImageID,
    command: raw.Command ?? '',
    state: toContainerState(raw.State),
    status: raw.Status ?? '',
    // The list API has no times; ContainersService fills them from its cache of inspects.
    startedAt: null,
    finishedAt: null,
    exitCode: null,
    health: null,
    created: raw.Created * 1000,
    ports: (raw.Ports ?? []).map(toPort),
    labels: { ...(raw.Labels ?? {}) },
  };
}

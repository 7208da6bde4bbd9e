/** Engine lists (containers, networks, volumes) to compose projects by their labels. Pure. */
import type Dockerode from 'dockerode';
import {
  COMPOSE_LABELS as L,
  type ProjectContainer,
  type ProjectService,
  type ProjectState,
  type ProjectSummary,
} from '../../../shared/dto/projects';
import type { ContainerState } from '../../../shared/dto/lists';
import { toContainerState } from '../containers/containers.mapper';

/** `db:service_started:false,cache:service_healthy:true` (Compose v2) to `['db', 'cache']`. */
export function parseDependsOn(label: string | undefined): string[] {
  if (!label) return [];
  return label
    .split(',')
    .map((part) => part.split(':')[0]?.trim() ?? '')
    .filter((name) => name !== '');
}

/**
 * Services ordered so that each comes after the ones it depends on (ties by name). A cycle, or a dependency on a
 * service with no container, cannot stop the order: those are placed as they come.
 */
export function dependencyOrder<T extends { readonly name: string; readonly dependsOn: readonly string[] }>(
  services: readonly T[],
): T[] {
  const byName = new Map(services.map((s) => [s.name, s]));
  const placed = new Set<string>();
  const visiting = new Set<string>();
  const out: T[] = [];
  const visit = (s: T) => {
    if (placed.has(s.name) || visiting.has(s.name)) return;
    visiting.add(s.name);
    for (const dep of [...s.dependsOn].sort()) {
      const d = byName.get(dep);
      if (d) visit(d);
    }
    visiting.delete(s.name);
    placed.add(s.name);
    out.push(s);
  };
  for (const s of [...services].sort((a, b) => a.name.localeCompare(b.name))) visit(s);
  return out;
}

const UP: ReadonlySet<ContainerState> = new Set(['running', 'restarting', 'paused']);

export function projectState(containers: readonly { readonly state: ContainerState }[]): ProjectState {
  const up = containers.filter((c) => UP.has(c.state));
  if (up.length === 0) return 'stopped';
  if (up.every((c) => c.state === 'paused')) return 'paused';
  return up.length === containers.length ? 'running' : 'partial';
}

function toProjectContainer(raw: Dockerode.ContainerInfo): ProjectContainer {
  const labels = raw.Labels ?? {};
  return {
    id: raw.Id,
    name: raw.Names?.[0]?.replace(/^\//, '') ?? raw.Id.slice(0, 12),
    service: labels[L.service] ?? '',
    image: raw.Image,
    state: toContainerState(raw.State),
    status: raw.Status ?? '',
  };
}

const labelOf = (labels: Record<string, string> | undefined | null, key: string) => labels?.[key];

/** Projects, by name, from every container, network and volume carrying the project label. */
export function toProjects(
  containers: readonly Dockerode.ContainerInfo[],
  networks: readonly Dockerode.NetworkInspectInfo[],
  volumes: readonly Dockerode.VolumeInspectInfo[],
): ProjectSummary[] {
  const names = new Set<string>();
  const add = (n: string | undefined) => n !== undefined && n !== '' && names.add(n);
  for (const c of containers) add(labelOf(c.Labels, L.project));
  for (const n of networks) add(labelOf(n.Labels, L.project));
  for (const v of volumes) add(labelOf(v.Labels ?? undefined, L.project));

  return [...names].sort().map((name) => {
    // One-off containers (`compose run`) belong to the project but are not its services.
    const mine = containers.filter(
      (c) => labelOf(c.Labels, L.project) === name && labelOf(c.Labels, L.oneoff) !== 'True',
    );
    const services = new Map<string, { dependsOn: Set<string>; containers: ProjectContainer[] }>();
    for (const raw of mine) {
      const pc = toProjectContainer(raw);
      const entry = services.get(pc.service) ?? { dependsOn: new Set<string>(), containers: [] };
      for (const d of parseDependsOn(labelOf(raw.Labels, L.dependsOn))) entry.dependsOn.add(d);
      entry.containers.push(pc);
      services.set(pc.service, entry);
    }
    const list: ProjectService[] = [...services].map(([service, e]) => ({
      name: service,
      dependsOn: [...e.dependsOn].sort(),
      containers: e.containers.sort((a, b) => a.name.localeCompare(b.name)),
    }));
    const all = list.flatMap((s) => s.containers);
    const first = mine.find((c) => labelOf(c.Labels, L.workingDir) !== undefined);
    const configs = first ? (labelOf(first.Labels, L.configFiles) ?? '') : '';
    return {
      name,
      state: projectState(all),
      running: all.filter((c) => c.state === 'running').length,
      total: all.length,
      workingDir: first ? (labelOf(first.Labels, L.workingDir) ?? null) : null,
      configFiles: configs.split(',').filter((f) => f !== ''),
      services: dependencyOrder(list),
      networks: networks
        .filter((n) => labelOf(n.Labels, L.project) === name)
        .map((n) => ({ id: n.Id, name: n.Name }))
        .sort((a, b) => a.name.localeCompare(b.name)),
      volumes: volumes
        .filter((v) => labelOf(v.Labels ?? undefined, L.project) === name)
        .map((v) => ({ name: v.Name }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    };
  });
}

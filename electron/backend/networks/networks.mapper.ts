/** Raw engine answers about networks to shared DTOs, and which networks a prune removes. Pure. */
import type Dockerode from 'dockerode';
import { PREDEFINED_NETWORKS, type NetworkEndpoint, type NetworkSummary } from '../../../shared/dto/networks';
import { toContainerState } from '../containers/containers.mapper';

export const isPredefined = (name: string): boolean => (PREDEFINED_NETWORKS as readonly string[]).includes(name);

const withPrefix = (ip: string | undefined, prefix: number | undefined): string =>
  ip ? (prefix ? `${ip}/${prefix}` : ip) : '';

/** Aliases per container id and network name, from GET /containers/{id}/json. */
export type AliasBook = ReadonlyMap<string, Readonly<Record<string, readonly string[]>>>;

/**
 * The aliases of each network a container inspect shows, as the user gave them: engines up to API 1.44 add the
 * container's short id to the list (1.45 moved it to DNSNames), which is no alias anyone typed.
 */
export function aliasesOf(raw: Dockerode.ContainerInspectInfo): Record<string, readonly string[]> {
  const networks = (raw.NetworkSettings?.Networks ?? {}) as Record<string, { Aliases?: string[] | null } | undefined>;
  const own = (alias: string) => alias !== raw.Id.slice(0, 12) && alias !== raw.Id;
  return Object.fromEntries(Object.entries(networks).map(([name, n]) => [name, (n?.Aliases ?? []).filter(own)]));
}

/**
 * Every container's view of its networks, by network name: state and aliases the network's own view lacks. The
 * list API leaves aliases out on older engines; `aliases` (from inspecting the containers) fills them in.
 */
export function endpointsByNetwork(
  containers: readonly Dockerode.ContainerInfo[],
  aliases: AliasBook = new Map(),
): Map<string, NetworkEndpoint[]> {
  const byNetwork = new Map<string, NetworkEndpoint[]>();
  for (const c of containers) {
    const networks = (c.NetworkSettings?.Networks ?? {}) as Record<string, Dockerode.NetworkInfo | undefined>;
    for (const [network, settings] of Object.entries(networks)) {
      if (!settings) continue;
      const list = byNetwork.get(network) ?? [];
      list.push({
        containerId: c.Id,
        name: (c.Names?.[0] ?? c.Id.slice(0, 12)).replace(/^\//, ''),
        state: toContainerState(c.State),
        ipv4: withPrefix(settings.IPAddress, settings.IPPrefixLen),
        ipv6: withPrefix(settings.GlobalIPv6Address, settings.GlobalIPv6PrefixLen),
        mac: settings.MacAddress ?? '',
        aliases: [...(aliases.get(c.Id)?.[network] ?? (settings as { Aliases?: string[] | null }).Aliases ?? [])],
      });
      byNetwork.set(network, list);
    }
  }
  return byNetwork;
}

/**
 * One network from GET /networks/{id}: its active endpoints (running containers, from the network itself) first,
 * then containers configured on it that are not running (from the container list).
 */
export function toNetworkSummary(
  raw: Dockerode.NetworkInspectInfo,
  fromContainers: readonly NetworkEndpoint[],
): NetworkSummary {
  const active = Object.entries(raw.Containers ?? {}).map(([id, ep]): NetworkEndpoint => {
    const known = fromContainers.find((c) => c.containerId === id);
    return {
      containerId: id,
      name: ep.Name,
      state: known?.state ?? 'running',
      ipv4: ep.IPv4Address ?? '',
      ipv6: ep.IPv6Address ?? '',
      mac: ep.MacAddress ?? '',
      aliases: known?.aliases ?? [],
    };
  });
  const activeIds = new Set(active.map((c) => c.containerId));
  const configured = fromContainers.filter((c) => !activeIds.has(c.containerId) && c.state !== 'running');
  const created = raw.Created ? Date.parse(raw.Created) : NaN;
  return {
    id: raw.Id,
    name: raw.Name,
    driver: raw.Driver,
    scope: raw.Scope,
    internal: raw.Internal,
    attachable: raw.Attachable,
    ipv6: raw.EnableIPv6,
    subnets: (raw.IPAM?.Config ?? []).map((c) => ({ subnet: c.Subnet ?? '', gateway: c.Gateway ?? '' })),
    labels: { ...(raw.Labels ?? {}) },
    created: Number.isNaN(created) ? null : created,
    predefined: isPredefined(raw.Name),
    containers: [...active.sort((a, b) => a.name.localeCompare(b.name)), ...configured],
  };
}

/** Running containers with an endpoint on the network. */
export const activeEndpoints = (n: NetworkSummary): NetworkEndpoint[] =>
  n.containers.filter((c) => c.state === 'running' || c.state === 'paused' || c.state === 'restarting');

/**
 * POST /networks/prune removes every network that is not predefined (nor swarm's ingress, nor config-only) and
 * has no endpoint: stopped containers hold none, so their networks go too (daemon/prune.go localNetworksPrune).
 */
export function networkPrunePreview(raws: readonly Dockerode.NetworkInspectInfo[]): { id: string; name: string }[] {
  return raws
    .filter((n) => !isPredefined(n.Name) && !n.Ingress && !n.ConfigOnly && Object.keys(n.Containers ?? {}).length === 0)
    .map((n) => ({ id: n.Id, name: n.Name }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Networks: list with the containers on each, create with checked subnets, remove, connect, disconnect, prune. */
import type Dockerode from 'dockerode';
import { parseCidr, subnetsOverlap } from '../../../shared/cidr';
import type {
  NetworkConnectSpec,
  NetworkCreateSpec,
  NetworkEndpoint,
  NetworkPrunePreview,
  NetworkPruneResult,
  NetworkSummary,
} from '../../../shared/dto/networks';
import { BerthFailure } from '../../../shared/result';
import type { DockerSource } from '../engine/engine.types';
import { listInWords } from '../../../shared/words';
import { engineText, statusOf } from '../engine/errors';
import {
  activeEndpoints,
  aliasesOf,
  endpointsByNetwork,
  isPredefined,
  networkPrunePreview,
  toNetworkSummary,
} from './networks.mapper';

export class NetworksService {
  constructor(private readonly engine: DockerSource) {}

  private docker(): Dockerode {
    return this.engine.docker();
  }

  /** Each network inspected: GET /networks leaves out the containers on some engine versions. */
  private async inspectAll(): Promise<Dockerode.NetworkInspectInfo[]> {
    const listed = await this.docker().listNetworks();
    const inspected = await Promise.all(
      listed.map((n) =>
        this.docker()
          .getNetwork(n.Id)
          .inspect()
          .then((raw) => raw)
          // Removed between the list and the inspect.
          .catch(() => null),
      ),
    );
    return inspected.filter((n): n is Dockerode.NetworkInspectInfo => n !== null);
  }

  /** Containers with their aliases: the list API does not carry them on every engine version. */
  private async endpoints(): Promise<Map<string, NetworkEndpoint[]>> {
    const containers = await this.docker().listContainers({ all: true });
    // Only user-defined networks have aliases, so containers on bridge, host or none alone are not inspected.
    const connected = containers.filter((c) =>
      Object.keys(c.NetworkSettings?.Networks ?? {}).some((name) => !isPredefined(name)),
    );
    const inspected = await Promise.all(
      connected.map((c) =>
        this.docker()
          .getContainer(c.Id)
          .inspect()
          .then((raw) => [c.Id, aliasesOf(raw)] as const)
          .catch(() => null),
      ),
    );
    return endpointsByNetwork(containers, new Map(inspected.filter((e) => e !== null)));
  }

  async list(): Promise<readonly NetworkSummary[]> {
    const [raws, endpoints] = await Promise.all([this.inspectAll(), this.endpoints()]);
    return raws
      .map((raw) => toNetworkSummary(raw, endpoints.get(raw.Name) ?? []))
      .sort((a, b) => Number(b.predefined) - Number(a.predefined) || a.name.localeCompare(b.name));
  }

  private async raw(ref: string): Promise<Dockerode.NetworkInspectInfo> {
    try {
      return await this.docker().getNetwork(ref).inspect();
    } catch (error) {
      if (statusOf(error) === 404) throw new BerthFailure('NOT_FOUND', `There is no network ${ref} on this engine.`);
      throw error;
    }
  }

  async inspect(ref: string): Promise<NetworkSummary> {
    const [raw, endpoints] = await Promise.all([this.raw(ref), this.endpoints()]);
    return toNetworkSummary(raw, endpoints.get(raw.Name) ?? []);
  }

  /** The network's name for commands and messages; the reference itself when the engine does not know it. */
  async nameOf(ref: string): Promise<string> {
    return this.raw(ref)
      .then((raw) => raw.Name)
      .catch(() => ref);
  }

  async create(spec: NetworkCreateSpec): Promise<NetworkSummary> {
    let created: Dockerode.Network;
    try {
      created = await this.docker().createNetwork({
        Name: spec.name,
        Driver: spec.driver,
        CheckDuplicate: true,
        Internal: spec.internal,
        Attachable: spec.attachable,
        Labels: { ...spec.labels },
        ...(spec.subnet
          ? {
              IPAM: {
                Driver: 'default',
                Config: [{ Subnet: spec.subnet, ...(spec.gateway ? { Gateway: spec.gateway } : {}) }],
              },
            }
          : {}),
      });
    } catch (error) {
      throw await this.explainCreate(error, spec);
    }
    return this.inspect(created.id);
  }

  private async explainCreate(error: unknown, spec: NetworkCreateSpec): Promise<unknown> {
    const said = engineText(error);
    if (/already exists/i.test(said))
      return new BerthFailure('CONFLICT', `A network named ${spec.name} already exists. Pick another name.`, {
        field: 'name',
      });
    if (/pool overlaps/i.test(said)) {
      const mine = spec.subnet ? parseCidr(spec.subnet) : null;
      const others = mine
        ? (await this.inspectAll().catch(() => []))
            .filter((n) =>
              (n.IPAM?.Config ?? []).some((c) => {
                const theirs = c.Subnet ? parseCidr(c.Subnet) : null;
                return theirs !== null && subnetsOverlap(mine, theirs);
              }),
            )
            .map((n) => n.Name)
        : [];
      const whose = others.length > 0 ? ` of network ${listInWords(others)}` : ' of another network';
      return new BerthFailure(
        'CONFLICT',
        `The subnet ${spec.subnet ?? ''} overlaps the addresses${whose}. Choose a subnet no other network uses.`,
        { field: 'subnet', networks: others },
      );
    }
    if (/gateway/i.test(said))
      return new BerthFailure('INVALID_INPUT', `The engine refused the gateway ${spec.gateway ?? ''}: ${said}`, {
        field: 'gateway',
      });
    if (/subnet|cidr|pool/i.test(said))
      return new BerthFailure('INVALID_INPUT', `The engine refused the subnet ${spec.subnet ?? ''}: ${said}`, {
        field: 'subnet',
      });
    return error;
  }

  /** Refused in words for the engine's own networks and while containers are running on it. */
  async remove(ref: string): Promise<null> {
    const network = await this.inspect(ref);
    if (network.predefined)
      throw new BerthFailure(
        'CONFLICT',
        `${network.name} is one of the engine's own networks (bridge, host, none); it cannot be removed.`,
      );
    const active = activeEndpoints(network);
    if (active.length > 0)
      throw new BerthFailure(
        'CONFLICT',
        `Network ${network.name} has running containers on it: ${listInWords(active.map((c) => c.name))}. Disconnect or stop them first.`,
        { containers: active.map((c) => c.name) },
      );
    try {
      await this.docker().getNetwork(network.id).remove();
    } catch (error) {
      if (statusOf(error) === 404) throw new BerthFailure('NOT_FOUND', `There is no network ${ref} on this engine.`);
      if (/active endpoints/i.test(engineText(error)))
        throw new BerthFailure('CONFLICT', `Network ${network.name} has containers on it; disconnect them first.`);
      throw error;
    }
    return null;
  }

  async connect(spec: NetworkConnectSpec): Promise<null> {
    try {
      await this.docker()
        .getNetwork(spec.network)
        .connect({ Container: spec.container, EndpointConfig: { Aliases: [...spec.aliases] } });
    } catch (error) {
      throw this.explainEndpoint(error, spec.network, spec.container, 'connect');
    }
    return null;
  }

  async disconnect(network: string, container: string, force = false): Promise<null> {
    try {
      await this.docker().getNetwork(network).disconnect({ Container: container, Force: force });
    } catch (error) {
      throw this.explainEndpoint(error, network, container, 'disconnect');
    }
    return null;
  }

  private explainEndpoint(error: unknown, network: string, container: string, verb: string): unknown {
    const said = engineText(error);
    if (statusOf(error) === 404) {
      if (/container/i.test(said))
        return new BerthFailure('NOT_FOUND', `There is no container ${container} on this engine.`);
      return new BerthFailure('NOT_FOUND', `There is no network ${network} on this engine.`);
    }
    if (/already exists in network|already connected/i.test(said))
      return new BerthFailure('CONFLICT', `Container ${container} is already connected to network ${network}.`);
    if (/is not connected/i.test(said))
      return new BerthFailure('CONFLICT', `Container ${container} is not connected to network ${network}.`);
    if (statusOf(error) === 403 || statusOf(error) === 400)
      return new BerthFailure('CONFLICT', `The engine would not ${verb} ${container} and ${network}: ${said}`);
    return error;
  }

  async prunePreview(): Promise<NetworkPrunePreview> {
    return { networks: networkPrunePreview(await this.inspectAll()) };
  }

  async prune(): Promise<NetworkPruneResult> {
    const answer = (await this.docker().pruneNetworks()) as { NetworksDeleted?: string[] | null };
    return { removed: [...(answer.NetworksDeleted ?? [])].sort() };
  }
}

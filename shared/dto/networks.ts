/** Networks: the list with the containers on each, creation, connect/disconnect and prune previews. */
import type { ContainerState } from './lists';

/** A container connected to the network. Only running ones hold an endpoint (an address) on it. */
export interface NetworkEndpoint {
  readonly containerId: string;
  readonly name: string;
  readonly state: ContainerState;
  /** CIDR as the engine gives it, e.g. "172.20.0.2/16"; '' when none. */
  readonly ipv4: string;
  readonly ipv6: string;
  readonly mac: string;
  /** Only inspecting the container shows aliases; the network's own view does not carry them. */
  readonly aliases: readonly string[];
}

export interface NetworkSubnet {
  readonly subnet: string;
  readonly gateway: string;
}

export interface NetworkSummary {
  readonly id: string;
  readonly name: string;
  readonly driver: string;
  readonly scope: string;
  readonly internal: boolean;
  readonly attachable: boolean;
  readonly ipv6: boolean;
  readonly subnets: readonly NetworkSubnet[];
  readonly labels: Readonly<Record<string, string>>;
  /** Epoch ms. */
  readonly created: number | null;
  /** bridge, host and none: made by the engine, never removed. */
  readonly predefined: boolean;
  /** Running containers with an endpoint here, then stopped ones configured to join it when they start. */
  readonly containers: readonly NetworkEndpoint[];
}

export interface NetworkCreateSpec {
  readonly name: string;
  readonly driver: 'bridge';
  readonly internal: boolean;
  readonly attachable: boolean;
  readonly subnet?: string;
  readonly gateway?: string;
  readonly labels: Readonly<Record<string, string>>;
}

export interface NetworkConnectSpec {
  readonly network: string;
  readonly container: string;
  readonly aliases: readonly string[];
}

export interface NetworkPrunePreview {
  readonly networks: readonly { readonly id: string; readonly name: string }[];
}

export interface NetworkPruneResult {
  readonly removed: readonly string[];
}

export const PREDEFINED_NETWORKS = ['bridge', 'host', 'none'] as const;

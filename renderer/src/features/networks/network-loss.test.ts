import { describe, expect, it } from 'vitest';
import type { NetworkEndpoint, NetworkSummary } from '../../../../shared/dto/networks';
import { networkLoss } from './network-loss';

const member = (name: string, state: 'running' | 'exited'): NetworkEndpoint => ({
  containerId: name,
  name,
  state,
  ipv4: '',
  ipv6: '',
  mac: '',
  aliases: [],
});
const network = (name: string, extra: Partial<NetworkSummary> = {}): NetworkSummary => ({
  id: `id-${name}`,
  name,
  driver: 'bridge',
  scope: 'local',
  internal: false,
  attachable: false,
  ipv6: false,
  subnets: [{ subnet: '172.30.0.0/16', gateway: '172.30.0.1' }] as NetworkSummary['subnets'],
  labels: {},
  created: null,
  predefined: false,
  containers: [],
  ...extra,
});

describe('networkLoss', () => {
  const list = [
    network('free', { containers: [member('old', 'exited')] }),
    network('busy', { containers: [member('web', 'running')] }),
    network('none', { predefined: true, subnets: [] }),
  ];

  it('names the network and subnet, and the stopped containers that will not rejoin it', () => {
    const [line] = networkLoss(['id-free'], list);
    expect(line).toEqual({
      key: 'id-free',
      name: 'free',
      loss: 'the bridge network and its subnet 172.30.0.0/16; old will not rejoin it when started',
    });
  });

  it('refuses built-in networks and networks with running containers, with the reason', () => {
    const [busy, builtIn] = networkLoss(['id-busy', 'id-none'], list);
    expect(busy?.refused).toBe('running container web is on it; disconnect or stop it first.');
    expect(builtIn?.refused).toMatch(/engine's own networks .* cannot be removed/);
  });
});

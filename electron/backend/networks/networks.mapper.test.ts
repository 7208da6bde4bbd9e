import type Dockerode from 'dockerode';
import { describe, expect, it } from 'vitest';
import { ipInSubnet, parseCidr, subnetsOverlap } from '../../../shared/cidr';
import { networkCreateSpec } from '../../../shared/contracts/networks.contract';
import { endpointsByNetwork, networkPrunePreview, toNetworkSummary } from './networks.mapper';

const network = (over: Partial<Dockerode.NetworkInspectInfo>): Dockerode.NetworkInspectInfo => ({
  Id: 'n1',
  Name: 'app',
  Created: '2024-01-02T03:04:05Z',
  Scope: 'local',
  Driver: 'bridge',
  EnableIPv6: false,
  Internal: false,
  Attachable: true,
  Ingress: false,
  ConfigOnly: false,
  IPAM: { Driver: 'default', Config: [{ Subnet: '10.1.0.0/24', Gateway: '10.1.0.1' }] },
  Containers: {},
  Options: {},
  Labels: {},
  ...over,
});

const containers = [
  {
    Id: 'c1',
    Names: ['/web'],
    State: 'running',
    NetworkSettings: {
      Networks: { app: { IPAddress: '10.1.0.2', IPPrefixLen: 24, MacAddress: 'aa', Aliases: ['www', 'c1'] } },
    },
  },
  { Id: 'c2', Names: ['/old'], State: 'exited', NetworkSettings: { Networks: { app: { IPAddress: '' } } } },
] as unknown as Dockerode.ContainerInfo[];

describe('toNetworkSummary', () => {
  it('lists running endpoints with aliases from the containers, then stopped containers configured on it', () => {
    const raw = network({
      Containers: {
        c1: { Name: 'web', EndpointID: 'e', MacAddress: 'aa', IPv4Address: '10.1.0.2/24', IPv6Address: '' },
      },
    });
    const summary = toNetworkSummary(raw, endpointsByNetwork(containers).get('app') ?? []);
    expect(summary).toMatchObject({
      predefined: false,
      created: Date.UTC(2024, 0, 2, 3, 4, 5),
      subnets: [{ subnet: '10.1.0.0/24', gateway: '10.1.0.1' }],
    });
    expect(summary.containers).toEqual([
      {
        containerId: 'c1',
        name: 'web',
        state: 'running',
        ipv4: '10.1.0.2/24',
        ipv6: '',
        mac: 'aa',
        aliases: ['www', 'c1'],
      },
      { containerId: 'c2', name: 'old', state: 'exited', ipv4: '', ipv6: '', mac: '', aliases: [] },
    ]);
    expect(toNetworkSummary(network({ Name: 'bridge' }), []).predefined).toBe(true);
  });
});

describe('networkPrunePreview', () => {
  it('keeps predefined, ingress and networks with endpoints', () => {
    const preview = networkPrunePreview([
      network({ Id: 'a', Name: 'idle' }),
      network({ Id: 'b', Name: 'none' }),
      network({ Id: 'c', Name: 'ingress', Ingress: true }),
      network({
        Id: 'd',
        Name: 'busy',
        Containers: { x: { Name: 'x', EndpointID: '', MacAddress: '', IPv4Address: '', IPv6Address: '' } },
      }),
    ]);
    expect(preview).toEqual([{ id: 'a', name: 'idle' }]);
  });
});

describe('CIDR', () => {
  it('parses IPv4 CIDR and refuses the rest', () => {
    expect(parseCidr('172.28.0.0/16')).toEqual({ base: (172 * 256 + 28) * 65536, prefix: 16 });
    for (const bad of ['172.28.0.0', '300.1.1.1/8', '10.0.0.0/33', '10.0.0/8', 'fe80::/64', '01.2.3.4/8'])
      expect(parseCidr(bad), bad).toBeNull();
  });
  it('knows inside and overlap', () => {
    const subnet = parseCidr('10.1.0.0/24');
    if (!subnet) throw new Error('unparsed');
    expect(ipInSubnet('10.1.0.254', subnet)).toBe(true);
    expect(ipInSubnet('10.1.1.1', subnet)).toBe(false);
    expect(subnetsOverlap(subnet, parseCidr('10.0.0.0/8') ?? subnet)).toBe(true);
    expect(subnetsOverlap(subnet, parseCidr('10.2.0.0/24') ?? subnet)).toBe(false);
  });
});

describe('networkCreateSpec', () => {
  const base = { name: 'app', driver: 'bridge', internal: false, attachable: false, labels: {} };
  it('accepts a bridge with subnet and gateway inside it', () => {
    expect(networkCreateSpec.safeParse({ ...base, subnet: '10.1.0.0/24', gateway: '10.1.0.1' }).success).toBe(true);
  });
  it('explains what is wrong, per field', () => {
    const messages = (input: unknown) =>
      networkCreateSpec.safeParse(input).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(messages({ ...base, subnet: '10.1.0.0' })).toEqual([
      'subnet: the subnet is not in CIDR form, e.g. 172.28.0.0/16',
    ]);
    expect(messages({ ...base, subnet: '10.1.0.0/24', gateway: '10.2.0.1' })).toEqual([
      'gateway: the gateway is not inside the subnet 10.1.0.0/24',
    ]);
    expect(messages({ ...base, gateway: '10.2.0.1' })).toEqual(['gateway: a gateway needs a subnet to sit in']);
    expect(messages({ ...base, name: '-x' })?.[0]).toMatch(/^name: a network name is letters/);
    expect(networkCreateSpec.safeParse({ ...base, driver: 'overlay' }).success).toBe(false);
  });
});

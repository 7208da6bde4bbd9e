/** Networks through the Dispatcher against a real engine, each effect compared with `docker network inspect`. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NetworkPrunePreview, NetworkPruneResult, NetworkSummary } from '../../../shared/dto/networks';
import type { Backend } from '../index';
import { call as callOn, cli, connectedBackend, unique } from '../images/images.test-helper';

const FIXTURE = 'berth-fixture/busybox:1';
const LABEL = { 'berth.test': '1' };

let backend: Backend;
const call = <T>(channel: string, input?: unknown) => callOn<T>(backend, channel, input);
const value = async <T>(channel: string, input?: unknown): Promise<T> => {
  const result = await call<T>(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value;
};
const spec = (name: string, over: Record<string, unknown> = {}) => ({
  name,
  driver: 'bridge',
  internal: false,
  attachable: false,
  labels: LABEL,
  ...over,
});
const runOn = (network: string) =>
  cli('run', '-d', '--name', unique('nc'), '--label', 'berth.test=1', '--network', network, FIXTURE, 'sleep', '600');

beforeAll(async () => {
  backend = await connectedBackend();
});

afterAll(async () => {
  await backend?.dispose();
  const containers = cli('ps', '-aq', '--filter', 'label=berth.test=1').split('\n').filter(Boolean);
  if (containers.length > 0) cli('rm', '-f', ...containers);
  const networks = cli('network', 'ls', '-q', '--filter', 'label=berth.test=1').split('\n').filter(Boolean);
  if (networks.length > 0) cli('network', 'rm', ...networks);
}, 30_000);

describe('list and create', () => {
  it('creates a network with a subnet and lists it as `docker network inspect` shows it', async () => {
    const name = unique('net');
    const created = await value<NetworkSummary>(
      'networks:create',
      spec(name, { subnet: '10.77.0.0/24', gateway: '10.77.0.1', internal: true, attachable: true }),
    );
    const [raw] = JSON.parse(cli('network', 'inspect', name)) as [
      { Id: string; Internal: boolean; Attachable: boolean; IPAM: { Config: { Subnet: string; Gateway: string }[] } },
    ];
    expect(created).toMatchObject({
      id: raw.Id,
      name,
      driver: 'bridge',
      internal: raw.Internal,
      attachable: raw.Attachable,
      predefined: false,
      subnets: raw.IPAM.Config.map((c) => ({ subnet: c.Subnet, gateway: c.Gateway })),
    });
    expect(created.subnets).toEqual([{ subnet: '10.77.0.0/24', gateway: '10.77.0.1' }]);

    const list = await value<NetworkSummary[]>('networks:list');
    expect(list.map((n) => n.name).sort()).toEqual(cli('network', 'ls', '--format', '{{.Name}}').split('\n').sort());
    expect(list.find((n) => n.name === 'host')?.predefined).toBe(true);
    expect(list.find((n) => n.name === name)?.id).toBe(raw.Id);
  });

  it('refuses an overlapping subnet in words naming the field and the other network', async () => {
    const first = unique('ov1');
    await value('networks:create', spec(first, { subnet: '10.78.0.0/16' }));
    const second = await call('networks:create', spec(unique('ov2'), { subnet: '10.78.1.0/24' }));
    expect(second.ok).toBe(false);
    if (!second.ok) {
      expect(second.error.code).toBe('CONFLICT');
      expect(second.error.message).toContain('The subnet 10.78.1.0/24 overlaps');
      expect(second.error.message).toContain(first);
      expect(second.error.details).toMatchObject({ field: 'subnet' });
    }
    const taken = await call('networks:create', spec(first));
    expect(taken.ok ? '' : taken.error.message).toContain(`A network named ${first} already exists`);
  });

  it('refuses bad CIDR and a gateway outside the subnet before the engine sees them', async () => {
    const bad = await call('networks:create', spec(unique('bad'), { subnet: '10.0.0.0/33' }));
    expect(bad.ok ? '' : bad.error.message).toMatch(/not in CIDR form/);
    const outside = await call('networks:create', spec(unique('bad'), { subnet: '10.9.0.0/24', gateway: '10.9.1.1' }));
    expect(outside.ok ? '' : outside.error.message).toMatch(/gateway.*not inside the subnet/);
  });
});

describe('connect, disconnect, remove', () => {
  it('connects with an alias visible in `docker network inspect`, refuses removal while attached, then removes', async () => {
    const name = unique('cn');
    await value('networks:create', spec(name, { subnet: '10.79.0.0/24' }));
    const other = unique('other');
    await value('networks:create', spec(other));
    const id = runOn(other);
    const container = cli('inspect', '--format', '{{.Name}}', id).replace(/^\//, '');

    expect(await value('networks:connect', { network: name, container, aliases: ['db-alias'] })).toBeNull();
    const aliases = cli('inspect', '--format', `{{json (index .NetworkSettings.Networks "${name}").Aliases}}`, id);
    expect(JSON.parse(aliases)).toContain('db-alias');
    const listed = (await value<NetworkSummary[]>('networks:list')).find((n) => n.name === name);
    const endpoint = listed?.containers.find((c) => c.name === container);
    const [raw] = JSON.parse(cli('network', 'inspect', name)) as [
      { Containers: Record<string, { IPv4Address: string; MacAddress: string }> },
    ];
    expect(endpoint).toMatchObject({
      ipv4: raw.Containers[id]?.IPv4Address,
      mac: raw.Containers[id]?.MacAddress,
      state: 'running',
    });
    expect(endpoint?.aliases).toContain('db-alias');
    const again = await call('networks:connect', { network: name, container, aliases: [] });
    expect(again.ok ? '' : again.error.code).toBe('CONFLICT');

    const refused = await call('networks:remove', { id: name });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('CONFLICT');
      expect(refused.error.message).toContain(container);
    }
    expect(cli('network', 'ls', '-q', '--filter', `name=^${name}$`)).not.toBe('');

    expect(await value('networks:disconnect', { network: name, container })).toBeNull();
    expect(cli('network', 'inspect', '--format', '{{len .Containers}}', name)).toBe('0');
    expect(await value('networks:remove', { id: name })).toBeNull();
    expect(cli('network', 'ls', '-q', '--filter', `name=^${name}$`)).toBe('');
    expect(backend.services.transcript.list().at(-1)).toMatchObject({
      command: `docker network rm ${name}`,
      outcome: 'ok',
    });
  });

  it('refuses to remove a predefined network, in words', async () => {
    const result = await call('networks:remove', { id: 'host' });
    expect(result.ok ? '' : result.error.message).toMatch(/engine's own networks/);
  });
});

describe('prune', () => {
  it('previews exactly what the prune removes: networks without running containers', async () => {
    const idle = unique('idle');
    const busy = unique('busy');
    await value('networks:create', spec(idle));
    await value('networks:create', spec(busy));
    runOn(busy);
    const preview = await value<NetworkPrunePreview>('networks:prunePreview');
    const names = preview.networks.map((n) => n.name);
    expect(names).toContain(idle);
    expect(names).not.toContain(busy);
    expect(names).not.toContain('host');
    const pruned = await value<NetworkPruneResult>('networks:prune');
    expect(pruned.removed).toEqual([...names].sort());
    expect(cli('network', 'ls', '-q', '--filter', `name=^${busy}$`)).not.toBe('');
  });
});

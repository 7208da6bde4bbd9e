import type Dockerode from 'dockerode';
import { describe, expect, it } from 'vitest';
import { toChanges } from './containers.changes.mapper';
import { isSecretKey, maskRawInspect, toEnvEntries, toEpoch, toOverview, toPorts } from './containers.overview.mapper';
import { cpuPercent, memoryUsed, toStatsSample } from './containers.stats.mapper';

describe('env masking', () => {
  it('hides values of secret-looking keys and keeps the rest', () => {
    for (const key of ['POSTGRES_PASSWORD', 'API_TOKEN', 'AWS_SECRET_ACCESS_KEY', 'GITHUB_API_KEY', 'DB_PASSWD', 'KEY'])
      expect(isSecretKey(key), key).toBe(true);
    for (const key of ['PATH', 'HOME', 'LANG', 'KEYBOARD', 'NODE_ENV']) expect(isSecretKey(key), key).toBe(false);
    expect(toEnvEntries(['PATH=/bin', 'DB_PASSWORD=hunter2', 'EMPTY='])).toEqual([
      { key: 'PATH', value: '/bin', masked: false },
      { key: 'DB_PASSWORD', value: '', masked: true },
      { key: 'EMPTY', value: '', masked: false },
    ]);
    const raw = { Id: 'x', Config: { Env: ['A=1', 'MY_TOKEN=abc'] } } as unknown as Dockerode.ContainerInspectInfo;
    expect(JSON.stringify(maskRawInspect(raw))).not.toContain('abc');
  });
});

describe('overview', () => {
  const raw = {
    Id: 'abc',
    Name: '/web',
    Created: '2025-01-15T10:00:00.5Z',
    Path: 'nginx',
    Args: ['-g', 'daemon off;'],
    Image: 'sha256:img',
    State: {
      Status: 'exited',
      ExitCode: 137,
      OOMKilled: true,
      Error: '',
      StartedAt: '2025-01-15T10:00:01Z',
      FinishedAt: '0001-01-01T00:00:00Z',
    },
    RestartCount: 2,
    HostConfig: { RestartPolicy: { Name: 'on-failure', MaximumRetryCount: 5 }, AutoRemove: false },
    Config: { Image: 'nginx:1.27', Env: ['A=1'], Labels: { tier: 'front' }, Tty: false },
    NetworkSettings: { Ports: { '80/tcp': [{ HostIp: '0.0.0.0', HostPort: '8080' }], '443/tcp': null }, Networks: {} },
    Mounts: [
      { Type: 'volume', Name: 'data', Source: '/var/lib/docker/volumes/data/_data', Destination: '/data', RW: false },
    ],
    SizeRw: 12,
    SizeRootFs: 1000,
  } as unknown as Dockerode.ContainerInspectInfo;

  it('maps the page fields, with never-happened times as null', () => {
    const o = toOverview(raw, 3);
    expect(o).toMatchObject({
      name: 'web',
      image: 'nginx:1.27',
      imageLayers: 3,
      command: 'nginx -g daemon off;',
      state: 'exited',
      exitCode: 137,
      oomKilled: true,
      created: Date.parse('2025-01-15T10:00:00.5Z'),
      started: Date.parse('2025-01-15T10:00:01Z'),
      finished: null,
      restartCount: 2,
      restartPolicy: 'on-failure:5',
      sizeRw: 12,
      sizeRootFs: 1000,
      mounts: [{ type: 'volume', name: 'data', destination: '/data', readOnly: true }],
    });
    expect(o.ports).toEqual([
      { privatePort: 80, type: 'tcp', publicPort: 8080, ip: '0.0.0.0' },
      { privatePort: 443, type: 'tcp' },
    ]);
    expect(toEpoch(undefined)).toBeNull();
    expect(toPorts(undefined)).toEqual([]);
  });
});

describe('changes tree', () => {
  it('nests paths and counts kinds', () => {
    const c = toChanges([
      { Path: '/etc', Kind: 0 },
      { Path: '/etc/hosts.d', Kind: 1 },
      { Path: '/etc/hosts.d/a', Kind: 1 },
      { Path: '/bin/vi', Kind: 2 },
    ]);
    expect(c.counts).toEqual({ added: 2, changed: 1, deleted: 1 });
    expect(c.tree.map((n) => [n.name, n.kind])).toEqual([
      ['bin', null],
      ['etc', 'changed'],
    ]);
    expect(c.tree[1]?.children[0]?.children[0]).toEqual({
      name: 'a',
      path: '/etc/hosts.d/a',
      kind: 'added',
      children: [],
    });
    expect(toChanges(null)).toEqual({ entries: [], tree: [], counts: { added: 0, changed: 0, deleted: 0 } });
  });
});

describe('stats', () => {
  const frame = {
    read: '2025-01-15T10:00:02Z',
    cpu_stats: { cpu_usage: { total_usage: 3_000_000 }, system_cpu_usage: 20_000_000, online_cpus: 2 },
    precpu_stats: { cpu_usage: { total_usage: 1_000_000 }, system_cpu_usage: 10_000_000 },
    memory_stats: { usage: 10_000, limit: 1_000_000, stats: { inactive_file: 4000 } },
    networks: { eth0: { rx_bytes: 10, tx_bytes: 20 }, eth1: { rx_bytes: 1, tx_bytes: 2 } },
    blkio_stats: {
      io_service_bytes_recursive: [
        { op: 'Read', value: 7 },
        { op: 'Write', value: 9 },
        { op: 'read', value: 1 },
      ],
    },
    pids_stats: { current: 4 },
  };

  it('computes CPU % and memory like docker stats', () => {
    expect(cpuPercent(frame)).toBeCloseTo(40);
    expect(cpuPercent({ ...frame, precpu_stats: {} })).toBeNull();
    expect(memoryUsed(frame)).toBe(6000);
    expect(toStatsSample('c1', frame, 0)).toEqual({
      id: 'c1',
      time: Date.parse('2025-01-15T10:00:02Z'),
      cpuPercent: 40,
      memoryUsed: 6000,
      memoryLimit: 1_000_000,
      networkRx: 11,
      networkTx: 22,
      blockRead: 8,
      blockWrite: 9,
      pids: 4,
    });
  });
});

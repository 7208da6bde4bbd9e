/**
 * Every mapper that reads engine JSON, run on recorded responses of Engine API 1.41 (Docker 20.10), 1.44 (25.0),
 * 1.47 (27.x, containerd image store) and 1.51 (28.x). The fixtures in ./fixtures/api-1.xx were written from the
 * Engine API reference (moby/moby api/docs/v1.41.yaml, v1.44.yaml, v1.47.yaml, v1.51.yaml and api/docs/CHANGELOG.md;
 * see fixtures/README.md), one file per endpoint. Each test asserts the mapped values a screen shows, so a field an
 * API version removed or reshaped fails here instead of reaching the user as a raw or undefined value.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type Dockerode from 'dockerode';
import { describe, expect, it } from 'vitest';
import { toContainerSummary } from '../containers/containers.mapper';
import { toOverview } from '../containers/containers.overview.mapper';
import { toRunSpecFromInspect } from '../containers/containers.edit.mapper';
import { toStatusTimes } from '../containers/containers.times';
import { toDiskUsage } from '../disk/disk.mapper';
import { buildSteps, MISSING_ID_NOTE, type RawHistoryEntry } from '../images/images.layers';
import { countContainersByImage, createdAt, toImageDetail, toImageSummary } from '../images/images.mapper';
import { aliasesOf, endpointsByNetwork, toNetworkSummary } from '../networks/networks.mapper';
import { toVolumeSummary, usersByVolume, type RawVolume } from '../volumes/volumes.mapper';
import { toDiskBuildCache } from '../disk/disk.mapper';
import type { RawDf } from '../disk/disk.mapper';
import { toEngineEvent, toEngineSummary, type RawEvent, type RawInfo, type RawVersion } from './engine.mapper';

const VERSIONS = ['1.41', '1.44', '1.47', '1.51'] as const;
const ENGINES = { '1.41': '20.10.24', '1.44': '25.0.5', '1.47': '27.3.1', '1.51': '28.3.3' } as const;
const WEB = '8dfafdbc3a40d4b1a2c0a5f2b7e9e6cfb0a8f3a1e2d4c6b8a0f1e3d5c7b9a1e3';
const IMG = 'sha256:3f57d9401f8d42f986df300f0c69192fc41da28ccc8d797829467780db3dd741';
const IMG2 = 'sha256:9c7a54a9a43cca047013b82af109fe963fde787f63f9e016fdc3384500c2823d';

const read = <T>(version: string, name: string): T =>
  JSON.parse(readFileSync(join(__dirname, 'fixtures', `api-${version}`, `${name}.json`), 'utf8')) as T;

describe.each(VERSIONS)('Engine API %s recorded responses', (v) => {
  const containers = read<Dockerode.ContainerInfo[]>(v, 'containers-list');
  const inspect = read<Dockerode.ContainerInspectInfo>(v, 'container-inspect');
  const image = read<Dockerode.ImageInspectInfo>(v, 'image-inspect');
  const history = read<RawHistoryEntry[]>(v, 'image-history');

  it('version and info: the status bar summary', () => {
    const summary = toEngineSummary(read<RawVersion>(v, 'version'), read<RawInfo>(v, 'info'));
    expect(summary).toMatchObject({
      name: 'build-host-1',
      version: ENGINES[v],
      apiVersion: v,
      minApiVersion: v === '1.41' ? '1.12' : '1.24',
      os: 'linux',
      operatingSystem: 'Debian GNU/Linux 12 (bookworm)',
      kernelVersion: '6.1.0-26-amd64',
      arch: 'amd64',
      storageDriver: v === '1.41' || v === '1.44' ? 'overlay2' : 'overlayfs',
      cpus: 8,
      memTotal: 16654872576,
      containers: 2,
      containersRunning: 1,
      containersStopped: 1,
      images: 3,
      flavor: 'docker',
    });
  });

  it('events: scope, action without its command line, id, name and time in ms', () => {
    const mapped = read<RawEvent[]>(v, 'events').map(toEngineEvent);
    expect(mapped).toEqual([
      { scope: 'container', action: 'start', id: WEB, name: 'web', time: 1730800001123 },
      { scope: 'container', action: 'exec_start', id: WEB, name: 'web', time: 1730800031000 },
      { scope: 'container', action: 'health_status', id: WEB, name: 'web', time: 1730800031500 },
      { scope: 'image', action: 'tag', id: IMG, name: 'example/web:latest', time: 1730800100000 },
      expect.objectContaining({ scope: 'network', action: 'connect', name: 'app-net' }),
      expect.objectContaining({ scope: 'volume', action: 'mount', id: 'web-data' }),
    ]);
  });

  it('container list: names, state, ports, labels', () => {
    const [web, job] = containers.map(toContainerSummary);
    expect(web).toMatchObject({
      id: WEB,
      name: 'web',
      image: 'example/web:1.2',
      imageId: IMG,
      command: 'httpd -f -p 80',
      state: 'running',
      status: 'Up 2 hours (healthy)',
      created: 1730800000000,
      labels: { 'com.example.team': 'web' },
      ports: [
        { privatePort: 80, publicPort: 8080, ip: '0.0.0.0', type: 'tcp' },
        { privatePort: 80, publicPort: 8080, ip: '::', type: 'tcp' },
      ],
    });
    expect(job).toMatchObject({ name: 'job', state: 'exited', status: 'Exited (3) 3 hours ago', ports: [] });
  });

  it('container list: volume users and network endpoints', () => {
    expect(usersByVolume(containers).get('web-data')).toEqual([
      { id: WEB, name: 'web', state: 'running', destination: '/var/www', rw: true },
    ]);
    const endpoints = endpointsByNetwork(containers).get('app-net') ?? [];
    expect(endpoints.map((e) => [e.name, e.state, e.ipv4, e.mac])).toEqual([
      ['web', 'running', '172.20.0.2/16', '02:42:ac:14:00:02'],
      ['job', 'exited', '', ''],
    ]);
  });

  it('container inspect: overview with mounts, networks, restart policy, masked env and sizes', () => {
    const overview = toOverview(inspect, 3);
    expect(overview).toMatchObject({
      name: 'web',
      image: 'example/web:1.2',
      imageId: IMG,
      command: 'httpd -f -p 80',
      state: 'running',
      started: Date.parse('2024-11-05T09:46:41.000000001Z'),
      finished: null,
      restartCount: 1,
      restartPolicy: 'on-failure:5',
      autoRemove: false,
      ports: [
        { privatePort: 80, type: 'tcp', publicPort: 8080, ip: '0.0.0.0' },
        { privatePort: 80, type: 'tcp', publicPort: 8080, ip: '::' },
      ],
      mounts: [
        {
          type: 'volume',
          source: '/var/lib/docker/volumes/web-data/_data',
          destination: '/var/www',
          name: 'web-data',
          readOnly: false,
        },
        { type: 'bind', source: '/srv/config', destination: '/etc/web', readOnly: true },
      ],
      networks: [{ name: 'app-net', ipAddress: '172.20.0.2' }],
      sizeRw: 12288,
      sizeRootFs: 4873572,
    });
    expect(overview.env.find((e) => e.key === 'DB_PASSWORD')).toEqual({ key: 'DB_PASSWORD', value: '', masked: true });
    expect(toStatusTimes('running', inspect.State)).toMatchObject({
      health: 'healthy',
      finishedAt: null,
      exitCode: null,
    });
  });

  it('container inspect: aliases are what the user gave, without the short id API 1.44 and older add', () => {
    expect(aliasesOf(inspect)).toEqual({ 'app-net': ['web', 'www'] });
    const { spec, hiddenEnv } = toRunSpecFromInspect(inspect, image.Config);
    expect(spec).toMatchObject({
      image: 'example/web:1.2',
      name: 'web',
      network: 'app-net',
      networkAliases: ['web', 'www'],
      ports: [{ containerPort: 80, hostPort: 8080, protocol: 'tcp' }],
      mounts: [
        { type: 'volume', source: 'web-data', target: '/var/www', readOnly: false },
        { type: 'bind', source: '/srv/config', target: '/etc/web', readOnly: true },
      ],
      restart: 'on-failure',
      maxRetries: 5,
      user: 'www',
      cpus: 0.5,
      memory: 268435456,
    });
    expect(spec.command).toBeUndefined();
    expect(hiddenEnv).toEqual(['DB_PASSWORD']);
  });

  it('image list: tags, digests, dangling images and container counts without VirtualSize', () => {
    const raws = read<Dockerode.ImageInfo[]>(v, 'images-list');
    const counts = countContainersByImage(containers);
    const [web, busybox, dangling] = raws.map((raw) => toImageSummary(raw, counts));
    expect(web).toEqual({
      id: IMG,
      repoTags: ['example/web:1.2', 'example/web:latest'],
      repoDigests: ['example/web@sha256:7e4d58f0e5f9a0a6c4d1a7b3e2f8c9d0b1a2c3d4e5f60718293a4b5c6d7e8f90'],
      created: 1730700000000,
      size: 4861284,
      containers: 1,
      containersRunning: 1,
      dangling: false,
    });
    expect(busybox).toMatchObject({ id: IMG2, repoTags: ['busybox:1.36'], containers: 1, containersRunning: 0 });
    expect(dangling).toMatchObject({ repoTags: [], repoDigests: [], dangling: true, containers: 0 });
    // Without the container list, 1.51 counts for itself and older engines say -1 ("not counted").
    expect(toImageSummary(raws[0]!).containers).toBe(v === '1.51' ? 1 : -1);
  });

  it('image inspect and history: config, layers and steps, <missing> ids in words', () => {
    const layers = buildSteps(history, image.RootFS.Layers ?? [], []);
    const detail = toImageDetail(image, layers, { unique: 4861284, shared: 0 }, []);
    expect(detail).toMatchObject({
      id: IMG,
      repoTags: ['example/web:1.2', 'example/web:latest'],
      architecture: 'amd64',
      os: 'linux',
      author: '',
      size: 4861284,
      cmd: ['httpd', '-f', '-p', '80'],
      entrypoint: [],
      env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'APP_MODE=production'],
      exposedPorts: ['80/tcp'],
      volumes: ['/var/www'],
      workingDir: '/var/www',
      user: '',
      labels: { 'org.opencontainers.image.title': 'web' },
      aligned: true,
    });
    expect(detail.layers).toHaveLength(3);
    // 1.51's recording is of an image whose config has no creation time: the field is left out, not a zero date.
    expect(detail.created).toBe(v === '1.51' ? null : Date.parse('2024-11-04T06:13:20Z'));
    expect(layers.steps.map((s) => [s.kind, s.instruction, s.layer !== null])).toEqual([
      ['ADD', expect.stringMatching(/^ADD file:b6e6e3a0/), true],
      ['CMD', 'CMD ["sh"]', false],
      ['RUN', 'RUN mkdir -p /var/www', true],
      ['CMD', 'CMD ["httpd" "-f" "-p" "80"]', false],
      ['COPY', expect.stringMatching(/^COPY /), true],
    ]);
    const [add] = layers.steps;
    expect(add).toMatchObject({ id: null, idNote: MISSING_ID_NOTE, size: 4261284, created: 1715999999000 });
    expect(layers.steps.at(-1)).toMatchObject({ id: IMG, tags: ['example/web:1.2', 'example/web:latest'] });
    for (const step of layers.steps) expect(step.id === null ? step.idNote : step.id).not.toBe('<missing>');
  });

  it('volumes: driver, mountpoint, created time, anonymous ones and their users', () => {
    const raw = read<{ Volumes: RawVolume[] }>(v, 'volumes').Volumes;
    const users = usersByVolume(containers);
    const [named, anonymous] = raw.map((r) => toVolumeSummary(r, users.get(r.Name) ?? []));
    expect(named).toMatchObject({
      name: 'web-data',
      driver: 'local',
      mountpoint: '/var/lib/docker/volumes/web-data/_data',
      scope: 'local',
      labels: {},
      created: Date.parse('2024-11-05T09:46:39Z'),
      anonymous: false,
      users: [expect.objectContaining({ name: 'web' })],
    });
    expect(anonymous).toMatchObject({ anonymous: true, users: [] });
  });

  it('networks: subnets, predefined ones and endpoints with their state', () => {
    const raws = read<Dockerode.NetworkInspectInfo[]>(v, 'networks');
    const byNetwork = endpointsByNetwork(containers, new Map([[WEB, aliasesOf(inspect)]]));
    const [host, , app] = raws.map((r) => toNetworkSummary(r, byNetwork.get(r.Name) ?? []));
    expect(host).toMatchObject({ name: 'host', driver: 'host', predefined: true, containers: [] });
    expect(app).toMatchObject({
      name: 'app-net',
      driver: 'bridge',
      scope: 'local',
      internal: false,
      ipv6: false,
      subnets: [{ subnet: '172.20.0.0/16', gateway: '172.20.0.1' }],
      labels: { 'com.docker.compose.network': 'app-net' },
      created: Date.parse('2024-11-05T09:40:00.123456789Z'),
      predefined: false,
    });
    expect(app?.containers.map((c) => [c.name, c.state, c.ipv4, c.aliases])).toEqual([
      ['web', 'running', '172.20.0.2/16', ['web', 'www']],
      ['job', 'exited', '', []],
    ]);
  });

  it('system df: per-category rows and the totals docker system df prints', () => {
    const df = read<RawDf>(v, 'system-df');
    const usage = toDiskUsage(df);
    expect(usage.images.map((i) => [i.tags[0] ?? '<none>', i.uniqueSize, i.containers])).toEqual([
      ['example/web:1.2', 600000, 1],
      ['busybox:1.36', 266, 1],
      ['<none>', 599716, 0],
    ]);
    expect(usage.totals).toEqual({
      images: { count: 3, active: 2, size: 9122834, reclaimable: 9122834 - 600266 },
      containers: { count: 2, active: 1, size: 16384, reclaimable: 4096 },
      volumes: { count: 2, active: 1, size: 3145728, reclaimable: 2097152 },
      buildCache: { count: 2, active: 0, size: 524288, reclaimable: 524288 },
    });
    expect(usage.buildCache.map((c) => [c.type, c.description, c.lastUsed])).toEqual([
      ['regular', 'mount / from exec /bin/sh -c mkdir -p /var/www', Date.parse('2024-11-04T06:13:19.9Z')],
      ['source.local', 'local source for context', null],
    ]);
    expect(toDiskBuildCache(df.BuildCache![0]!).id).toBe('y8k3p2q1r0s9t8u7v6w5x4z3a');
  });
});

describe('image creation times across versions', () => {
  it('reads a date, and the zero time (before 1.44) or no field (1.44+) as not recorded', () => {
    expect(createdAt('2024-11-04T06:13:20Z')).toBe(Date.parse('2024-11-04T06:13:20Z'));
    expect(createdAt('0001-01-01T00:00:00Z')).toBeNull();
    expect(createdAt(undefined)).toBeNull();
  });
});

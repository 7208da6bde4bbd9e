import type Dockerode from 'dockerode';
import { describe, expect, it } from 'vitest';
import { toContainerState, toContainerSummary } from './containers.mapper';

// As Docker 20.10 answers GET /containers/json?all=1 (trimmed of fields Berth does not read).
const web = {
  Id: '8dfafdbc3a40ad6d7c2a6c1e0e0a6f1e5b9a5c1f1e1d1c1b1a191817161514a',
  Names: ['/web'],
  Image: 'nginx:1.27',
  ImageID: 'sha256:5ef79149e0ec84a47a3f6b8f4ed7c0f5b7b5f2a2e7c1f0b8a9d4e3c2b1a09876',
  Command: "/docker-entrypoint.sh nginx -g 'daemon off;'",
  Created: 1736935200,
  Ports: [
    { IP: '0.0.0.0', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' },
    { PrivatePort: 443, Type: 'tcp' },
  ],
  Labels: { 'com.example.tier': 'front', 'berth.test': '1' },
  State: 'running',
  Status: 'Up 3 minutes',
  HostConfig: { NetworkMode: 'default' },
  NetworkSettings: { Networks: {} },
  Mounts: [],
} as unknown as Dockerode.ContainerInfo;

describe('toContainerSummary', () => {
  it('maps a running container', () => {
    expect(toContainerSummary(web)).toEqual({
      id: web.Id,
      name: 'web',
      image: 'nginx:1.27',
      imageId: web.ImageID,
      command: "/docker-entrypoint.sh nginx -g 'daemon off;'",
      state: 'running',
      status: 'Up 3 minutes',
      startedAt: null,
      finishedAt: null,
      exitCode: null,
      health: null,
      created: 1736935200000,
      ports: [
        { privatePort: 80, publicPort: 8080, ip: '0.0.0.0', type: 'tcp' },
        { privatePort: 443, type: 'tcp' },
      ],
      labels: { 'com.example.tier': 'front', 'berth.test': '1' },
    });
  });

  it('uses the short id when the engine gives no name, and tolerates missing lists', () => {
    const bare = {
      ...web,
      Names: [],
      Ports: undefined,
      Labels: null,
      State: 'exited',
    } as unknown as Dockerode.ContainerInfo;
    const s = toContainerSummary(bare);
    expect([s.name, s.ports, s.labels, s.state]).toEqual(['8dfafdbc3a40', [], {}, 'exited']);
  });
});

describe('toContainerState', () => {
  it.each([
    ['running', 'running'],
    ['Paused', 'paused'],
    ['configured', 'created'],
    ['stopped', 'exited'],
    ['something-new', 'dead'],
    [undefined, 'dead'],
  ])('%s -> %s', (raw, state) => expect(toContainerState(raw)).toBe(state));
});

import { describe, expect, it } from 'vitest';
import { DOCKER_HUB_KEY, checkServer, hostnameOf, registryLabel, registryOfImage } from './registry-name';

const DIGEST = `sha256:${'a'.repeat(64)}`;

describe('registryOfImage: the registry and credential key of an image, as the docker CLI decides', () => {
  it.each([
    ['busybox', 'docker.io', DOCKER_HUB_KEY, 'library/busybox'],
    ['busybox:1.36', 'docker.io', DOCKER_HUB_KEY, 'library/busybox'],
    [`busybox@${DIGEST}`, 'docker.io', DOCKER_HUB_KEY, 'library/busybox'],
    ['team/app', 'docker.io', DOCKER_HUB_KEY, 'team/app'],
    ['docker.io/library/busybox', 'docker.io', DOCKER_HUB_KEY, 'library/busybox'],
    ['docker.io/busybox', 'docker.io', DOCKER_HUB_KEY, 'library/busybox'],
    ['index.docker.io/team/app:2', 'docker.io', DOCKER_HUB_KEY, 'team/app'],
    ['registry-1.docker.io/team/app', 'docker.io', DOCKER_HUB_KEY, 'team/app'],
    ['localhost/app', 'localhost', 'localhost', 'app'],
    ['localhost:5000/app:1', 'localhost:5000', 'localhost:5000', 'app'],
    [`localhost:5000/app@${DIGEST}`, 'localhost:5000', 'localhost:5000', 'app'],
    ['127.0.0.1:5000/team/app:1.0', '127.0.0.1:5000', '127.0.0.1:5000', 'team/app'],
    [`10.0.0.2:443/app:v1@${DIGEST}`, '10.0.0.2:443', '10.0.0.2:443', 'app'],
    ['ghcr.io/owner/tool:latest', 'ghcr.io', 'ghcr.io', 'owner/tool'],
    ['registry.example.com/deep/path/app', 'registry.example.com', 'registry.example.com', 'deep/path/app'],
    ['myhost:5000/app', 'myhost:5000', 'myhost:5000', 'app'],
    // No dot, no port, not localhost: a Docker Hub user, not a host.
    ['myhost/app', 'docker.io', DOCKER_HUB_KEY, 'myhost/app'],
  ])('%s -> %s (key %s, remote %s)', (reference, registry, key, remote) => {
    expect(registryOfImage(reference)).toEqual({ registry, key, remote });
  });

  it.each(['', 'Busybox', 'a b', 'app:bad tag', 'app@sha256:short'])('%j is not a reference', (reference) => {
    expect(registryOfImage(reference)).toBeNull();
  });
});

describe('checkServer: the address given to docker login / logout', () => {
  it.each([
    ['', DOCKER_HUB_KEY, 'docker.io'],
    ['docker.io', DOCKER_HUB_KEY, 'docker.io'],
    ['index.docker.io', DOCKER_HUB_KEY, 'docker.io'],
    ['registry-1.docker.io', DOCKER_HUB_KEY, 'docker.io'],
    ['https://index.docker.io/v1/', DOCKER_HUB_KEY, 'docker.io'],
    ['localhost:5000', 'localhost:5000', 'localhost:5000'],
    ['https://127.0.0.1:5000', '127.0.0.1:5000', '127.0.0.1:5000'],
    ['http://127.0.0.1:5000/v2/', '127.0.0.1:5000', '127.0.0.1:5000'],
    [' ghcr.io ', 'ghcr.io', 'ghcr.io'],
  ])('%j -> %s', (input, key, registry) => {
    expect(checkServer(input)).toEqual({ ok: true, key, registry });
  });

  it.each(['has space', 'https://', 'bad_host!:5000', 'host:port'])('%j is refused in words', (input) => {
    const check = checkServer(input);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.message).toMatch(/registry address/);
  });

  it('labels and hostnames', () => {
    expect(registryLabel(DOCKER_HUB_KEY)).toBe('docker.io');
    expect(registryLabel('https://myreg:5000')).toBe('myreg:5000');
    expect(hostnameOf('http://myreg:5000/v2/')).toBe('myreg:5000');
  });
});

import { describe, expect, it } from 'vitest';
import { resolveEndpoints, type EndpointInput } from './endpoint';

const linux = (env: EndpointInput['env'] = {}, override?: string): EndpointInput => ({
  env,
  platform: 'linux',
  homedir: '/home/ann',
  override,
});

const addresses = (input: EndpointInput) => {
  const r = resolveEndpoints(input);
  if (!r.ok) throw new Error(r.message);
  return r.candidates.map((c) => [c.endpoint.address, c.endpoint.source]);
};

describe('resolveEndpoints', () => {
  it('on linux tries the system socket, Docker Desktop, then rootless Podman', () => {
    expect(addresses(linux({ XDG_RUNTIME_DIR: '/run/user/1000' }))).toEqual([
      ['unix:///var/run/docker.sock', 'default'],
      ['unix:///home/ann/.docker/run/docker.sock', 'docker-desktop'],
      ['unix:///run/user/1000/podman/podman.sock', 'podman'],
    ]);
  });

  it('skips Podman when there is no XDG_RUNTIME_DIR', () => {
    expect(addresses(linux())).toEqual([
      ['unix:///var/run/docker.sock', 'default'],
      ['unix:///home/ann/.docker/run/docker.sock', 'docker-desktop'],
    ]);
  });

  it('on macOS tries the system socket then Docker Desktop', () => {
    expect(addresses({ env: { XDG_RUNTIME_DIR: '/tmp/x' }, platform: 'darwin', homedir: '/Users/ann' })).toEqual([
      ['unix:///var/run/docker.sock', 'default'],
      ['unix:///Users/ann/.docker/run/docker.sock', 'docker-desktop'],
    ]);
  });

  it('on Windows tries the named pipes', () => {
    const r = resolveEndpoints({ env: {}, platform: 'win32', homedir: 'C:\\Users\\ann' });
    expect(r.ok && r.candidates.map((c) => [c.endpoint.kind, c.endpoint.address, c.options.socketPath])).toEqual([
      ['npipe', 'npipe:////./pipe/docker_engine', '//./pipe/docker_engine'],
      ['npipe', 'npipe:////./pipe/dockerDesktopLinuxEngine', '//./pipe/dockerDesktopLinuxEngine'],
      ['npipe', 'npipe:////./pipe/podman-machine-default', '//./pipe/podman-machine-default'],
    ]);
  });

  it('uses only DOCKER_HOST when it is set, like the docker CLI', () => {
    const r = resolveEndpoints(linux({ DOCKER_HOST: 'unix:///tmp/d/docker.sock', XDG_RUNTIME_DIR: '/run/user/1' }));
    expect(r).toEqual({
      ok: true,
      candidates: [
        {
          endpoint: { kind: 'unix', address: 'unix:///tmp/d/docker.sock', source: 'DOCKER_HOST' },
          options: {
            socketPath: '/tmp/d/docker.sock',
            host: undefined,
            port: undefined,
            protocol: 'http',
            ca: undefined,
            cert: undefined,
            key: undefined,
            timeout: undefined,
          },
        },
      ],
    });
  });

  it('sets host to undefined explicitly for sockets so docker-modem cannot merge a tcp DOCKER_HOST under it', () => {
    const r = resolveEndpoints(linux());
    expect(r.ok && Object.hasOwn(r.candidates[0].options, 'host')).toBe(true);
  });

  it('treats an empty DOCKER_HOST as unset', () => {
    expect(addresses(linux({ DOCKER_HOST: '  ' }))[0]).toEqual(['unix:///var/run/docker.sock', 'default']);
  });

  it('prefers the settings override over DOCKER_HOST', () => {
    expect(addresses(linux({ DOCKER_HOST: 'tcp://10.0.0.1:2375' }, 'unix:///srv/docker.sock'))).toEqual([
      ['unix:///srv/docker.sock', 'settings'],
    ]);
  });

  it('reads tcp:// as plain http, with the default port 2375', () => {
    const r = resolveEndpoints(linux({ DOCKER_HOST: 'tcp://127.0.0.1' }));
    expect(r.ok && r.candidates[0]).toMatchObject({
      endpoint: { kind: 'tcp', address: 'tcp://127.0.0.1:2375', source: 'DOCKER_HOST' },
      options: { host: '127.0.0.1', port: 2375, protocol: 'http', socketPath: undefined },
    });
    expect(r.ok && r.candidates[0].tls).toBeUndefined();
  });

  it('reads a bare host:port as tcp', () => {
    expect(addresses(linux({ DOCKER_HOST: 'docker.local:2375' }))).toEqual([
      ['tcp://docker.local:2375', 'DOCKER_HOST'],
    ]);
  });

  it('uses https and the certificates in DOCKER_CERT_PATH when DOCKER_TLS_VERIFY is set', () => {
    const r = resolveEndpoints(
      linux({ DOCKER_HOST: 'tcp://build.example:2376', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: '/etc/certs' }),
    );
    expect(r.ok && r.candidates[0]).toMatchObject({
      endpoint: { address: 'tcp://build.example:2376' },
      options: { host: 'build.example', port: 2376, protocol: 'https' },
      tls: { ca: '/etc/certs/ca.pem', cert: '/etc/certs/cert.pem', key: '/etc/certs/key.pem' },
    });
  });

  it('defaults TLS certificates to ~/.docker and the port to 2376', () => {
    const r = resolveEndpoints(linux({ DOCKER_HOST: 'tcp://build.example', DOCKER_TLS_VERIFY: 'yes' }));
    expect(r.ok && r.candidates[0]).toMatchObject({
      endpoint: { address: 'tcp://build.example:2376' },
      tls: { ca: '/home/ann/.docker/ca.pem' },
    });
  });

  it('joins Windows certificate paths with backslashes', () => {
    const r = resolveEndpoints({
      env: { DOCKER_HOST: 'tcp://h:2376', DOCKER_TLS_VERIFY: '1' },
      platform: 'win32',
      homedir: 'C:\\Users\\ann',
    });
    expect(r.ok && r.candidates[0].tls?.key).toBe('C:\\Users\\ann\\.docker\\key.pem');
  });

  it('takes the brackets off an IPv6 host for the client but keeps them in the address', () => {
    const r = resolveEndpoints(linux({ DOCKER_HOST: 'tcp://[::1]:2375' }));
    expect(r.ok && [r.candidates[0].endpoint.address, r.candidates[0].options.host]).toEqual([
      'tcp://[::1]:2375',
      '::1',
    ]);
  });

  it('accepts npipe:// addresses', () => {
    const r = resolveEndpoints({ env: { DOCKER_HOST: 'npipe:////./pipe/podman' }, platform: 'win32', homedir: 'C:\\' });
    expect(r.ok && r.candidates[0]).toMatchObject({
      endpoint: { kind: 'npipe', address: 'npipe:////./pipe/podman', source: 'DOCKER_HOST' },
      options: { socketPath: '//./pipe/podman' },
    });
  });

  it.each([
    ['unix://', 'absolute socket path'],
    ['unix://relative/docker.sock', 'absolute socket path'],
    ['tcp://', 'names no host'],
    ['tcp://host:notaport', 'not a valid tcp'],
    ['tcp://host:99999', 'not a valid tcp'],
    ['tcp://host:2375/some/path', 'more than a host and a port'],
    ['npipe://docker_engine', 'not a named pipe'],
    ['ssh://me:secret@host', 'holds a password'],
    ['ssh://-oProxyCommand=x', 'not a usable ssh address'],
    ['ssh://me@host/path', 'more than a user, a host and a port'],
    ['http://host:2375', 'uses http://'],
  ])('answers bad-endpoint for DOCKER_HOST=%s without throwing', (value, words) => {
    const r = resolveEndpoints(linux({ DOCKER_HOST: value }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toBe('bad-endpoint');
    expect(r.endpoint).toMatchObject({ address: value, source: 'DOCKER_HOST' });
    expect(r.message).toContain('DOCKER_HOST is not usable');
    expect(r.message).toContain(words);
  });

  it('reads ssh://user@host:port as an ssh engine, without a password', () => {
    const r = resolveEndpoints(linux({ DOCKER_HOST: 'ssh://me@build.example:2222' }));
    if (!r.ok) throw new Error(r.message);
    expect(r.candidates[0]).toMatchObject({
      endpoint: { kind: 'ssh', address: 'ssh://me@build.example:2222', source: 'DOCKER_HOST' },
      ssh: { user: 'me', host: 'build.example', port: 2222 },
    });
  });

  it('names the settings when the override is malformed', () => {
    const r = resolveEndpoints(linux({}, 'unix://x'));
    expect(!r.ok && r.message).toMatch(/^The engine address in the settings is not usable/);
  });
});

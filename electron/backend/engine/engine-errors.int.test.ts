/**
 * Every entry of shared/engine-errors.ts that a local engine can produce, produced for real and read back as the user
 * gets it: through Berth's own channels where the engine's words reach them, or (where a service checks first and
 * says it in its own words, or Berth's schema refuses the input before the engine sees it) straight from dockerode
 * through toBerthError, so the table still meets the engine's actual text.
 */
import net from 'node:net';
import type { Readable } from 'node:stream';
import tar from 'tar-stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plainRunSpec } from '../../../shared/cli/containers.cli';
import type { RunSpec } from '../../../shared/dto/containers';
import type { BerthError } from '../../../shared/result';
import { dockerFor } from '../../../scripts/test-engine.mjs';
import { startTestRegistry, type TestRegistry } from '../../../scripts/test-registry.mjs';
import type { Backend } from '../index';
import { HOST, call, cli, collect, connectedBackend, unique } from '../images/images.test-helper';
import { toBerthError } from './errors';

const FIXTURE = 'berth-fixture/busybox:1';
let backend: Backend;
const docker = () => dockerFor(HOST);
const made = { containers: [] as string[], volumes: [] as string[], networks: [] as string[], images: [] as string[] };

const spec = (overrides: Partial<RunSpec> = {}): RunSpec => ({
  ...plainRunSpec(FIXTURE),
  command: ['sleep', '600'],
  labels: { 'berth.test': '1' },
  ...overrides,
});

async function failure(channel: string, input: unknown): Promise<BerthError> {
  const result = await call(backend, channel, input);
  if (result.ok) throw new Error(`${channel} succeeded`);
  return result.error;
}

/** What the user would read for a dockerode call the engine refuses. */
async function engineSays(work: () => Promise<unknown>): Promise<BerthError> {
  try {
    await work();
  } catch (error) {
    return toBerthError(error);
  }
  throw new Error('the engine did not refuse');
}

async function pullFailure(ref: string): Promise<BerthError> {
  const { last } = await collect(backend, 'images:pull', { ref });
  if (last.type !== 'error') throw new Error(`pull of ${ref} ended with ${last.type}`);
  return last.error;
}

function expectEntry(error: BerthError, entry: string, code: BerthError['code']) {
  expect(error.details, JSON.stringify(error)).toMatchObject({ entry });
  expect(error.code).toBe(code);
  const raw = typeof error.details?.engine === 'string' ? error.details.engine : '';
  expect(raw).not.toBe('');
  // Berth's sentence, never the engine's words in its place.
  expect(error.message).not.toBe(raw);
  expect(error.message).not.toContain(raw);
}

function runningContainer(name: string, extra: string[] = []): string {
  const id = cli('run', '-d', '--label', 'berth.test=1', '--name', name, ...extra, FIXTURE, 'sleep', '600');
  made.containers.push(id);
  return id;
}

beforeAll(async () => {
  backend = await connectedBackend();
});

afterAll(async () => {
  await backend?.dispose();
  const quiet = (...args: string[]) => {
    try {
      cli(...args);
    } catch {
      // already gone
    }
  };
  for (const c of made.containers) quiet('rm', '-f', '-v', c);
  for (const v of made.volumes) quiet('volume', 'rm', '-f', v);
  for (const n of made.networks) quiet('network', 'rm', n);
  for (const i of made.images) quiet('rmi', '-f', i);
});

describe('engine errors, produced by a real engine, in Berth’s words', () => {
  it('name-in-use, with the container to open', async () => {
    const name = unique('taken');
    const id = runningContainer(name);
    const error = await failure('containers:run', spec({ name }));
    // The containers service words this one itself (naming the owner's state); the details are the table's.
    expectEntry(error, 'name-in-use', 'CONFLICT');
    expect(error.message).toContain(`The name ${name} is already taken by container ${id.slice(0, 12)} (running)`);
    expect(error.details?.next).toEqual({ kind: 'open-container', container: id });
  });

  it('port-allocated, on a user-defined bridge on loopback', async () => {
    const network = unique('ports');
    made.networks.push(cli('network', 'create', '--label', 'berth.test=1', network));
    const port = await new Promise<number>((resolve) => {
      const server = net.createServer().listen(0, '127.0.0.1', () => {
        const p = (server.address() as net.AddressInfo).port;
        server.close(() => resolve(p));
      });
    });
    runningContainer(unique('port-a'), ['--network', network, '-p', `127.0.0.1:${port}:80`]);
    const second = cli(
      'create',
      '--label',
      'berth.test=1',
      '--network',
      network,
      '-p',
      `127.0.0.1:${port}:80`,
      FIXTURE,
      'sleep',
      '600',
    );
    made.containers.push(second);
    const error = await failure('containers:start', { id: second });
    expectEntry(error, 'port-allocated', 'CONFLICT');
    expect(error.message).toContain(`Host port ${port} is already taken`);
  });

  it('no-space, uploading into a 1 MB tmpfs volume', async () => {
    const volume = unique('tiny');
    made.volumes.push(
      cli(
        'volume',
        'create',
        '--label',
        'berth.test=1',
        '--opt',
        'type=tmpfs',
        '--opt',
        'device=tmpfs',
        '--opt',
        'o=size=1m',
        volume,
      ),
    );
    const id = cli('create', '--label', 'berth.test=1', '-v', `${volume}:/data`, FIXTURE, 'true');
    made.containers.push(id);
    const pack = tar.pack();
    pack.entry({ name: 'big.bin' }, Buffer.alloc(3 * 1024 * 1024, 7));
    pack.finalize();
    const chunks: Buffer[] = [];
    for await (const chunk of pack as unknown as Readable) chunks.push(chunk as Buffer);
    const error = await engineSays(() =>
      docker().getContainer(id).putArchive(Buffer.concat(chunks), { path: '/data' }),
    );
    expectEntry(error, 'no-space', 'ENGINE_ERROR');
    expect(error.details?.next).toEqual({ kind: 'free-space' });
  });

  it('image-in-use, through images:remove and straight from the engine', async () => {
    // An image with one name only (a commit), so removing the name would remove the image.
    const tag = `${unique('inuse')}:1`;
    const base = cli('create', '--label', 'berth.test=1', FIXTURE, 'true');
    made.containers.push(base);
    cli('commit', base, tag);
    made.images.push(tag);
    const id = cli('create', '--label', 'berth.test=1', tag, 'true');
    made.containers.push(id);
    const viaBerth = await failure('images:remove', { ref: tag, force: false });
    expect(viaBerth.code).toBe('CONFLICT');
    expect(viaBerth.details).toMatchObject({ canForce: true });
    const error = await engineSays(() => docker().getImage(tag).remove());
    expectEntry(error, 'image-in-use', 'CONFLICT');
    // The engine names the container by its short id; the renderer opens it by that prefix.
    expect(error.details?.next).toEqual({ kind: 'open-container', container: id.slice(0, 12) });
  });

  it('running-container-remove', async () => {
    const id = runningContainer(unique('busy'));
    const error = await failure('containers:remove', { id, force: false, volumes: false });
    expectEntry(error, 'running-container-remove', 'CONFLICT');
    expect(error.message).toContain(`Container ${id} is running, so the engine will not remove it`);
  });

  it('not-running: exec into a stopped container', async () => {
    const id = cli('create', '--label', 'berth.test=1', FIXTURE, 'true');
    made.containers.push(id);
    const error = await engineSays(() =>
      docker()
        .getContainer(id)
        .exec({ Cmd: ['true'] }),
    );
    expectEntry(error, 'not-running', 'CONFLICT');
    expect(error.message).toBe(`Container ${id.slice(0, 12)} is not running. Start it first.`);
  });

  it('not-paused: resume a running container', async () => {
    const id = runningContainer(unique('awake'));
    const error = await failure('containers:unpause', { id });
    expectEntry(error, 'not-paused', 'CONFLICT');
  });

  it('no-such-image, with a pull to offer', async () => {
    const ref = `${unique('absent')}:1`;
    const error = await engineSays(() => docker().getImage(ref).inspect());
    expectEntry(error, 'no-such-image', 'NOT_FOUND');
    expect(error.details?.next).toEqual({ kind: 'pull', image: ref });
  });

  it('no-such-container, through containers:inspect', async () => {
    const error = await failure('containers:inspect', { id: unique('ghost') });
    expectEntry(error, 'no-such-container', 'NOT_FOUND');
    expect(error.message).toContain('it may have been removed');
  });

  it('invalid-reference (Berth’s schema refuses it first, so straight from the engine)', async () => {
    const error = await engineSays(() => docker().createContainer({ Image: 'Not/Lower:1' }));
    expectEntry(error, 'invalid-reference', 'INVALID_INPUT');
  });

  it('executable-not-found, through containers:run', async () => {
    const error = await failure('containers:run', spec({ name: unique('noexe'), command: ['no-such-program'] }));
    expectEntry(error, 'executable-not-found', 'INVALID_INPUT');
    expect(error.message).toContain('no program called no-such-program');
    made.containers.push(
      ...cli('ps', '-aq', '--filter', 'label=berth.test=1', '--filter', 'status=created').split('\n').filter(Boolean),
    );
  });

  it('volume-in-use, from the engine', async () => {
    const volume = unique('held');
    made.volumes.push(cli('volume', 'create', '--label', 'berth.test=1', volume));
    const id = cli('create', '--label', 'berth.test=1', '-v', `${volume}:/data`, FIXTURE, 'true');
    made.containers.push(id);
    const error = await engineSays(() => docker().getVolume(volume).remove());
    expectEntry(error, 'volume-in-use', 'CONFLICT');
    expect(error.details?.next).toEqual({ kind: 'open-container', container: id });
  });

  it('network-active-endpoints, from the engine', async () => {
    const network = unique('busy-net');
    made.networks.push(cli('network', 'create', '--label', 'berth.test=1', network));
    runningContainer(unique('on-net'), ['--network', network]);
    const error = await engineSays(() => docker().getNetwork(network).remove());
    expectEntry(error, 'network-active-endpoints', 'CONFLICT');
  });

  it('network-predefined, from the engine', async () => {
    const error = await engineSays(() => docker().getNetwork('host').remove());
    expectEntry(error, 'network-predefined', 'CONFLICT');
  });

  it('subnet-overlap and name-exists, from the engine', async () => {
    const first = unique('net-a');
    made.networks.push(cli('network', 'create', '--label', 'berth.test=1', '--subnet', '10.213.0.0/24', first));
    const overlap = await engineSays(() =>
      docker().createNetwork({ Name: unique('net-b'), IPAM: { Config: [{ Subnet: '10.213.0.0/24' }] } }),
    );
    expectEntry(overlap, 'subnet-overlap', 'CONFLICT');
    // The engine checks names only when asked (CheckDuplicate), as the docker CLI asks.
    const same = await engineSays(() => docker().createNetwork({ Name: first, CheckDuplicate: true }));
    expectEntry(same, 'name-exists', 'CONFLICT');
  });

  it('invalid-name, for a container and a volume (Berth’s schema refuses both first)', async () => {
    const container = await engineSays(() => docker().createContainer({ Image: FIXTURE, name: 'x' }));
    expectEntry(container, 'invalid-name', 'INVALID_INPUT');
    const volume = await engineSays(() => docker().createVolume({ Name: 'a b' }));
    expectEntry(volume, 'invalid-name', 'INVALID_INPUT');
  });

  describe('registries on loopback', () => {
    let open: TestRegistry;
    let locked: TestRegistry;
    beforeAll(async () => {
      [open, locked] = await Promise.all([
        startTestRegistry(),
        startTestRegistry({ auth: { user: 'berth', password: 'secret-pw' } }),
      ]);
    });
    afterAll(async () => {
      await Promise.all([open?.stop(), locked?.stop()]);
    });

    it('registry-auth: a pull that needs a login, with the login to offer', async () => {
      const error = await pullFailure(`${locked.address}/private/app:1`);
      expectEntry(error, 'registry-auth', 'PERMISSION_DENIED');
      expect(error.details?.next).toEqual({ kind: 'login', registry: locked.address });
      expect(error.message).toContain(`The registry ${locked.address}`);
    });

    it('manifest-unknown: a tag the registry does not have', async () => {
      const error = await pullFailure(`${open.address}/nothing/here:missing`);
      expectEntry(error, 'manifest-unknown', 'NOT_FOUND');
    });

    it('registry-unreachable: a closed loopback port', async () => {
      const port = await new Promise<number>((resolve) => {
        const server = net.createServer().listen(0, '127.0.0.1', () => {
          const p = (server.address() as net.AddressInfo).port;
          server.close(() => resolve(p));
        });
      });
      const error = await pullFailure(`127.0.0.1:${port}/nothing/here:1`);
      expectEntry(error, 'registry-unreachable', 'ENGINE_ERROR');
      expect(error.message).toContain(`registry 127.0.0.1:${port}`);
    });
  });
});

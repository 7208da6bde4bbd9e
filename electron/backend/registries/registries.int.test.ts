/**
 * Registry logins end to end against a real engine and a loopback docker-registry with htpasswd auth behind a
 * self-signed TLS certificate the engine trusts (certs.d). Everything Berth answers, streams, records and writes is
 * captured, and the last test checks that the password appears in none of it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { LoginResult, LogoutResult, RegistriesOverview } from '../../../shared/dto/registries';
import type { Result } from '../../../shared/result';
import type { StreamMessage } from '../../../shared/stream';
import { startTestRegistry, type TestRegistry } from '../../../scripts/test-registry.mjs';
import { waitForStatus } from '../backend.test-helper';
import { HOST, cli, unique } from '../images/images.test-helper';
import { createBackend, type Backend } from '../index';
import { TEST_HELPER, installTestHelper, readHelperStore } from './registries.test-helper';

const FIXTURE = 'berth-fixture/busybox:1';
const USER = 'berth';
const SECRET = `pw-${Math.random().toString(36).slice(2)}-${process.pid}`;

let registry: TestRegistry;
let tmp: string;
const backends: Backend[] = [];
/** Every message Berth sent back (results and stream messages), as JSON. */
const sent: string[] = [];
/** Everything written to the console or stdout/stderr while the tests ran. */
const logged: string[] = [];
const settingsFiles: string[] = [];
const images: string[] = [];

async function backendWith(name: string, config: object | null): Promise<{ backend: Backend; dir: string }> {
  const dir = path.join(tmp, name);
  fs.mkdirSync(dir, { recursive: true });
  if (config !== null) fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify(config));
  const settingsFile = path.join(tmp, `${name}-settings.json`);
  settingsFiles.push(settingsFile);
  const backend = createBackend({
    env: {
      DOCKER_HOST: HOST,
      DOCKER_CONFIG: dir,
      PATH: `${path.join(tmp, 'bin')}:${process.env.PATH ?? ''}`,
      BERTH_HELPER_STORE: path.join(tmp, 'helper-store.json'),
    },
    platform: 'linux',
    homedir: tmp,
    settingsFile,
  });
  backends.push(backend);
  await waitForStatus(backend, (s) => s.state === 'connected');
  return { backend, dir };
}

async function call<T>(backend: Backend, channel: string, input?: unknown): Promise<Result<T>> {
  const result = (await backend.dispatcher.request(channel, input)) as Result<T>;
  sent.push(JSON.stringify(result));
  return result;
}

async function value<T>(backend: Backend, channel: string, input?: unknown): Promise<T> {
  const result = await call<T>(backend, channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value;
}

function transfer(
  backend: Backend,
  channel: string,
  ref: string,
): Promise<{ items: unknown[]; last: StreamMessage<unknown> }> {
  return new Promise((resolve, reject) => {
    const items: unknown[] = [];
    const session = backend.dispatcher.openSession((_id, message) => {
      sent.push(JSON.stringify(message));
      const m = message;
      if (m.type === 'data') items.push(...m.items);
      else {
        session.close();
        resolve({ items, last: m });
      }
    });
    const opened = session.subscribe('t1', channel, { ref });
    if (!opened.ok) reject(new Error(opened.error.message));
  });
}

const configOf = (dir: string) =>
  JSON.parse(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')) as Record<string, unknown>;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-registries-'));
  installTestHelper(path.join(tmp, 'bin'), path.join(tmp, 'helper-store.json'));
  registry = await startTestRegistry({ tls: true, auth: { user: USER, password: SECRET } });
  const capture =
    (stream: NodeJS.WriteStream) =>
    (chunk: unknown, ...rest: unknown[]): boolean => {
      logged.push(String(chunk));
      return (original.get(stream) as (c: unknown, ...r: unknown[]) => boolean).call(stream, chunk, ...rest);
    };
  const original = new Map<NodeJS.WriteStream, unknown>([
    [process.stdout, process.stdout.write],
    [process.stderr, process.stderr.write],
  ]);
  vi.spyOn(process.stdout, 'write').mockImplementation(capture(process.stdout));
  vi.spyOn(process.stderr, 'write').mockImplementation(capture(process.stderr));
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      logged.push(args.map(String).join(' '));
    });
  }
});

afterAll(async () => {
  vi.restoreAllMocks();
  await Promise.all(backends.map((b) => b.dispose()));
  for (const image of images) {
    try {
      cli('rmi', '--force', image);
    } catch {
      // already gone
    }
  }
  await registry?.stop();
  if (tmp !== undefined) fs.rmSync(tmp, { recursive: true, force: true });
});

describe('registries: log in through a credential helper, push and pull a private image, log out', () => {
  let backend: Backend;
  let dir: string;
  let image: string;

  beforeAll(async () => {
    ({ backend, dir } = await backendWith('helper', { credsStore: TEST_HELPER, berthKeepsThis: { a: [1, 2] } }));
    image = `${registry.address}/${unique('private')}:1`;
    cli('tag', FIXTURE, image);
    images.push(image);
  });

  it('a wrong password is refused in words, and nothing is saved', async () => {
    const result = await call(backend, 'registries:login', {
      server: registry.address,
      username: USER,
      password: 'wrong-pw',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('PERMISSION_DENIED');
    expect(result.error.message).toBe(
      `${registry.address} refused the user name or password for ${USER}. Check them and try again; nothing was saved.`,
    );
    expect(readHelperStore(path.join(tmp, 'helper-store.json'))).toEqual({});
    expect(configOf(dir).auths).toBeUndefined();
  });

  it('says where the login will be kept before asking', async () => {
    const plan = await value(backend, 'registries:plan', { server: registry.address });
    expect(plan).toEqual({
      key: registry.address,
      registry: registry.address,
      store: { kind: 'helper', helper: TEST_HELPER },
    });
  });

  it('a push without a login gets the "log in to REGISTRY" error with the login to offer', async () => {
    const { last } = await transfer(backend, 'images:push', image);
    expect(last.type).toBe('error');
    if (last.type !== 'error') return;
    expect(last.error.code).toBe('PERMISSION_DENIED');
    expect(last.error.message).toContain(`Log in to ${registry.address}`);
    expect(last.error.details?.next).toEqual({ kind: 'login', registry: registry.address });
  });

  it('the right password is checked by the engine and kept by the helper, config.json holding no secret', async () => {
    const result = await value<LoginResult>(backend, 'registries:login', {
      server: registry.address,
      username: USER,
      password: SECRET,
    });
    expect(result).toEqual({
      registry: registry.address,
      username: USER,
      store: { kind: 'helper', helper: TEST_HELPER },
      identityToken: false,
    });
    expect(readHelperStore(path.join(tmp, 'helper-store.json'))).toEqual({
      [registry.address]: { Username: USER, Secret: SECRET },
    });
    const config = configOf(dir);
    expect(config).toEqual({
      credsStore: TEST_HELPER,
      berthKeepsThis: { a: [1, 2] },
      auths: { [registry.address]: {} },
    });
    const overview = await value<RegistriesOverview>(backend, 'registries:list');
    expect(overview.logins).toEqual([
      {
        key: registry.address,
        registry: registry.address,
        username: USER,
        store: { kind: 'helper', helper: TEST_HELPER },
      },
    ]);
    expect(overview.problems).toEqual([]);
  });

  it('pushes the private image with the login, with progress, and pulls it back', async () => {
    const pushed = await transfer(backend, 'images:push', image);
    expect(pushed.last).toEqual({ type: 'end' });
    expect(pushed.items.length).toBeGreaterThan(0);
    cli('rmi', image);
    const pulled = await transfer(backend, 'images:pull', image);
    expect(pulled.last).toEqual({ type: 'end' });
    expect(cli('image', 'inspect', '--format', '{{index .RepoTags 0}}', image)).toBe(image);
  });

  it('logout removes the credential from the helper and config.json', async () => {
    const result = await value<LogoutResult>(backend, 'registries:logout', { server: `https://${registry.address}` });
    expect(result).toEqual({ registry: registry.address, removed: true });
    expect(readHelperStore(path.join(tmp, 'helper-store.json'))).toEqual({});
    expect(configOf(dir)).toEqual({ credsStore: TEST_HELPER, berthKeepsThis: { a: [1, 2] }, auths: {} });
    expect((await value<RegistriesOverview>(backend, 'registries:list')).logins).toEqual([]);
    const { last } = await transfer(backend, 'images:pull', image.replace(':1', ':missing'));
    expect(last.type === 'error' && last.error.details?.next).toEqual({ kind: 'login', registry: registry.address });
    expect(last.type === 'error' && last.error.message).toContain(`Log in to ${registry.address}`);
  });
});

describe('registries: without a helper, config.json holds the login base64-encoded, as docker login writes it', () => {
  it('logs in, pushes, and logs out through a temporary DOCKER_CONFIG', async () => {
    const { backend, dir } = await backendWith('file', null);
    const plan = await value(backend, 'registries:plan', { server: registry.address });
    expect(plan).toMatchObject({ store: { kind: 'file', path: path.join(dir, 'config.json') } });
    await value(backend, 'registries:login', { server: registry.address, username: USER, password: SECRET });
    const config = configOf(dir);
    expect(config).toEqual({
      auths: { [registry.address]: { auth: Buffer.from(`${USER}:${SECRET}`).toString('base64') } },
    });
    expect((fs.statSync(path.join(dir, 'config.json')).mode & 0o777).toString(8)).toBe('600');
    const image = `${registry.address}/${unique('filed')}:2`;
    cli('tag', FIXTURE, image);
    images.push(image);
    expect((await transfer(backend, 'images:push', image)).last).toEqual({ type: 'end' });
    expect(await value(backend, 'registries:logout', { server: registry.address })).toEqual({
      registry: registry.address,
      removed: true,
    });
    expect(configOf(dir)).toEqual({ auths: {} });
  });

  it('a missing credential helper is said in words, and a bad address is refused before anything runs', async () => {
    const { backend } = await backendWith('missing-helper', { credsStore: 'nosuchhelper' });
    const overview = await value<RegistriesOverview>(backend, 'registries:list');
    expect(overview.problems).toEqual([
      'The credential helper docker-credential-nosuchhelper is not installed (not found on PATH). Install it, or remove it from config.json.',
    ]);
    const login = await call(backend, 'registries:login', {
      server: registry.address,
      username: USER,
      password: SECRET,
    });
    expect(!login.ok && login.error.code).toBe('NOT_FOUND');
    const bad = await call(backend, 'registries:login', { server: 'not a host', username: USER, password: SECRET });
    expect(!bad.ok && bad.error).toMatchObject({
      code: 'INVALID_INPUT',
      message: 'A registry address cannot contain spaces.',
    });
  });
});

describe('the password never leaves the backend', () => {
  it('is in no message sent back, no transcript entry, no settings file and no log line', async () => {
    const encoded = Buffer.from(`${USER}:${SECRET}`).toString('base64');
    const transcripts = await Promise.all(backends.map((b) => value(b, 'transcript:list')));
    const transcript = JSON.stringify(transcripts);
    expect(transcript).toContain('--password-stdin');
    const settings = settingsFiles.filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f, 'utf8'));
    expect(sent.length).toBeGreaterThan(10);
    for (const [what, text] of [
      ['messages', sent.join('\n')],
      ['transcript', transcript],
      ['settings', settings.join('\n')],
      ['logs', logged.join('\n')],
    ] as const) {
      expect(text, what).not.toContain(SECRET);
      expect(text, what).not.toContain(encoded);
    }
  });
});

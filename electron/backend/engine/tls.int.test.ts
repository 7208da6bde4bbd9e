/**
 * A tcp+TLS engine reached with the CA, client certificate and key a user chose. The listener is a TLS proxy on
 * loopback in front of the test engine's unix socket (it demands a client certificate signed by the test's CA, as
 * `dockerd --tlsverify` does), so a second dockerd is not needed. The certificates are made here with openssl.
 * Checked: the lists through TLS equal the unix socket's; engine:use takes the files through the path guard and
 * the same confirmation as any new address; a wrong CA, a missing client certificate and files that do not belong
 * together each end in words.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import Dockerode from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngineUseAnswer } from '../../../shared/dto/engine';
import type { EngineTlsFiles } from '../../../shared/dto/settings';
import { waitForStatus } from '../backend.test-helper';
import { createBackend, type Backend } from '../index';
import { resolveEndpoints } from './endpoint';
import { createDockerClient, probeEndpoint } from './engine.probe';

const HOST = process.env.TEST_DOCKER_HOST ?? '';
const SOCKET = HOST.startsWith('unix://') ? HOST.slice('unix://'.length) : '';
const dir = mkdtempSync(path.join(os.tmpdir(), 'berth-tls-'));
const file = (name: string) => path.join(dir, name);
const openssl = (...args: string[]) => execFileSync('openssl', args, { stdio: 'pipe' });
let proxy: tls.Server | null = null;
let address = '';
let backend: Backend | null = null;

function ca(name: string): void {
  openssl(
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-days', '2', '-subj', `/CN=${name}`,
    '-keyout', file(`${name}-key.pem`), '-out', file(`${name}.pem`),
  ); // prettier-ignore
}

function signed(name: string, by: string, ext: string): void {
  openssl('req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-subj', `/CN=${name}`, '-keyout', file(`${name}-key.pem`), '-out', file(`${name}.csr`)); // prettier-ignore
  writeFileSync(file(`${name}.ext`), ext);
  openssl(
    'x509', '-req', '-in', file(`${name}.csr`), '-CA', file(`${by}.pem`), '-CAkey', file(`${by}-key.pem`),
    '-CAcreateserial', '-days', '2', '-extfile', file(`${name}.ext`), '-out', file(`${name}.pem`),
  ); // prettier-ignore
}

const files = (caName: string): EngineTlsFiles => ({
  ca: file(`${caName}.pem`),
  cert: file('client.pem'),
  key: file('client-key.pem'),
});

beforeAll(async () => {
  expect(SOCKET, 'TEST_DOCKER_HOST must be a unix:// socket').not.toBe('');
  ca('ca');
  ca('other-ca');
  signed('server', 'ca', 'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n');
  signed('client', 'ca', 'extendedKeyUsage=clientAuth\n');
  proxy = tls.createServer(
    {
      key: readFileSync(file('server-key.pem')),
      cert: readFileSync(file('server.pem')),
      ca: readFileSync(file('ca.pem')),
      requestCert: true,
      rejectUnauthorized: true,
    },
    (client) => {
      const engine = net.connect(SOCKET);
      client.pipe(engine).pipe(client);
      client.on('error', () => engine.destroy());
      engine.on('error', () => client.destroy());
    },
  );
  proxy.on('tlsClientError', () => undefined);
  await new Promise<void>((resolve) => proxy!.listen(0, '127.0.0.1', resolve));
  const where = proxy.address();
  address = `tcp://127.0.0.1:${typeof where === 'object' && where ? where.port : 0}`;
}, 60_000);

afterAll(async () => {
  await backend?.dispose();
  await new Promise((resolve) => (proxy ? proxy.close(resolve) : resolve(undefined)));
  rmSync(dir, { recursive: true, force: true });
});

async function probe(chosen: EngineTlsFiles) {
  const resolution = resolveEndpoints({
    env: {},
    platform: 'linux',
    homedir: dir,
    override: address,
    overrideTls: chosen,
  });
  if (!resolution.ok) throw new Error(resolution.message);
  const candidate = resolution.candidates[0];
  expect(candidate.options.protocol).toBe('https');
  return probeEndpoint(candidate, createDockerClient, 10_000, new AbortController().signal);
}

const ids = async (client: Dockerode) => ({
  containers: (await client.listContainers({ all: true })).map((c) => c.Id).sort(),
  images: (await client.listImages()).map((i) => i.Id).sort(),
  volumes: ((await client.listVolumes()).Volumes ?? []).map((v) => v.Name).sort(),
  networks: (await client.listNetworks()).map((n) => n.Id).sort(),
});

describe('a tcp+TLS engine with chosen certificates', () => {
  it('is reached with them and lists what the unix socket lists', async () => {
    const result = await probe(files('ca'));
    if (!result.ok) throw new Error(result.message);
    const direct = await ids(new Dockerode({ socketPath: SOCKET }));
    expect(direct.images.length).toBeGreaterThan(0);
    expect(await ids(result.client)).toEqual(direct);
  });

  it('says in words when the chosen CA did not sign the engine certificate', async () => {
    const result = await probe(files('other-ca'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toMatch(/certificate that the chosen CA did not sign/);
    expect(result.message).toContain(address);
  });

  it('says in words when the engine refuses a client certificate its CA did not sign', async () => {
    signed('stranger', 'other-ca', 'extendedKeyUsage=clientAuth\n');
    const result = await probe({ ca: file('ca.pem'), cert: file('stranger.pem'), key: file('stranger-key.pem') });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toMatch(/refused Berth's client certificate/);
  });
});

describe('engine:use with TLS files', () => {
  beforeAll(() => {
    backend = createBackend({ env: {}, platform: 'linux', homedir: dir, settingsFile: file('settings.json') });
  });

  const use = async (input: unknown) => backend!.dispatcher.request('engine:use', input);

  it('refuses paths outside the allowed folders, and files that do not belong together, before switching', async () => {
    const outside = await use({ address, tls: { ...files('ca'), ca: '/etc/ssl/certs/ca-certificates.crt' } });
    expect(outside).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
    if (!outside.ok) expect(outside.error.message).toMatch(/^The CA certificate .* outside the folders Berth may open/);
    const mismatch = await use({ address, tls: { ...files('ca'), key: file('server-key.pem') } });
    expect(mismatch).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    if (!mismatch.ok) expect(mismatch.error.message).toMatch(/does not belong to the certificate/);
    const notTcp = await use({ address: 'unix:///var/run/docker.sock', tls: files('ca') });
    expect(notTcp).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(backend!.services.engineSwitch.choices().some((c) => c.kind === 'custom')).toBe(false);
  });

  it('switches after the confirmation, connects over TLS and lists the same containers', async () => {
    const asked = await use({ address, tls: files('ca') });
    expect(asked.ok).toBe(true);
    const question = (asked as { ok: true; value: EngineUseAnswer }).value;
    expect(question.state).toBe('confirm');
    if (question.state !== 'confirm') return;
    const done = await use({ address, tls: files('ca'), token: question.token });
    expect(done).toMatchObject({ ok: true, value: { state: 'switched', id: 'custom' } });
    const status = await waitForStatus(backend!, (s) => s.state === 'connected' && s.endpoint.address === address);
    expect(status.state).toBe('connected');
    const custom = backend!.services.engineSwitch.choices().find((c) => c.kind === 'custom');
    expect(custom).toMatchObject({ address, encrypted: true, active: true });
    const listed = await backend!.dispatcher.request('containers:list', { all: true });
    if (!listed.ok) throw new Error(listed.error.message);
    const direct = (await new Dockerode({ socketPath: SOCKET }).listContainers({ all: true })).map((c) => c.Id);
    expect((listed.value as { id: string }[]).map((c) => c.id).sort()).toEqual(direct.sort());
  });
});

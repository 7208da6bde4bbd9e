import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contextDigest, naturalCompare, readContextStore, type ContextInput } from './contexts';
import { resolveEndpoints } from './endpoint';

let dir = '';

function writeContext(name: string, host: string, description?: string, tls?: readonly string[]): void {
  const digest = contextDigest(name);
  const meta = path.join(dir, 'contexts', 'meta', digest);
  mkdirSync(meta, { recursive: true });
  const metadata = description === undefined ? {} : { Description: description };
  writeFileSync(
    path.join(meta, 'meta.json'),
    JSON.stringify({ Name: name, Metadata: metadata, Endpoints: { docker: { Host: host, SkipTLSVerify: false } } }),
  );
  if (tls) {
    const folder = path.join(dir, 'contexts', 'tls', digest, 'docker');
    mkdirSync(folder, { recursive: true });
    for (const file of tls) writeFileSync(path.join(folder, file), '-----BEGIN CERTIFICATE-----\n');
  }
}

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'berth-contexts-'));
  writeContext('remote-tls', 'tcp://10.0.0.5:2376', 'Build box', ['ca.pem', 'cert.pem', 'key.pem']);
  writeContext('box', 'ssh://ann@box.example:2222');
  writeContext('sock', 'unix:///run/x.sock');
  writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ auths: {}, currentContext: 'box' }));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const input = (env: ContextInput['env'] = {}): ContextInput => ({
  env: { DOCKER_CONFIG: dir, ...env },
  platform: 'linux',
  homedir: '/home/ann',
  defaultHost: env.DOCKER_HOST ?? 'unix:///var/run/docker.sock',
});

/** The fixture as `docker context ls --format json` prints it (one JSON object a line). */
function asContextLs(env: ContextInput['env'] = {}) {
  const store = readContextStore(input(env));
  return store.contexts.map((c) => ({
    Current: c.name === store.current,
    Description: c.description,
    DockerEndpoint: c.host,
    Name: c.name,
  }));
}

describe('readContextStore', () => {
  it('lists unix, tcp+TLS and ssh contexts beside default, sorted, with the current one from config.json', () => {
    expect(asContextLs()).toEqual([
      { Current: true, Description: '', DockerEndpoint: 'ssh://ann@box.example:2222', Name: 'box' },
      {
        Current: false,
        Description: 'Current DOCKER_HOST based configuration',
        DockerEndpoint: 'unix:///var/run/docker.sock',
        Name: 'default',
      },
      { Current: false, Description: 'Build box', DockerEndpoint: 'tcp://10.0.0.5:2376', Name: 'remote-tls' },
      { Current: false, Description: '', DockerEndpoint: 'unix:///run/x.sock', Name: 'sock' },
    ]);
  });

  it('reads the TLS material from the context store', () => {
    const tlsContext = readContextStore(input()).contexts.find((c) => c.name === 'remote-tls');
    const folder = path.join(dir, 'contexts', 'tls', contextDigest('remote-tls'), 'docker');
    expect(tlsContext?.tls).toEqual({
      ca: path.join(folder, 'ca.pem'),
      cert: path.join(folder, 'cert.pem'),
      key: path.join(folder, 'key.pem'),
      skipVerify: false,
    });
  });

  it('takes DOCKER_CONTEXT over config.json, and DOCKER_HOST means default', () => {
    expect(readContextStore(input({ DOCKER_CONTEXT: 'sock' })).current).toBe('sock');
    expect(readContextStore(input({ DOCKER_HOST: 'tcp://127.0.0.1:2375' })).current).toBe('default');
  });

  it('says what is wrong with a broken context instead of throwing', () => {
    const digest = contextDigest('broken');
    mkdirSync(path.join(dir, 'contexts', 'meta', digest), { recursive: true });
    writeFileSync(path.join(dir, 'contexts', 'meta', digest, 'meta.json'), '{not json');
    try {
      const broken = readContextStore(input()).contexts.find((c) => c.error !== undefined);
      expect(broken?.error).toMatch(/not valid JSON/);
    } finally {
      rmSync(path.join(dir, 'contexts', 'meta', digest), { recursive: true, force: true });
    }
  });

  it('agrees with `docker context ls` on the same DOCKER_CONFIG', (context) => {
    const env: NodeJS.ProcessEnv = { ...process.env, DOCKER_CONFIG: dir };
    delete env.DOCKER_HOST;
    delete env.DOCKER_CONTEXT;
    const cli = spawnSync('docker', ['context', 'ls', '--format', 'json'], { env, encoding: 'utf8' });
    if (cli.error || cli.status !== 0) {
      console.log(`docker CLI not usable here (${cli.error?.message ?? cli.stderr}); comparison skipped`);
      context.skip();
      return;
    }
    const rows = cli.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .map(({ Current, Description, DockerEndpoint, Name }) => ({ Current, Description, DockerEndpoint, Name }));
    expect(asContextLs()).toEqual(rows);
  });

  it('sorts like the CLI: byte order, digit runs as numbers', () => {
    expect(['b10', 'b9', 'B', 'a'].sort(naturalCompare)).toEqual(['B', 'a', 'b9', 'b10']);
  });
});

describe('resolveEndpoints with contexts', () => {
  const resolveWith = (env: Record<string, string>, contextName?: string) => {
    const base = input(env);
    return resolveEndpoints({ ...base, contexts: readContextStore(base), contextName });
  };

  it("uses the CLI's current context when nothing else is set", () => {
    const r = resolveWith({});
    if (!r.ok) throw new Error(r.message);
    expect(r.candidates[0].endpoint).toEqual({
      kind: 'ssh',
      address: 'ssh://ann@box.example:2222',
      source: 'context',
      context: 'box',
    });
    expect(r.candidates[0].ssh).toEqual({ user: 'ann', host: 'box.example', port: 2222 });
  });

  it('gives a tcp context its TLS files from the store', () => {
    const r = resolveWith({}, 'remote-tls');
    if (!r.ok) throw new Error(r.message);
    expect(r.candidates[0].options.protocol).toBe('https');
    expect(r.candidates[0].tls?.ca).toContain(path.join('contexts', 'tls', contextDigest('remote-tls')));
  });

  it('a context chosen in Berth beats DOCKER_HOST; "default" follows DOCKER_HOST', () => {
    const chosen = resolveWith({ DOCKER_HOST: 'tcp://127.0.0.1:2375' }, 'sock');
    const byDefault = resolveWith({ DOCKER_HOST: 'tcp://127.0.0.1:2375' }, 'default');
    if (!chosen.ok || !byDefault.ok) throw new Error('not resolved');
    expect(chosen.candidates[0].endpoint.address).toBe('unix:///run/x.sock');
    expect(byDefault.candidates[0].endpoint.address).toBe('tcp://127.0.0.1:2375');
  });

  it('says so when the chosen context does not exist', () => {
    const r = resolveWith({}, 'gone');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/The Docker context "gone" does not exist/);
  });
});

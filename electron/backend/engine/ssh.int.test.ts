/**
 * An ssh:// engine through a loopback sshd (Debian's openssh-server) with a key made here, a private port and its
 * own known_hosts: Berth dials `ssh ... -- docker system dial-stdio` and lists the same containers as the unix
 * socket. Then the failures in words: an unknown host key, a key that is not accepted.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import Dockerode from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEndpoint, type EndpointCandidate } from './endpoint';
import { makeClientFactory, probeEndpoint } from './engine.probe';

const HOST = process.env.TEST_DOCKER_HOST ?? '';
const SSHD = '/usr/sbin/sshd';
const dir = mkdtempSync('/tmp/berth-ssh-');
let sshd: ChildProcess | null = null;
let port = 0;
let why = '';

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

const file = (name: string) => path.join(dir, name);

function keygen(name: string): void {
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'berth-test', '-f', file(name)]);
}

function clientConfig(name: string, knownHosts: string, identity: string): string {
  writeFileSync(
    file(name),
    [
      'Host *',
      `  UserKnownHostsFile ${knownHosts}`,
      '  GlobalKnownHostsFile /dev/null',
      '  StrictHostKeyChecking yes',
      `  IdentityFile ${identity}`,
      '  IdentitiesOnly yes',
      '  IdentityAgent none',
      '',
    ].join('\n'),
  );
  return file(name);
}

const waitForPort = async (p: number, ms: number) => {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(p, '127.0.0.1', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
};

beforeAll(async () => {
  if (!existsSync(SSHD)) {
    why = `${SSHD} is not installed`;
    return;
  }
  if (HOST === '') {
    why = 'TEST_DOCKER_HOST is not set';
    return;
  }
  keygen('host_key');
  keygen('client_key');
  keygen('stranger_key');
  writeFileSync(file('authorized_keys'), readFileSync(file('client_key.pub')));
  port = await freePort();
  // sshd insists on its privilege separation folder.
  mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });
  writeFileSync(
    file('sshd_config'),
    [
      'ListenAddress 127.0.0.1',
      `HostKey ${file('host_key')}`,
      `AuthorizedKeysFile ${file('authorized_keys')}`,
      `PidFile ${file('sshd.pid')}`,
      'StrictModes no',
      'UsePAM no',
      'PermitRootLogin prohibit-password',
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      // The remote `docker system dial-stdio` must reach the test engine.
      `SetEnv DOCKER_HOST=${HOST}`,
      '',
    ].join('\n'),
  );
  sshd = spawn(SSHD, ['-D', '-e', '-f', file('sshd_config'), '-p', String(port)], { stdio: 'ignore' });
  if (!(await waitForPort(port, 10_000))) why = 'sshd did not start listening';
  const hostKey = readFileSync(file('host_key.pub'), 'utf8').trim().split(' ').slice(0, 2).join(' ');
  writeFileSync(file('known_hosts'), `[127.0.0.1]:${port} ${hostKey}\n`);
  writeFileSync(file('empty_known_hosts'), '');
}, 60_000);

afterAll(() => {
  sshd?.kill();
  rmSync(dir, { recursive: true, force: true });
});

const user = () => execFileSync('id', ['-un'], { encoding: 'utf8' }).trim();

function sshCandidate(): EndpointCandidate {
  const parsed = parseEndpoint(
    `ssh://${user()}@127.0.0.1:${port}`,
    { env: {}, platform: 'linux', homedir: dir },
    'settings',
  );
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.candidate;
}

const probe = (config: string) =>
  probeEndpoint(sshCandidate(), makeClientFactory({ extraArgs: ['-F', config] }), 20_000, new AbortController().signal);

describe('ssh:// engines through a loopback sshd', () => {
  it('lists the same containers as the unix socket', async (context) => {
    if (why !== '') {
      console.log(`ssh integration test cannot run here: ${why}`);
      context.skip();
      return;
    }
    const name = `berth-ssh-${process.pid}`;
    const direct = new Dockerode({ socketPath: HOST.replace(/^unix:\/\//, '') });
    await direct.createVolume({ Name: name });
    // A container to list (created, not started), so that "the same containers" is not two empty lists.
    const container = await direct.createContainer({ name, Image: 'berth-fixture/busybox:1', Cmd: ['true'] });
    try {
      const result = await probe(clientConfig('ssh_config', file('known_hosts'), file('client_key')));
      if (!result.ok) throw new Error(`ssh probe failed: ${result.message}`);
      expect(result.engine.apiVersion).not.toBe('');
      const overSsh = await result.client.listContainers({ all: true });
      const overSocket = await direct.listContainers({ all: true });
      expect(overSsh.map((c) => c.Id)).toContain(container.id);
      expect(overSsh.map((c) => c.Id).sort()).toEqual(overSocket.map((c) => c.Id).sort());
      const volumes = await result.client.listVolumes();
      expect((volumes.Volumes ?? []).map((v) => v.Name)).toContain(name);
    } finally {
      await container.remove({ force: true });
      await direct.getVolume(name).remove();
    }
  }, 60_000);

  it('says when the host key is not known', async (context) => {
    if (why !== '') return context.skip();
    const result = await probe(clientConfig('ssh_config_nokey', file('empty_known_hosts'), file('client_key')));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/host key of ssh:\/\/.* is not known or has changed/);
  }, 60_000);

  it('says when the key is not accepted', async (context) => {
    if (why !== '') return context.skip();
    const result = await probe(clientConfig('ssh_config_stranger', file('known_hosts'), file('stranger_key')));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toBe('permission-denied');
      expect(result.message).toMatch(/ssh could not log in to ssh:\/\/.*: no key or agent identity was accepted/);
    }
  }, 60_000);
});

// A real image registry on loopback for pull/push tests: Debian's /usr/bin/docker-registry (the distribution
// project's registry) with a temporary storage directory, no auth and plain HTTP on 127.0.0.1:PORT. dockerd treats
// 127.0.0.0/8 registries as insecure by default, so a test engine can push and pull with no configuration.
// With { auth: { user, password } } it wants a login (htpasswd, from Debian's apache2-utils), as a private registry does.
// With { tls: true } it speaks HTTPS with a self-signed certificate for IP 127.0.0.1 (made with openssl), which the
// engine on this host trusts through /etc/docker/certs.d/127.0.0.1:PORT/ca.crt; stop() removes that folder.
//   import { startTestRegistry } from './test-registry.mjs'; const r = await startTestRegistry(); ... await r.stop();
//   node scripts/test-registry.mjs     start one, print its address, stop on Ctrl-C
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const BINARY = '/usr/bin/docker-registry';
const CERTS_D = '/etc/docker/certs.d';
const STARTUP_TIMEOUT_MS = 15_000;

export class TestRegistryError extends Error {}

/** A port that was free a moment ago (the registry binds it next; a lost race shows up as a startup failure). */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen({ host: '127.0.0.1', port: 0 }, () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** A self-signed certificate and key for IP 127.0.0.1, good for two days. */
function makeCertificate(dir) {
  const cert = path.join(dir, 'registry.crt');
  const key = path.join(dir, 'registry.key');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '2',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  return { cert, key };
}

/** 200, or 401 from a registry that wants a login: either way it is up. */
function answersV2(port, ca) {
  return new Promise((resolve) => {
    const get = ca === undefined ? http.get : https.get;
    const req = get(
      { host: '127.0.0.1', port, path: '/v2/', timeout: 1000, ...(ca === undefined ? {} : { ca }) },
      (res) => {
        res.resume();
        resolve(res.statusCode === 200 || res.statusCode === 401);
      },
    );
    req.on('error', () => resolve(false));
    req.on('timeout', () => {
      req.destroy();
      resolve(false);
    });
  });
}

/** Starts a registry and resolves once GET /v2/ answers. `address` is `127.0.0.1:PORT`, ready for image names. */
export async function startTestRegistry(options = {}) {
  if (!fs.existsSync(BINARY)) {
    throw new TestRegistryError(`${BINARY} is missing; run \`apt-get install docker-registry\` (.ci/run does).`);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-registry-'));
  const port = await freePort();
  const config = path.join(dir, 'config.yml');
  const auth = [];
  if (options.auth) {
    const file = path.join(dir, 'htpasswd');
    const line = execFileSync('htpasswd', ['-Bbn', options.auth.user, options.auth.password], { encoding: 'utf8' });
    fs.writeFileSync(file, line);
    auth.push('auth:', '  htpasswd:', '    realm: berth-test', `    path: ${file}`);
  }
  const tls = [];
  let ca;
  let certsDir;
  if (options.tls) {
    const { cert, key } = makeCertificate(dir);
    tls.push('  tls:', `    certificate: ${cert}`, `    key: ${key}`);
    ca = fs.readFileSync(cert);
    certsDir = path.join(CERTS_D, `127.0.0.1:${port}`);
    fs.mkdirSync(certsDir, { recursive: true });
    fs.copyFileSync(cert, path.join(certsDir, 'ca.crt'));
  }
  fs.writeFileSync(
    config,
    [
      'version: 0.1',
      'log:',
      '  level: warn',
      'storage:',
      '  filesystem:',
      `    rootdirectory: ${path.join(dir, 'data')}`,
      '  delete:',
      '    enabled: true',
      'http:',
      `  addr: 127.0.0.1:${port}`,
      ...tls,
      ...auth,
      '',
    ].join('\n'),
  );
  const log = fs.openSync(path.join(dir, 'registry.log'), 'a');
  const child = spawn(BINARY, ['serve', config], { stdio: ['ignore', log, log] });
  fs.closeSync(log);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const late = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(late);
    }
    fs.rmSync(dir, { recursive: true, force: true });
    if (certsDir !== undefined) fs.rmSync(certsDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (!(await answersV2(port, ca))) {
    if (child.exitCode !== null || child.signalCode !== null || Date.now() > deadline) {
      const output = fs.readFileSync(path.join(dir, 'registry.log'), 'utf8').slice(-2000);
      await stop();
      throw new TestRegistryError(`docker-registry did not start on 127.0.0.1:${port}.\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { address: `127.0.0.1:${port}`, port, dir, stop, ...(certsDir === undefined ? {} : { certsDir }) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const registry = await startTestRegistry();
  process.stdout.write(`Test registry at ${registry.address} (storage ${registry.dir}). Ctrl-C stops it.\n`);
  const quit = () => void registry.stop().then(() => process.exit(0));
  process.on('SIGINT', quit);
  process.on('SIGTERM', quit);
}

// Processes behind the E2E run: the build, `npm run serve` against an engine, and an extra engine + serve pair
// for specs that stop and restart their engine. Used by global-setup.ts and fixtures.ts.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildFixtures, startTestEngine, type TestEngine } from '../scripts/test-engine.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SERVE_LINE = /^Berth is serving at (http:\/\/127\.0\.0\.1:(\d+)\/\?token=(\S+))$/m;
const SERVE_TIMEOUT_MS = 120_000;

export interface Served {
  url: string;
  token: string;
  port: number;
  stop(): Promise<void>;
}

/** Groups of serve processes still running, killed synchronously if the runner exits without teardown. */
const running = new Set<number>();
process.on('exit', () => {
  for (const pgid of running) killGroup(pgid, 'SIGKILL');
});

function killGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // Already gone.
  }
}

export function buildIfNeeded(): void {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs'), '--if-needed'], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.status !== 0) {
    throw new Error(
      `\`node scripts/build.mjs --if-needed\` failed (${result.error?.message ?? `exit ${result.status}`}).`,
    );
  }
}

/** Runs `node scripts/serve.mjs --port 0` against `dockerHost` and resolves with the address it prints. */
export function startServe(dockerHost: string): Promise<Served> {
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'serve.mjs'), '--port', '0'], {
    cwd: ROOT,
    // Settings go to a folder of this run, never to the user's own ~/.config/Berth.
    env: {
      ...process.env,
      DOCKER_HOST: dockerHost,
      BERTH_CONFIG_DIR: mkdtempSync(path.join(tmpdir(), 'berth-e2e-config-')),
      // Registry logins too: the docker CLI's config of this run, never the user's own ~/.docker.
      DOCKER_CONFIG: mkdtempSync(path.join(tmpdir(), 'berth-e2e-docker-config-')),
    },
    // Own group so that stop() reaches anything serve starts, and a runner's Ctrl-C is handled by our teardown.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const pid = child.pid;
  if (pid === undefined) return Promise.reject(new Error('Could not start node scripts/serve.mjs.'));
  running.add(pid);
  let output = '';
  return new Promise<Served>((resolve, reject) => {
    const fail = (why: string): void => {
      clearTimeout(timer);
      killGroup(pid, 'SIGKILL');
      running.delete(pid);
      reject(new Error(`serve ${why}.\nIts output:\n${output.slice(-4000)}`));
    };
    const timer = setTimeout(() => fail(`printed no address within ${SERVE_TIMEOUT_MS / 1000} s`), SERVE_TIMEOUT_MS);
    child.once('exit', (code, signal) => fail(`exited (${code ?? signal}) before printing its address`));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = SERVE_LINE.exec(output);
      if (!match?.[1] || !match[2] || !match[3]) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      resolve({ url: match[1], port: Number(match[2]), token: match[3], stop: () => stopServe(child, pid) });
    });
  });
}

async function stopServe(child: ChildProcess, pgid: number): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    killGroup(pgid, 'SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<boolean>((resolve) => (timer = setTimeout(resolve, 5000, true)));
    if (await Promise.race([exited.then(() => false), late])) {
      killGroup(pgid, 'SIGKILL');
      await exited;
    }
    clearTimeout(timer);
  }
  running.delete(pgid);
}

export interface PrivateBerth {
  /** The served page, with its token. */
  url: string;
  token: string;
  /** The private engine: stop() and start() it to take the engine away from the page and bring it back. */
  engine: TestEngine;
  /** Stops serve and removes the engine. */
  close(): Promise<void>;
}

/**
 * Starts an extra private engine (with fixture images) and a serve bound to it, for specs that stop and restart
 * their engine without disturbing the shared one. Needs root, like any engine the rig starts.
 */
export async function startPrivateBerth(): Promise<PrivateBerth> {
  const engine = await startTestEngine({ name: 'e2e' });
  try {
    await buildFixtures(engine.host);
    const served = await startServe(engine.host);
    return {
      url: served.url,
      token: served.token,
      engine,
      close: async () => {
        await served.stop();
        await engine.remove();
      },
    };
  } catch (err) {
    await engine.remove();
    throw err;
  }
}

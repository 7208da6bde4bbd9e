/**
 * The Compose CLI the user has: `docker compose` (v2) first, then `docker-compose` (v1). Runs it on a file with
 * DOCKER_HOST set to the engine Berth is connected to, in its own process group so that cancel ends all of it,
 * and hands its output on with a bound on how much is kept.
 */
import { spawn } from 'node:child_process';
import { COMPOSE_OUTPUT_LIMIT, type ComposeCli, type ComposeCliKind } from '../../../shared/dto/projects';

export const INSTALL_HINT =
  'Neither `docker compose` (v2) nor `docker-compose` (v1) is installed. Install the Compose plugin ' +
  '(Debian/Ubuntu: `apt-get install docker-compose-plugin`, or Docker Desktop), or `apt-get install docker-compose`, ' +
  'then try again.';

export interface Program {
  readonly kind: ComposeCliKind;
  readonly argv: readonly string[];
}

export const CANDIDATES: readonly Program[] = [
  { kind: 'v2', argv: ['docker', 'compose'] },
  { kind: 'v1', argv: ['docker-compose'] },
];

function capture(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  timeoutMs = 15_000,
): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const [program, ...args] = argv;
    if (program === undefined) return resolve({ code: null, out: '' });
    let out = '';
    const child = spawn(program, args, { env, stdio: ['ignore', 'pipe', 'pipe'], timeout: timeoutMs });
    const take = (b: Buffer) => {
      if (out.length < 4096) out += b.toString('utf8');
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.on('error', () => resolve({ code: null, out }));
    child.on('close', (code) => resolve({ code, out }));
  });
}

/** The first Compose CLI that answers `version`. */
export async function findComposeCli(
  env: NodeJS.ProcessEnv = process.env,
  candidates: readonly Program[] = CANDIDATES,
): Promise<ComposeCli & { argv?: readonly string[] }> {
  for (const c of candidates) {
    const { code, out } = await capture([...c.argv, 'version', '--short'], env);
    const version = out.trim().split('\n')[0] ?? '';
    if (code === 0 && /^v?\d+\.\d+/.test(version))
      return { found: true, kind: c.kind, version: version.replace(/^v/, ''), command: c.argv.join(' '), argv: c.argv };
  }
  return { found: false, message: INSTALL_HINT };
}

/** The environment for Compose: the user's, with DOCKER_HOST naming Berth's engine and no context overriding it. */
export function composeEnv(base: NodeJS.ProcessEnv, dockerHost: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base, DOCKER_HOST: dockerHost };
  delete env.DOCKER_CONTEXT;
  return env;
}

export interface RunOptions {
  readonly argv: readonly string[];
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly signal: AbortSignal;
  readonly onOutput: (text: string) => void;
  /** After cancel, how long the group has to end on SIGTERM before SIGKILL. */
  readonly graceMs?: number;
}

export interface RunOutcome {
  readonly code: number | null;
  readonly cancelled: boolean;
  /** Output past COMPOSE_OUTPUT_LIMIT was not passed on. */
  readonly truncated: boolean;
  /** The last part of the output, for reading errors. */
  readonly tail: string;
}

const TAIL = 16 * 1024;

export function runCompose(options: RunOptions): Promise<RunOutcome> {
  return new Promise((resolve, reject) => {
    const [program, ...args] = options.argv;
    if (program === undefined) return reject(new Error('No program to run.'));
    // detached: its own process group, so one kill reaches Compose and whatever it started.
    const child = spawn(program, args, {
      cwd: options.cwd,
      env: options.env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let sent = 0;
    let truncated = false;
    let tail = '';
    let cancelled = false;
    let killTimer: ReturnType<typeof setTimeout> | undefined;
    const take = (b: Buffer) => {
      const text = b.toString('utf8');
      tail = (tail + text).slice(-TAIL);
      if (sent >= COMPOSE_OUTPUT_LIMIT) {
        truncated = true;
        return;
      }
      const part = text.slice(0, COMPOSE_OUTPUT_LIMIT - sent);
      if (part.length < text.length) truncated = true;
      sent += part.length;
      options.onOutput(part);
    };
    const killGroup = (sig: NodeJS.Signals) => {
      if (child.pid === undefined) return;
      try {
        process.kill(-child.pid, sig);
      } catch {
        // Already gone.
      }
    };
    const onAbort = () => {
      cancelled = true;
      killGroup('SIGTERM');
      killTimer = setTimeout(() => killGroup('SIGKILL'), options.graceMs ?? 3000);
    };
    if (options.signal.aborted) onAbort();
    else options.signal.addEventListener('abort', onAbort, { once: true });
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.on('error', (error) => {
      options.signal.removeEventListener('abort', onAbort);
      reject(error);
    });
    child.on('close', (code) => {
      options.signal.removeEventListener('abort', onAbort);
      if (killTimer !== undefined) clearTimeout(killTimer);
      resolve({ code, cancelled, truncated, tail });
    });
  });
}

/**
 * The docker credential helper protocol: `docker-credential-<name> get|store|erase|list`, the request on stdin and
 * the answer as JSON on stdout. Bounded in time and output. Errors say which helper failed and why, never what was
 * sent to it.
 */
import { spawn } from 'node:child_process';
import { BerthFailure } from '../../../shared/result';

export const HELPER_TIMEOUT_MS = 10_000;
const MAX_OUTPUT = 1 << 20;
/** The helper's own answer when it holds nothing for that server. */
const NOT_FOUND = /credentials not found/i;

export interface HelperCredential {
  readonly username: string;
  readonly secret: string;
}

export interface HelperOptions {
  readonly env: NodeJS.ProcessEnv;
  readonly timeoutMs?: number;
}

const VALID_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

type Outcome = { readonly code: number | null; readonly stdout: string };

function run(helper: string, action: string, input: string, options: HelperOptions): Promise<Outcome> {
  const program = `docker-credential-${helper}`;
  if (!VALID_NAME.test(helper)) {
    return Promise.reject(new BerthFailure('INVALID_INPUT', `"${helper}" is not a credential helper name.`));
  }
  const timeoutMs = options.timeoutMs ?? HELPER_TIMEOUT_MS;
  return new Promise((resolve, reject) => {
    const child = spawn(program, [action], { env: options.env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let settled = false;
    const finish = (done: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      done();
    };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      finish(() =>
        reject(
          new BerthFailure(
            'TIMEOUT',
            `The credential helper ${program} did not answer "${action}" within ${timeoutMs / 1000} s.`,
          ),
        ),
      );
    }, timeoutMs);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      if (stdout.length < MAX_OUTPUT) stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      if (stderr.length < 4096) stderr += chunk;
    });
    child.on('error', (error: NodeJS.ErrnoException) =>
      finish(() =>
        reject(
          error.code === 'ENOENT'
            ? new BerthFailure(
                'NOT_FOUND',
                `The credential helper ${program} is not installed (not found on PATH). Install it, or remove it from config.json.`,
              )
            : new BerthFailure(
                'INTERNAL',
                `The credential helper ${program} could not be started (${error.code ?? 'error'}).`,
              ),
        ),
      ),
    );
    child.on('close', (code) =>
      finish(() => {
        if (code === 0 || NOT_FOUND.test(stdout)) return resolve({ code, stdout });
        const said = (stdout.trim() || stderr.trim()).split('\n')[0]?.slice(0, 200) ?? '';
        reject(
          new BerthFailure(
            'ENGINE_ERROR',
            `The credential helper ${program} failed to ${action}${said === '' ? ` (exit ${code ?? '?'})` : `: ${said}`}.`,
          ),
        );
      }),
    );
    // A helper that exits without reading its input is its own failure, reported on close; not a crash here.
    child.stdin.on('error', () => undefined);
    child.stdin.end(input);
  });
}

/** The credential for `server`, or null when the helper holds none. */
export async function helperGet(
  helper: string,
  server: string,
  options: HelperOptions,
): Promise<HelperCredential | null> {
  const { code, stdout } = await run(helper, 'get', server, options);
  if (code !== 0 || NOT_FOUND.test(stdout)) return null;
  let answer: unknown;
  try {
    answer = JSON.parse(stdout);
  } catch {
    throw new BerthFailure(
      'ENGINE_ERROR',
      `The credential helper docker-credential-${helper} answered "get" with something that is not JSON.`,
    );
  }
  const { Username, Secret } = (answer ?? {}) as { Username?: unknown; Secret?: unknown };
  if (typeof Username !== 'string' || typeof Secret !== 'string') return null;
  return { username: Username, secret: Secret };
}

export async function helperStore(
  helper: string,
  server: string,
  credential: HelperCredential,
  options: HelperOptions,
): Promise<void> {
  await run(
    helper,
    'store',
    JSON.stringify({ ServerURL: server, Username: credential.username, Secret: credential.secret }),
    options,
  );
}

export async function helperErase(helper: string, server: string, options: HelperOptions): Promise<void> {
  await run(helper, 'erase', server, options);
}

/** server -> user name, for every credential the helper holds. */
export async function helperList(helper: string, options: HelperOptions): Promise<Record<string, string>> {
  const { code, stdout } = await run(helper, 'list', '', options);
  if (code !== 0) return {};
  try {
    const answer: unknown = JSON.parse(stdout);
    if (typeof answer !== 'object' || answer === null) return {};
    return Object.fromEntries(
      Object.entries(answer as Record<string, unknown>).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v]] : [])),
    );
  } catch {
    throw new BerthFailure(
      'ENGINE_ERROR',
      `The credential helper docker-credential-${helper} answered "list" with something that is not JSON.`,
    );
  }
}

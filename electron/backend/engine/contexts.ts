/**
 * Docker contexts, read the way the docker CLI reads them: the config folder is DOCKER_CONFIG or ~/.docker; each
 * context is contexts/meta/<sha256(name)>/meta.json, its TLS material contexts/tls/<sha256(name)>/docker/*.pem; the
 * current one is DOCKER_CONTEXT, else config.json's currentContext, else "default" (and DOCKER_HOST forces
 * "default"). Only reads: Berth never writes the CLI's files. Small, bounded reads; a broken context becomes an
 * error line like `docker context ls` shows, never a throw.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export interface ContextTls {
  readonly ca?: string;
  readonly cert?: string;
  readonly key?: string;
  /** The context's SkipTLSVerify: encrypted, but the engine's certificate is not checked. */
  readonly skipVerify: boolean;
}

export interface DockerContext {
  readonly name: string;
  readonly description: string;
  /** The docker endpoint's Host, as `docker context ls` shows it. */
  readonly host: string;
  /** Certificates from the context store (tcp), absent when the context has none. */
  readonly tls?: ContextTls;
  /** What is wrong with this context, as a sentence; it cannot be used then. */
  readonly error?: string;
}

export interface ContextStore {
  readonly configDir: string;
  /** The context the CLI would use now. */
  readonly current: string;
  /** Sorted by name like `docker context ls`, with "default" among them. */
  readonly contexts: readonly DockerContext[];
}

export interface ContextInput {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly platform: NodeJS.Platform;
  readonly homedir: string;
  /** The engine address of the "default" context: DOCKER_HOST or the platform's socket. */
  readonly defaultHost: string;
}

export const DEFAULT_CONTEXT = 'default';
/** Bounds: a context store is a handful of small files; anything bigger is not one. */
const MAX_CONTEXTS = 200;
const MAX_META_BYTES = 64 * 1024;
const MAX_CONFIG_BYTES = 1024 * 1024;

export const contextDigest = (name: string): string => createHash('sha256').update(name).digest('hex');

export function configDir(input: Pick<ContextInput, 'env' | 'platform' | 'homedir'>): string {
  const paths = input.platform === 'win32' ? path.win32 : path.posix;
  const dir = input.env.DOCKER_CONFIG;
  return dir !== undefined && dir.trim() !== '' ? dir : paths.join(input.homedir, '.docker');
}

function readSmall(file: string, max: number): string | null {
  try {
    if (statSync(file).size > max) return null;
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

function currentFromConfig(dir: string): string | null {
  const text = readSmall(path.join(dir, 'config.json'), MAX_CONFIG_BYTES);
  if (text === null) return null;
  try {
    const value = (JSON.parse(text) as { currentContext?: unknown } | null)?.currentContext;
    return typeof value === 'string' && value !== '' ? value : null;
  } catch {
    return null;
  }
}

/** The context the CLI would pick: DOCKER_HOST means default, then DOCKER_CONTEXT, then config.json. */
export function currentContextName(input: Pick<ContextInput, 'env' | 'platform' | 'homedir'>): string {
  if ((input.env.DOCKER_HOST ?? '').trim() !== '') return DEFAULT_CONTEXT;
  const fromEnv = (input.env.DOCKER_CONTEXT ?? '').trim();
  if (fromEnv !== '') return fromEnv;
  return currentFromConfig(configDir(input)) ?? DEFAULT_CONTEXT;
}

function tlsOf(dir: string, digest: string, skipVerify: boolean): ContextTls | undefined {
  const folder = path.join(dir, 'contexts', 'tls', digest, 'docker');
  const pick = (file: string) => (existsSync(path.join(folder, file)) ? path.join(folder, file) : undefined);
  const ca = pick('ca.pem');
  const cert = pick('cert.pem');
  const key = pick('key.pem');
  if (ca === undefined && cert === undefined && key === undefined && !skipVerify) return undefined;
  return {
    ...(ca !== undefined ? { ca } : {}),
    ...(cert !== undefined ? { cert } : {}),
    ...(key !== undefined ? { key } : {}),
    skipVerify,
  };
}

function readContext(dir: string, digest: string): DockerContext | null {
  const file = path.join(dir, 'contexts', 'meta', digest, 'meta.json');
  const text = readSmall(file, MAX_META_BYTES);
  if (text === null) return null;
  let meta: unknown;
  try {
    meta = JSON.parse(text);
  } catch {
    return { name: digest.slice(0, 12), description: '', host: '', error: `${file} is not valid JSON.` };
  }
  const m = meta as {
    Name?: unknown;
    Metadata?: { Description?: unknown } | null;
    Endpoints?: { docker?: { Host?: unknown; SkipTLSVerify?: unknown } | null } | null;
  } | null;
  const name = typeof m?.Name === 'string' ? m.Name : '';
  if (name === '') return { name: digest.slice(0, 12), description: '', host: '', error: `${file} names no context.` };
  const description = typeof m?.Metadata?.Description === 'string' ? m.Metadata.Description : '';
  const docker = m?.Endpoints?.docker;
  const host = typeof docker?.Host === 'string' ? docker.Host : '';
  if (contextDigest(name) !== digest) {
    return { name, description, host, error: `The folder of context "${name}" does not match its name.` };
  }
  if (host === '') return { name, description, host, error: `Context "${name}" has no docker endpoint.` };
  const tls = tlsOf(dir, digest, docker?.SkipTLSVerify === true);
  return { name, description, host, ...(tls ? { tls } : {}) };
}

/** The CLI's order: byte order, except that runs of digits compare as numbers. */
export function naturalCompare(a: string, b: string): number {
  const chunks = (s: string) => s.match(/\d+|\D+/g) ?? [];
  const x = chunks(a);
  const y = chunks(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const p = x[i] ?? '';
    const q = y[i] ?? '';
    if (p === q) continue;
    if (/^\d/.test(p) && /^\d/.test(q) && Number(p) !== Number(q)) return Number(p) - Number(q);
    return p < q ? -1 : 1;
  }
  return x.length - y.length;
}

/** Every context of the store plus "default", sorted by name like `docker context ls`. */
export function readContextStore(input: ContextInput): ContextStore {
  const dir = configDir(input);
  const contexts: DockerContext[] = [
    { name: DEFAULT_CONTEXT, description: 'Current DOCKER_HOST based configuration', host: input.defaultHost },
  ];
  let digests: string[] = [];
  try {
    digests = readdirSync(path.join(dir, 'contexts', 'meta')).filter((d) => /^[0-9a-f]{64}$/.test(d));
  } catch {
    // No contexts folder: only "default", as for the CLI.
  }
  for (const digest of digests.slice(0, MAX_CONTEXTS)) {
    const context = readContext(dir, digest);
    if (context && context.name !== DEFAULT_CONTEXT) contexts.push(context);
  }
  contexts.sort((a, b) => naturalCompare(a.name, b.name));
  return { configDir: dir, current: currentContextName(input), contexts };
}

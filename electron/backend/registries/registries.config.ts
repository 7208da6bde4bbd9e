/**
 * The docker CLI's config.json: where it is (DOCKER_CONFIG, else ~/.docker), its credential parts (auths,
 * credsStore, credHelpers), and writing it back atomically with every key Berth does not know kept as it was.
 * A parse error never quotes the file: it may hold credentials.
 */
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { BerthFailure } from '../../../shared/result';
import { writeTextAtomically } from '../core/atomic-file';

export interface AuthEntry {
  /** base64 of `user:password`, as `docker login` writes it without a helper. */
  readonly auth?: string;
  readonly username?: string;
  readonly password?: string;
  readonly identitytoken?: string;
  readonly [other: string]: unknown;
}

export interface DockerConfig {
  /** The whole file as read, so unknown keys survive a write. */
  readonly raw: Readonly<Record<string, unknown>>;
  readonly auths: Readonly<Record<string, AuthEntry>>;
  readonly credsStore: string | null;
  readonly credHelpers: Readonly<Record<string, string>>;
}

/** The CLI's config folder: DOCKER_CONFIG when set, else ~/.docker. */
export const configDirOf = (env: NodeJS.ProcessEnv, homedir: string): string =>
  env.DOCKER_CONFIG !== undefined && env.DOCKER_CONFIG !== '' ? env.DOCKER_CONFIG : path.join(homedir, '.docker');

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The credential parts of a parsed config.json; anything of the wrong shape is left out. Pure. */
export function toDockerConfig(raw: Record<string, unknown>): DockerConfig {
  const auths: Record<string, AuthEntry> = {};
  if (isRecord(raw.auths)) {
    for (const [key, entry] of Object.entries(raw.auths)) if (isRecord(entry)) auths[key] = entry;
  }
  const credHelpers: Record<string, string> = {};
  if (isRecord(raw.credHelpers)) {
    for (const [key, helper] of Object.entries(raw.credHelpers)) {
      if (typeof helper === 'string' && helper !== '') credHelpers[key] = helper;
    }
  }
  const credsStore = typeof raw.credsStore === 'string' && raw.credsStore !== '' ? raw.credsStore : null;
  return { raw, auths, credsStore, credHelpers };
}

export async function readDockerConfig(file: string): Promise<DockerConfig> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return toDockerConfig({});
    throw new BerthFailure(
      'PERMISSION_DENIED',
      `Berth could not read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'}).`,
    );
  }
  let parsed: unknown;
  try {
    parsed = text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    throw new BerthFailure(
      'INVALID_INPUT',
      `${file} is not valid JSON, so Berth cannot read the logins in it. Fix or move that file.`,
    );
  }
  if (!isRecord(parsed)) {
    throw new BerthFailure(
      'INVALID_INPUT',
      `${file} does not hold a JSON object, so Berth cannot read the logins in it.`,
    );
  }
  return toDockerConfig(parsed);
}

/** Writes `auths` back into the file as read (other keys untouched), atomically and readable by the user only. */
export async function writeAuths(file: string, config: DockerConfig, auths: Record<string, AuthEntry>): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const next = { ...config.raw, auths };
  // Tabs and mode 0600, as the CLI writes it.
  await writeTextAtomically(file, `${JSON.stringify(next, null, '\t')}\n`, 0o600);
}

/** base64 `user:password` -> the user; the password part is dropped at once. */
export function userOfAuth(entry: AuthEntry): string | null {
  if (typeof entry.username === 'string' && entry.username !== '') return entry.username;
  if (typeof entry.auth !== 'string' || entry.auth === '') return null;
  const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon > 0 ? decoded.slice(0, colon) : null;
}

/** The secret parts of a config.json entry, for X-Registry-Auth; never leaves the backend. */
export function credentialOfEntry(
  entry: AuthEntry,
): { username: string; password: string; identitytoken?: string } | null {
  let username = typeof entry.username === 'string' ? entry.username : '';
  let password = typeof entry.password === 'string' ? entry.password : '';
  if (typeof entry.auth === 'string' && entry.auth !== '') {
    const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon >= 0) {
      username = decoded.slice(0, colon);
      password = decoded.slice(colon + 1);
    }
  }
  const token = typeof entry.identitytoken === 'string' && entry.identitytoken !== '' ? entry.identitytoken : undefined;
  if (username === '' && password === '' && token === undefined) return null;
  return token === undefined ? { username, password } : { username, password, identitytoken: token };
}

/** The entry `docker login` writes without a helper: base64 `user:password`, or the identity token beside the user. */
export function entryOf(username: string, secret: { password?: string; identitytoken?: string }): AuthEntry {
  if (secret.identitytoken !== undefined) {
    return { auth: Buffer.from(`${username}:`).toString('base64'), identitytoken: secret.identitytoken };
  }
  return { auth: Buffer.from(`${username}:${secret.password ?? ''}`).toString('base64') };
}

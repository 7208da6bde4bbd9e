/**
 * Which engine endpoints Berth tries, in order. Pure: everything it reads comes in as arguments, so every
 * platform and environment can be tested from any machine. Certificates are named here, read at connect time.
 */
import path from 'node:path';
import type Dockerode from 'dockerode';
import type { EndpointInfo } from '../../../shared/dto/engine';
import { DEFAULT_CONTEXT, type ContextStore, type ContextTls } from './contexts';

export interface EndpointInput {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly platform: NodeJS.Platform;
  readonly homedir: string;
  /** An address from the settings; like DOCKER_HOST it is then the only endpoint tried. */
  readonly override?: string | undefined;
  /** A Docker context chosen in the settings; it replaces DOCKER_HOST, DOCKER_CONTEXT and the CLI's current one. */
  readonly contextName?: string | undefined;
  /** TLS files for a tcp:// override, chosen in Berth for that address (Settings.engineTls). */
  readonly overrideTls?: { readonly ca: string; readonly cert: string; readonly key: string } | undefined;
  /** The CLI's contexts (contexts.ts), read by the caller; without them only "default" exists. */
  readonly contexts?: ContextStore | undefined;
}

/** Certificates to load at connect time; a context may carry only some of them. */
export interface TlsFiles {
  readonly ca?: string;
  readonly cert?: string;
  readonly key?: string;
  /** Encrypt, but do not check the engine's certificate (a context's SkipTLSVerify). */
  readonly skipVerify?: boolean;
}

/** `ssh://[user@]host[:port]`: reached through the user's own ssh client, like the docker CLI does. */
export interface SshTarget {
  readonly user?: string;
  readonly host: string;
  readonly port?: number;
}

export interface EndpointCandidate {
  readonly endpoint: EndpointInfo;
  /**
   * Complete dockerode options. Every connection field is set, even to undefined, because docker-modem merges
   * its own defaults from process.env.DOCKER_HOST under them.
   */
  readonly options: Dockerode.DockerOptions;
  /** Present for tcp with TLS verification: the files to load into ca/cert/key. */
  readonly tls?: TlsFiles;
  /** Present for ssh://: each request runs over `ssh ... docker system dial-stdio`. */
  readonly ssh?: SshTarget;
}

export type Candidates = readonly [EndpointCandidate, ...EndpointCandidate[]];

export type EndpointResolution =
  | { readonly ok: true; readonly candidates: Candidates }
  | { readonly ok: false; readonly reason: 'bad-endpoint'; readonly endpoint: EndpointInfo; readonly message: string };

type Source = EndpointInfo['source'];
type Parsed = { ok: true; candidate: EndpointCandidate } | { ok: false; message: string };

const DEFAULT_PIPE = '//./pipe/docker_engine';
// Docker Desktop's Linux engine on Windows; the classic docker_engine pipe is its Windows-containers engine.
const DESKTOP_PIPE = '//./pipe/dockerDesktopLinuxEngine';
// `podman machine` on Windows forwards the API to this pipe for the default machine.
const PODMAN_PIPE = '//./pipe/podman-machine-default';

const NO_TLS = { ca: undefined, cert: undefined, key: undefined, timeout: undefined } as const;

const socketOptions = (socketPath: string): Dockerode.DockerOptions => ({
  socketPath,
  host: undefined,
  port: undefined,
  protocol: 'http',
  ...NO_TLS,
});

const unixCandidate = (socketPath: string, source: Source): EndpointCandidate => ({
  endpoint: { kind: 'unix', address: `unix://${socketPath}`, source },
  options: socketOptions(socketPath),
});

const pipeCandidate = (pipePath: string, source: Source): EndpointCandidate => ({
  endpoint: { kind: 'npipe', address: `npipe://${pipePath}`, source },
  options: socketOptions(pipePath),
});

function tlsVerify(env: EndpointInput['env']): boolean {
  // Like the docker CLI: any non-empty value turns verification on.
  return (env.DOCKER_TLS_VERIFY ?? '') !== '';
}

/** The default context's address: DOCKER_HOST, else the platform's own socket or pipe. */
export function defaultHost(input: Pick<EndpointInput, 'env' | 'platform'>): string {
  const host = (input.env.DOCKER_HOST ?? '').trim();
  if (host !== '') return host;
  return input.platform === 'win32' ? `npipe://${DEFAULT_PIPE}` : 'unix:///var/run/docker.sock';
}

function parseSsh(rest: string, source: Source, written: string): Parsed {
  const example = 'write it like ssh://user@host or ssh://user@host:2222.';
  let url: URL;
  try {
    url = new URL(`ssh://${rest}`);
  } catch {
    return { ok: false, message: `"${written}" is not a valid ssh:// address; ${example}` };
  }
  if (url.hostname === '') return { ok: false, message: `"${written}" names no host; ${example}` };
  if (url.password !== '') {
    return { ok: false, message: `"${written}" holds a password; Berth uses your ssh keys and agent instead.` };
  }
  if (url.search !== '' || url.hash !== '' || (url.pathname !== '' && url.pathname !== '/')) {
    return { ok: false, message: `"${written}" has more than a user, a host and a port; ${example}` };
  }
  const user = decodeURIComponent(url.username);
  // Whatever reaches ssh's command line must not look like an option.
  if (url.hostname.startsWith('-') || user.startsWith('-') || /[\s\p{Cc}]/u.test(user)) {
    return { ok: false, message: `"${written}" is not a usable ssh address; ${example}` };
  }
  const port = url.port === '' ? undefined : Number(url.port);
  const ssh: SshTarget = { host: url.hostname, ...(user !== '' ? { user } : {}), ...(port ? { port } : {}) };
  const address = `ssh://${user !== '' ? `${user}@` : ''}${url.hostname}${port ? `:${port}` : ''}`;
  return {
    ok: true,
    candidate: {
      endpoint: { kind: 'ssh', address, source },
      // The host is only the HTTP Host header: the agent opens every connection through ssh.
      options: { socketPath: undefined, host: 'docker', port: 80, protocol: 'http', ...NO_TLS },
      ssh,
    },
  };
}

function parseTcp(
  rest: string,
  input: EndpointInput,
  source: Source,
  written: string,
  contextTls?: ContextTls,
): Parsed {
  let url: URL;
  try {
    url = new URL(`tcp://${rest}`);
  } catch {
    return { ok: false, message: `"${written}" is not a valid tcp:// address; write it like tcp://127.0.0.1:2375.` };
  }
  if (url.hostname === '')
    return { ok: false, message: `"${written}" names no host; write it like tcp://127.0.0.1:2375.` };
  if (url.username !== '' || url.search !== '' || url.hash !== '' || (url.pathname !== '' && url.pathname !== '/')) {
    return { ok: false, message: `"${written}" has more than a host and a port; write it like tcp://127.0.0.1:2375.` };
  }
  const tls = contextTls !== undefined || (source !== 'context' && tlsVerify(input.env));
  const port = url.port === '' ? (tls ? 2376 : 2375) : Number(url.port);
  const host = url.hostname;
  // The address keeps IPv6 brackets; the HTTP client wants the bare address.
  const bareHost = host.replace(/^\[(.*)\]$/, '$1');
  const paths = input.platform === 'win32' ? path.win32 : path.posix;
  const certDir = input.env.DOCKER_CERT_PATH || paths.join(input.homedir, '.docker');
  const candidate: EndpointCandidate = {
    endpoint: { kind: 'tcp', address: `tcp://${host}:${port}`, source },
    options: { socketPath: undefined, host: bareHost, port, protocol: tls ? 'https' : 'http', ...NO_TLS },
    ...(contextTls
      ? { tls: contextTls }
      : tls
        ? {
            tls: {
              ca: paths.join(certDir, 'ca.pem'),
              cert: paths.join(certDir, 'cert.pem'),
              key: paths.join(certDir, 'key.pem'),
            },
          }
        : {}),
  };
  return { ok: true, candidate };
}

/** Parses one address the way the docker CLI reads DOCKER_HOST; a bare host:port means tcp. */
export function parseEndpoint(address: string, input: EndpointInput, source: Source, contextTls?: ContextTls): Parsed {
  const written = address.trim();
  const at = written.indexOf('://');
  const scheme = at < 0 ? 'tcp' : written.slice(0, at).toLowerCase();
  const rest = at < 0 ? written : written.slice(at + 3);
  switch (scheme) {
    case 'unix':
      if (!rest.startsWith('/')) {
        return { ok: false, message: `"${written}" needs an absolute socket path, like unix:///var/run/docker.sock.` };
      }
      return { ok: true, candidate: unixCandidate(rest, source) };
    case 'npipe':
      if (!/^\/\/[.?]\/pipe\/[^/\\]+$/.test(rest)) {
        return {
          ok: false,
          message: `"${written}" is not a named pipe; write it like npipe:////./pipe/docker_engine.`,
        };
      }
      return { ok: true, candidate: pipeCandidate(rest, source) };
    case 'tcp':
      return parseTcp(rest, input, source, written, contextTls);
    case 'ssh':
      return parseSsh(rest, source, written);
    default:
      return {
        ok: false,
        message: `"${written}" uses ${scheme}://, which Berth cannot use; use unix://, tcp://, ssh:// or npipe://.`,
      };
  }
}

function platformDefaults(input: EndpointInput): Candidates {
  if (input.platform === 'win32') {
    return [
      pipeCandidate(DEFAULT_PIPE, 'default'),
      pipeCandidate(DESKTOP_PIPE, 'docker-desktop'),
      pipeCandidate(PODMAN_PIPE, 'podman'),
    ];
  }
  const list: [EndpointCandidate, ...EndpointCandidate[]] = [
    unixCandidate('/var/run/docker.sock', 'default'),
    unixCandidate(path.posix.join(input.homedir, '.docker', 'run', 'docker.sock'), 'docker-desktop'),
  ];
  const runtimeDir = input.env.XDG_RUNTIME_DIR;
  // Podman's rootless socket lives in the user's runtime dir on Linux; on macOS the machine's socket path varies.
  if (input.platform === 'linux' && runtimeDir) {
    list.push(unixCandidate(path.posix.join(runtimeDir, 'podman', 'podman.sock'), 'podman'));
  }
  return list;
}

const kindOf = (written: string): EndpointInfo['kind'] =>
  written.startsWith('unix://')
    ? 'unix'
    : written.startsWith('npipe://')
      ? 'npipe'
      : written.startsWith('ssh://')
        ? 'ssh'
        : 'tcp';

function badEndpoint(written: string, source: Source, message: string, context?: string): EndpointResolution {
  return {
    ok: false,
    reason: 'bad-endpoint',
    endpoint: { kind: kindOf(written), address: written, source, ...(context !== undefined ? { context } : {}) },
    message,
  };
}

/** One Docker context's endpoint, with the TLS material from the context store. */
export function resolveContext(name: string, input: EndpointInput): EndpointResolution {
  const context = input.contexts?.contexts.find((c) => c.name === name);
  if (context === undefined) {
    const where = input.contexts?.configDir ?? 'the docker config folder';
    return badEndpoint(name, 'context', `The Docker context "${name}" does not exist in ${where}.`, name);
  }
  if (context.error !== undefined) {
    return badEndpoint(
      context.host || name,
      'context',
      `The Docker context "${name}" is not usable: ${context.error}`,
      name,
    );
  }
  const parsed = parseEndpoint(context.host, input, 'context', context.tls);
  if (!parsed.ok) {
    return badEndpoint(context.host, 'context', `The Docker context "${name}" is not usable: ${parsed.message}`, name);
  }
  const candidate = parsed.candidate;
  return { ok: true, candidates: [{ ...candidate, endpoint: { ...candidate.endpoint, context: name } }] };
}

/**
 * The engines to try, in the CLI's order: an address or a context chosen in Berth's settings, then DOCKER_HOST,
 * then DOCKER_CONTEXT or config.json's current context, then the usual sockets.
 */
export function resolveEndpoints(input: EndpointInput): EndpointResolution {
  const override = input.override?.trim() ?? '';
  const chosenContext = input.contextName?.trim() ?? '';
  const dockerHost = input.env.DOCKER_HOST?.trim() ?? '';
  const explicit: [string, Source] | null =
    override !== ''
      ? [override, 'settings']
      : chosenContext === '' && dockerHost !== ''
        ? [dockerHost, 'DOCKER_HOST']
        : null;
  if (explicit) {
    const [address, source] = explicit;
    const chosenTls =
      source === 'settings' && input.overrideTls ? { ...input.overrideTls, skipVerify: false } : undefined;
    const parsed = parseEndpoint(address, input, source, chosenTls);
    if (parsed.ok) return { ok: true, candidates: [parsed.candidate] };
    const where = source === 'settings' ? 'The engine address in the settings' : 'DOCKER_HOST';
    return badEndpoint(address.trim(), source, `${where} is not usable: ${parsed.message}`);
  }
  if (chosenContext !== '' && chosenContext !== DEFAULT_CONTEXT) return resolveContext(chosenContext, input);
  if (chosenContext === DEFAULT_CONTEXT && dockerHost !== '') {
    const parsed = parseEndpoint(dockerHost, input, 'DOCKER_HOST');
    if (parsed.ok) return { ok: true, candidates: [parsed.candidate] };
    return badEndpoint(dockerHost, 'DOCKER_HOST', `DOCKER_HOST is not usable: ${parsed.message}`);
  }
  const current = chosenContext === '' ? input.contexts?.current : undefined;
  if (current !== undefined && current !== DEFAULT_CONTEXT) return resolveContext(current, input);
  return { ok: true, candidates: platformDefaults(input) };
}

/**
 * Which engine endpoints Berth tries, in order. Pure: everything it reads comes in as arguments, so every
 * platform and environment can be tested from any machine. Certificates are named here, read at connect time.
 */
import path from 'node:path';
import type Dockerode from 'dockerode';
import type { EndpointInfo } from '../../../shared/dto/engine';

export interface EndpointInput {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly platform: NodeJS.Platform;
  readonly homedir: string;
  /** An address from the settings; like DOCKER_HOST it is then the only endpoint tried. */
  readonly override?: string | undefined;
}

export interface TlsFiles {
  readonly ca: string;
  readonly cert: string;
  readonly key: string;
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

function parseTcp(rest: string, input: EndpointInput, source: Source, written: string): Parsed {
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
  const tls = tlsVerify(input.env);
  const port = url.port === '' ? (tls ? 2376 : 2375) : Number(url.port);
  const host = url.hostname;
  // The address keeps IPv6 brackets; the HTTP client wants the bare address.
  const bareHost = host.replace(/^\[(.*)\]$/, '$1');
  const paths = input.platform === 'win32' ? path.win32 : path.posix;
  const certDir = input.env.DOCKER_CERT_PATH || paths.join(input.homedir, '.docker');
  const candidate: EndpointCandidate = {
    endpoint: { kind: 'tcp', address: `tcp://${host}:${port}`, source },
    options: { socketPath: undefined, host: bareHost, port, protocol: tls ? 'https' : 'http', ...NO_TLS },
    ...(tls
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
export function parseEndpoint(address: string, input: EndpointInput, source: Source): Parsed {
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
      return parseTcp(rest, input, source, written);
    default:
      return {
        ok: false,
        message: `"${written}" uses ${scheme}://, which Berth cannot use; use unix://, tcp:// or npipe://.`,
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

export function resolveEndpoints(input: EndpointInput): EndpointResolution {
  const explicit: [string, Source] | null =
    input.override && input.override.trim() !== ''
      ? [input.override, 'settings']
      : input.env.DOCKER_HOST && input.env.DOCKER_HOST.trim() !== ''
        ? [input.env.DOCKER_HOST, 'DOCKER_HOST']
        : null;
  if (explicit) {
    const [address, source] = explicit;
    const parsed = parseEndpoint(address, input, source);
    if (parsed.ok) return { ok: true, candidates: [parsed.candidate] };
    const written = address.trim();
    const kind = written.startsWith('unix://') ? 'unix' : written.startsWith('npipe://') ? 'npipe' : 'tcp';
    const where = source === 'settings' ? 'The engine address in the settings' : 'DOCKER_HOST';
    return {
      ok: false,
      reason: 'bad-endpoint',
      endpoint: { kind, address: written, source },
      message: `${where} is not usable: ${parsed.message}`,
    };
  }
  return { ok: true, candidates: platformDefaults(input) };
}

/**
 * The engines a user can switch to: "automatic" (the CLI's own choice), every Docker context, the Docker Desktop
 * and Podman sockets found on this machine, and a custom address from the settings. Also where the address a
 * choice stands for is worked out, and whether it is plain tcp to another host.
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import type { EngineChoice } from '../../../shared/dto/engine';
import type { Settings } from '../../../shared/dto/settings';
import { readContextStore, type ContextStore } from './contexts';
import { defaultHost, resolveEndpoints, type EndpointInput, type EndpointResolution } from './endpoint';

/** What the machine looks like to the backend: the environment, the platform, the home folder. */
export interface Machine {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly platform: NodeJS.Platform;
  readonly homedir: string;
  /** Whether a socket path exists; tests pass their own. */
  readonly exists?: (path: string) => boolean;
}

export const thisMachine = (env: NodeJS.ProcessEnv = process.env): Machine => ({
  env,
  platform: process.platform,
  homedir: os.homedir(),
});

export const contextsOf = (machine: Machine): ContextStore =>
  readContextStore({ ...machine, defaultHost: defaultHost(machine) });

/** The endpoints to try for these settings on this machine (reads the CLI's context store). */
export function resolveFor(
  machine: Machine,
  choice: Pick<Settings, 'engineEndpoint' | 'engineContext'> & Partial<Pick<Settings, 'engineTls'>>,
): EndpointResolution {
  const input: EndpointInput = {
    env: machine.env,
    platform: machine.platform,
    homedir: machine.homedir,
    override: choice.engineEndpoint ?? undefined,
    overrideTls: choice.engineEndpoint !== null ? (choice.engineTls ?? undefined) : undefined,
    contextName: choice.engineContext ?? undefined,
    contexts: contextsOf(machine),
  };
  return resolveEndpoints(input);
}

const SOCKET_NAMES = {
  default: 'Docker Engine',
  'docker-desktop': 'Docker Desktop',
  podman: 'Podman',
} as const;

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[?::1\]?)$/i;

/** Plain tcp:// (no TLS) to a host other than this one: unencrypted, to an engine that is root there. */
export function isPlainRemoteTcp(address: string, tls: boolean): boolean {
  if (tls) return false;
  const match = /^(?:tcp:\/\/)?([^/]+)$/.exec(address.trim());
  if (!address.trim().startsWith('tcp://') && address.includes('://')) return false;
  if (!match?.[1]) return false;
  const host = match[1].replace(/:\d+$/, '').replace(/^\[(.*)\]$/, '$1');
  return !LOOPBACK.test(host) && host !== '::1';
}

/** Sockets found on this machine, in the order Berth would try them, with Podman's rootful socket last. */
function foundSockets(machine: Machine): readonly { address: string; name: string }[] {
  const resolution = resolveEndpoints({ env: {}, platform: machine.platform, homedir: machine.homedir });
  const podmanRuntime = machine.env.XDG_RUNTIME_DIR;
  const candidates = resolution.ok ? [...resolution.candidates] : [];
  const list: { address: string; name: string }[] = [];
  const exists = machine.exists ?? existsSync;
  for (const c of candidates) {
    const source = c.endpoint.source;
    if (source !== 'default' && source !== 'docker-desktop' && source !== 'podman') continue;
    const path = c.endpoint.address.replace(/^(unix|npipe):\/\//, '');
    if (c.endpoint.kind === 'unix' && !exists(path)) continue;
    list.push({ address: c.endpoint.address, name: SOCKET_NAMES[source] });
  }
  if (machine.platform === 'linux') {
    for (const p of ['/run/podman/podman.sock', podmanRuntime ? `${podmanRuntime}/podman/podman.sock` : '']) {
      if (p !== '' && exists(p) && !list.some((s) => s.address === `unix://${p}`)) {
        list.push({ address: `unix://${p}`, name: 'Podman' });
      }
    }
  }
  return list;
}

/** Every choice, with the one Berth uses now marked active and the CLI's current context marked. */
export function engineChoices(machine: Machine, settings: Settings): readonly EngineChoice[] {
  const store = contextsOf(machine);
  const auto = resolveFor(machine, { engineEndpoint: null, engineContext: null });
  const autoAddress = auto.ok
    ? auto.candidates.length === 1
      ? auto.candidates[0].endpoint.address
      : auto.candidates.map((c) => c.endpoint.address).join(', ')
    : auto.endpoint.address;
  const choices: EngineChoice[] = [
    {
      id: 'auto',
      kind: 'auto',
      name: 'Automatic',
      description: 'Like the docker CLI: DOCKER_HOST, then the current context, then the usual sockets',
      address: autoAddress,
      cliCurrent: false,
      active: settings.engineEndpoint === null && settings.engineContext === null,
      encrypted: auto.ok && auto.candidates.every((c) => c.tls !== undefined || c.ssh !== undefined),
    },
  ];
  for (const c of store.contexts) {
    choices.push({
      id: `context:${c.name}`,
      kind: 'context',
      name: c.name,
      description: c.description,
      address: c.host,
      cliCurrent: c.name === store.current,
      active: settings.engineEndpoint === null && settings.engineContext === c.name,
      encrypted: c.tls !== undefined || c.host.startsWith('ssh://'),
      ...(c.error !== undefined ? { error: c.error } : {}),
    });
  }
  for (const s of foundSockets(machine)) {
    choices.push({
      id: `socket:${s.address}`,
      kind: 'socket',
      name: s.name,
      description: 'A socket found on this computer',
      address: s.address,
      cliCurrent: false,
      active: settings.engineEndpoint === s.address,
      encrypted: false,
    });
  }
  const custom = settings.engineEndpoint;
  if (custom !== null && !choices.some((c) => c.kind === 'socket' && c.address === custom)) {
    choices.push({
      id: 'custom',
      kind: 'custom',
      name: 'Custom address',
      description: 'Set in Berth',
      address: custom,
      cliCurrent: false,
      active: true,
      encrypted: custom.startsWith('ssh://') || (custom.startsWith('tcp://') && settings.engineTls !== null),
    });
  }
  return choices;
}

/**
 * Registry names the way the docker CLI normalises them (distribution/reference's splitDockerDomain, the engine's
 * normalizeIndexName and the CLI's ResolveAuthConfig), so Berth finds the same credential `docker login` stored and
 * stores one the CLI finds. Pure.
 */
import { parseReference } from './image-reference';

/** The key Docker Hub's credential has in config.json and credential helpers, as the CLI writes it. */
export const DOCKER_HUB_KEY = 'https://index.docker.io/v1/';
/** Docker Hub as the engine names it. */
export const DOCKER_HUB = 'docker.io';

const HUB_ALIASES = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);
const HOST =
  /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]{1,5})?$/;

export interface RegistryOfImage {
  /** `docker.io` for Docker Hub, else the host with its port as written (`localhost:5000`, `10.0.0.2:5000`). */
  readonly registry: string;
  /** Where the credential lives: DOCKER_HUB_KEY for Docker Hub, else the host. */
  readonly key: string;
  /** The repository inside the registry: `library/busybox`, `team/app`. */
  readonly remote: string;
}

/** The CLI's ConvertToHostname: `https://host:5000/v2/` -> `host:5000`. */
export function hostnameOf(address: string): string {
  const bare = address.trim().replace(/^https?:\/\//i, '');
  return bare.split('/')[0] ?? '';
}

/** The credential key for a registry host: Docker Hub's aliases become DOCKER_HUB_KEY, others stay as they are. */
export const keyOfHost = (host: string): string => (HUB_ALIASES.has(host.toLowerCase()) ? DOCKER_HUB_KEY : host);

/** The registry an image reference lives in; null when it is not a valid reference. */
export function registryOfImage(reference: string): RegistryOfImage | null {
  const text = reference.trim();
  if (!parseReference(text).ok) return null;
  const name = text.split('@')[0] ?? text;
  const slash = name.indexOf('/');
  const first = slash < 0 ? '' : name.slice(0, slash);
  // As splitDockerDomain: the first part is a registry when it has a dot or a port, is localhost, or has capitals.
  const isHost = slash >= 0 && (/[.:]/.test(first) || first === 'localhost' || first.toLowerCase() !== first);
  const host = isHost ? first : DOCKER_HUB;
  let remote = isHost ? name.slice(slash + 1) : name;
  const colon = remote.lastIndexOf(':');
  if (colon > remote.lastIndexOf('/')) remote = remote.slice(0, colon);
  const key = keyOfHost(host);
  if (key === DOCKER_HUB_KEY && !remote.includes('/')) remote = `library/${remote}`;
  return { registry: key === DOCKER_HUB_KEY ? DOCKER_HUB : host, key, remote };
}

export type ServerCheck =
  | { readonly ok: true; readonly key: string; readonly registry: string }
  | { readonly ok: false; readonly message: string };

/**
 * What the user typed as a registry to log in to or out of, as `docker login SERVER` reads it: empty or any Docker
 * Hub alias (with or without https:// and /v1/) means Docker Hub; anything else is its host[:port].
 */
export function checkServer(input: string): ServerCheck {
  const text = input.trim();
  if (text === '') return { ok: true, key: DOCKER_HUB_KEY, registry: DOCKER_HUB };
  if (/\s/.test(text)) return { ok: false, message: 'A registry address cannot contain spaces.' };
  const host = hostnameOf(text);
  if (host === '' || !HOST.test(host)) {
    return {
      ok: false,
      message: `"${text}" is not a registry address; write it as host or host:port, like localhost:5000.`,
    };
  }
  const key = keyOfHost(host);
  return { ok: true, key, registry: key === DOCKER_HUB_KEY ? DOCKER_HUB : host };
}

/** How a credential key reads on screen: `docker.io` for Docker Hub, else its host. */
export const registryLabel = (key: string): string => (key === DOCKER_HUB_KEY ? DOCKER_HUB : hostnameOf(key));

/**
 * The engine's error texts, turned into a sentence of Berth's own with the next step. Each entry was produced by
 * a real engine (see electron/backend/engine/engine-errors.int.test.ts); the engine's words are kept beside the
 * sentence as `details.engine`, never in place of it. Pure: main uses it in the one error mapping.
 */
import type { ErrorCode } from './result';

/** What the user can do next; the renderer offers a button where it has one. */
export type NextStep =
  | { readonly kind: 'login'; readonly registry: string }
  | { readonly kind: 'open-container'; readonly container: string }
  | { readonly kind: 'free-space' }
  | { readonly kind: 'pull'; readonly image: string };

export interface EngineErrorExplanation {
  readonly code: ErrorCode;
  readonly message: string;
  readonly next?: NextStep;
}

interface Entry {
  /** A name for tests and for the details of a reported error. */
  readonly id: string;
  readonly pattern: RegExp;
  /** `registry`: the one the action was for when the caller knows it, else the one the engine's words name. */
  readonly explain: (match: RegExpExecArray, raw: string, registry: string) => EngineErrorExplanation;
}

const short = (id: string) => (/^[0-9a-f]{64}$/.test(id) ? id.slice(0, 12) : id);

/** The registry host named in a message such as `Head "https://HOST/v2/...": ...`, else Docker Hub. */
export function registryOf(raw: string): string {
  const url = /"https?:\/\/([^/"]+)\//.exec(raw);
  if (url?.[1] !== undefined) return url[1] === 'registry-1.docker.io' ? 'docker.io' : url[1];
  const named = /(?:for|repository|push to|to) ([a-z0-9.-]+(?::\d+)?)\//i.exec(raw);
  return named?.[1] !== undefined && /[.:]|^localhost$/.test(named[1]) ? named[1] : 'docker.io';
}

const login = (registry: string, what: string): EngineErrorExplanation => {
  return {
    code: 'PERMISSION_DENIED',
    message: `The registry ${registry} ${what}. Log in to ${registry}, then try again.`,
    next: { kind: 'login', registry },
  };
};

/** Checked in this order; the first match wins. */
export const ENGINE_ERRORS: readonly Entry[] = [
  {
    id: 'pull-access-denied',
    pattern: /pull access denied for ([^,\s]+), repository does not exist or may require 'docker login'/i,
    explain: (m, _raw, registry) => ({
      code: 'NOT_FOUND',
      message: `The image ${m[1] ?? ''} does not exist, or its registry wants you to log in first. Check the name; if it is private, log in to ${registry}.`,
      next: { kind: 'login', registry },
    }),
  },
  {
    id: 'registry-auth',
    pattern:
      /no basic auth credentials|unauthorized: authentication required|unauthorized: incorrect username or password|denied: requested access to the resource is denied|\bunauthorized\b/i,
    explain: (_m, _raw, registry) =>
      login(registry, 'refused Berth because you are not logged in, or not allowed to use this image'),
  },
  {
    // A loopback registry is insecure by default: refused over HTTPS, the engine retries in plain HTTP and gets this.
    id: 'registry-https-refused',
    pattern: /Client sent an HTTP request to an HTTPS server/i,
    explain: (_m, _raw, registry) =>
      login(registry, 'speaks only HTTPS and refused the engine there, most likely because you are not logged in'),
  },
  {
    id: 'manifest-unknown',
    pattern: /manifest unknown|manifest for (\S+) not found/i,
    explain: (m) => ({
      code: 'NOT_FOUND',
      message: `The registry has no image ${m[1] !== undefined ? `${m[1]} ` : ''}with that tag. Check the name and the tag.`,
    }),
  },
  {
    id: 'registry-unreachable',
    pattern:
      /(?:Get|Head|Post|Put|Patch) "https?:\/\/([^/"]+)\/v2\/[^"]*": (?:dial tcp.*(?:no such host|connection refused|i\/o timeout)|net\/http: request canceled|context deadline exceeded)/i,
    explain: (m) => ({
      code: 'ENGINE_ERROR',
      message: `The engine could not reach the registry ${m[1] ?? ''}: it is not answering or its name is unknown. Check the address and the engine's network.`,
    }),
  },
  {
    id: 'registry-plain-http',
    pattern: /server gave HTTP response to HTTPS client/i,
    explain: (_m, raw) => ({
      code: 'ENGINE_ERROR',
      message: `The registry ${registryOf(raw)} speaks plain HTTP, and the engine only trusts HTTPS registries. Add it to the engine's insecure-registries, or give it a TLS certificate.`,
    }),
  },
  {
    id: 'registry-certificate',
    pattern: /x509: |certificate signed by unknown authority|certificate is not valid/i,
    explain: (_m, raw) => ({
      code: 'ENGINE_ERROR',
      message: `The engine does not trust the TLS certificate of ${registryOf(raw)}. Put its CA certificate in /etc/docker/certs.d/${registryOf(raw)}/ca.crt on the engine's host.`,
    }),
  },
  {
    id: 'name-in-use',
    // Docker: `... by container "<id>"` (409); Podman: `... by <id>. You have to remove ...` (500).
    pattern: /the container name "\/?([^"]+)" is already in use by (?:container )?"?([0-9a-f]+)"?/i,
    explain: (m) => ({
      code: 'CONFLICT',
      message: `Another container is already called ${m[1] ?? ''}. Choose another name, or remove or rename that container first.`,
      next: { kind: 'open-container', container: m[2] ?? '' },
    }),
  },
  {
    id: 'port-allocated',
    pattern:
      /Bind for ([^ ]+?):(\d+) failed: port is already allocated|listen (?:tcp|udp)[46]? ([^ ]+?):(\d+): bind: address already in use/,
    explain: (m) => ({
      code: 'CONFLICT',
      message: `Host port ${m[2] ?? m[4] ?? ''} is already taken, by another container or another program. Choose another host port, or stop what uses it.`,
    }),
  },
  {
    id: 'no-space',
    pattern: /no space left on device/i,
    explain: () => ({
      code: 'ENGINE_ERROR',
      message:
        'The disk the engine writes to is full. Free space by removing images, containers, volumes or build cache you no longer need.',
      next: { kind: 'free-space' },
    }),
  },
  {
    id: 'image-in-use',
    pattern:
      /unable to (?:delete|remove) (?:repository reference "([^"]+)"|([0-9a-f]+)) \(must (?:be )?force(?:d)?\) - (?:container ([0-9a-f]+) is using its referenced image|image is being used by (?:stopped|running) container ([0-9a-f]+))/,
    explain: (m) => ({
      code: 'CONFLICT',
      message: `Container ${short(m[3] ?? m[4] ?? '')} still uses ${m[1] ?? `image ${short(m[2] ?? '')}`}. Remove that container first, or remove the image by force.`,
      next: { kind: 'open-container', container: m[3] ?? m[4] ?? '' },
    }),
  },
  {
    id: 'image-has-children',
    pattern: /image has dependent child images/i,
    explain: () => ({
      code: 'CONFLICT',
      message: 'Other images are built on this one. Remove them first; their layers need it.',
    }),
  },
  {
    id: 'running-container-remove',
    pattern: /You cannot remove a running container ([0-9a-f]+)/,
    explain: (m) => ({
      code: 'CONFLICT',
      message: `Container ${short(m[1] ?? '')} is running. Stop it first, or remove it by force (which kills it).`,
    }),
  },
  {
    id: 'not-running',
    pattern: /Container ([0-9a-f]+) is not running/,
    explain: (m) => ({
      code: 'CONFLICT',
      message: `Container ${short(m[1] ?? '')} is not running. Start it first.`,
    }),
  },
  {
    id: 'is-paused',
    pattern: /Container ([0-9a-f]+) is paused/,
    explain: (m) => ({
      code: 'CONFLICT',
      message: `Container ${short(m[1] ?? '')} is paused. Resume it first.`,
    }),
  },
  {
    id: 'not-paused',
    pattern: /Container ([0-9a-f]+) is not paused/,
    explain: (m) => ({
      code: 'CONFLICT',
      message: `Container ${short(m[1] ?? '')} is not paused, so there is nothing to resume.`,
    }),
  },
  {
    id: 'no-such-image',
    pattern: /No such image: (\S+)/,
    explain: (m) => ({
      code: 'NOT_FOUND',
      message: `There is no image ${m[1] ?? ''} on this engine. Pull it or build it first.`,
      next: { kind: 'pull', image: m[1] ?? '' },
    }),
  },
  {
    id: 'no-such-container',
    pattern: /No such container: (\S+)/,
    explain: (m) => ({
      code: 'NOT_FOUND',
      message: `There is no container ${m[1] ?? ''} on this engine; it may have been removed.`,
    }),
  },
  {
    id: 'volume-in-use',
    pattern: /remove ([^:]+): volume is in use - \[([^\]]*)\]/,
    explain: (m) => ({
      code: 'CONFLICT',
      message: `Volume ${m[1] ?? ''} is used by ${(m[2] ?? '').split(/,\s*/).map(short).join(', ')}. Remove those containers first; the volume keeps its data until then.`,
      next: { kind: 'open-container', container: (m[2] ?? '').split(/,\s*/)[0] ?? '' },
    }),
  },
  {
    id: 'network-active-endpoints',
    pattern: /network (\S+) id [0-9a-f]+ has active endpoints/,
    explain: (m) => ({
      code: 'CONFLICT',
      message: `Containers are still connected to network ${m[1] ?? ''}. Disconnect or remove them first.`,
    }),
  },
  {
    id: 'network-predefined',
    pattern: /(\S+) is a pre-defined network and cannot be removed/,
    explain: (m) => ({
      code: 'CONFLICT',
      message: `The network ${m[1] ?? ''} is one of the engine's own networks; it cannot be removed.`,
    }),
  },
  {
    id: 'subnet-overlap',
    pattern: /Pool overlaps with other one on this address space/i,
    explain: () => ({
      code: 'CONFLICT',
      message: 'That subnet overlaps a subnet another network already uses. Choose a range no other network covers.',
    }),
  },
  {
    id: 'name-exists',
    pattern: /(network|volume) with name (\S+) already exists/i,
    explain: (m) => ({
      code: 'CONFLICT',
      message: `A ${(m[1] ?? '').toLowerCase()} called ${m[2] ?? ''} already exists. Choose another name.`,
    }),
  },
  {
    id: 'invalid-reference',
    pattern: /invalid reference format/i,
    explain: () => ({
      code: 'INVALID_INPUT',
      message:
        'That is not a valid image name. Use lower-case letters, digits, ".", "_" and "-", with an optional registry, path and :tag.',
    }),
  },
  {
    id: 'executable-not-found',
    pattern: /exec: "([^"]+)": executable file not found in \$PATH/,
    explain: (m) => ({
      code: 'INVALID_INPUT',
      message: `The image has no program called ${m[1] ?? ''}. Check the command, or use a full path to a program that exists in the image.`,
    }),
  },
  {
    id: 'invalid-name',
    pattern: /Invalid container name \(([^)]*)\)|"([^"]*)" includes invalid characters for a local volume name/,
    explain: (m) => ({
      code: 'INVALID_INPUT',
      message: `The name “${m[1] ?? m[2] ?? ''}” is not valid: a name must be at least two characters, start with a letter or digit, and use only letters, digits, ".", "_" and "-".`,
    }),
  },
  {
    id: 'dockerfile-parse',
    pattern: /dockerfile parse error (?:on )?line (\d+): (.+)/i,
    explain: (m) => ({
      code: 'INVALID_INPUT',
      message: `The Dockerfile has a mistake on line ${m[1] ?? '?'}: ${(m[2] ?? '').trim().replace(/[.\s]+$/, '')}. Fix that line, then build again.`,
    }),
  },
  {
    id: 'permission-denied',
    pattern: /permission denied/i,
    explain: () => ({
      code: 'PERMISSION_DENIED',
      message: 'The engine was not allowed to do this on its host (permission denied).',
    }),
  },
];

/** Berth's sentence for an engine status when no entry knows the text: said first, before the engine's words. */
function byStatus(status: number | undefined): EngineErrorExplanation {
  if (status === 400) return { code: 'INVALID_INPUT', message: 'The engine refused the request as invalid.' };
  if (status === 401 || status === 403)
    return { code: 'PERMISSION_DENIED', message: 'The engine refused the request.' };
  if (status === 404) return { code: 'NOT_FOUND', message: 'The engine has no such object.' };
  if (status === 409)
    return { code: 'CONFLICT', message: 'The request conflicts with the current state of the engine.' };
  if (status !== undefined && status >= 500)
    return { code: 'ENGINE_ERROR', message: `The engine failed (HTTP ${status}).` };
  if (status !== undefined) return { code: 'ENGINE_ERROR', message: `The engine answered HTTP ${status}.` };
  return { code: 'ENGINE_ERROR', message: 'The engine reported an error.' };
}

/** The first line of the engine's words, trimmed and bounded, as a quoted tail after Berth's sentence. */
const quoted = (raw: string) => {
  const line = (raw.split('\n')[0] ?? '').trim().slice(0, 300);
  return line === '' ? '' : ` The engine said: “${line.replace(/[.\s]+$/, '')}”.`;
};

/**
 * The engine's text (and HTTP status, when there was one) as Berth's words. A known text gets its table sentence;
 * anything else gets a sentence for its status with the engine's words after it, never the engine's words alone.
 */
export function explainEngineError(
  raw: string,
  status?: number,
  registry?: string,
): EngineErrorExplanation & { readonly entry: string | null } {
  for (const entry of ENGINE_ERRORS) {
    const match = entry.pattern.exec(raw);
    if (match !== null) return { ...entry.explain(match, raw, registry ?? registryOf(raw)), entry: entry.id };
  }
  const fallback = byStatus(status);
  return { ...fallback, message: fallback.message + quoted(raw), entry: null };
}

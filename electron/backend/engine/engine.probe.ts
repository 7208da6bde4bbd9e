/**
 * One connection attempt against one endpoint: build a client, ping it with a deadline, read version and info.
 * Every failure comes back as a reason and a sentence, never as a throw.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import Dockerode from 'dockerode';
import type { EndpointInfo, EngineSummary, UnreachableReason } from '../../../shared/dto/engine';
import type { EndpointCandidate } from './endpoint';
import { negotiateApiVersion } from './api-version';
import { classifyUnreachable } from './errors';
import { sshAgent, type SshOptions } from './ssh';
import { engineSeconds, toEngineSummary, type RawInfo, type RawVersion } from './engine.mapper';

export interface Failure {
  readonly endpoint: EndpointInfo;
  readonly reason: UnreachableReason;
  readonly message: string;
}

export type ProbeResult =
  | {
      readonly ok: true;
      readonly client: Dockerode;
      readonly engine: EngineSummary;
      /** Engine time of the answer, epoch seconds: events from then on belong to this connection. */
      readonly since: number;
    }
  | ({ readonly ok: false } & Failure);

/** dockerode takes an abort signal on these calls; its type declarations do not say so. */
interface AbortableCalls {
  ping(options: { abortSignal: AbortSignal }): Promise<unknown>;
  version(options: { abortSignal: AbortSignal }): Promise<RawVersion>;
  info(options: { abortSignal: AbortSignal }): Promise<RawInfo>;
}

export const abortable = (client: Dockerode): AbortableCalls => client;

/** `fresh`: every request on its own new connection (no keep-alive), as the liveness ping needs. */
export type ClientFactory = (candidate: EndpointCandidate, options?: { readonly fresh?: boolean }) => Dockerode;

const read = (file: string | undefined) => (file === undefined ? undefined : readFileSync(file));

/** A client factory; `ssh` tunes how ssh:// engines are dialled (tests give ssh their own config). */
export const makeClientFactory =
  (ssh: SshOptions = {}): ClientFactory =>
  (candidate, options = {}) => {
    if (candidate.ssh) {
      const agent = { agent: sshAgent(candidate.ssh, candidate.endpoint.address, ssh) };
      return new Dockerode({ ...candidate.options, ...agent });
    }
    const files = candidate.tls;
    const tls = files
      ? {
          ca: read(files.ca),
          cert: read(files.cert),
          key: read(files.key),
          ...(files.skipVerify ? { checkServerIdentity: () => undefined, rejectUnauthorized: false } : {}),
        }
      : {};
    const agentOptions = files?.skipVerify ? { keepAlive: false, rejectUnauthorized: false } : { keepAlive: false };
    const agent =
      options.fresh || files?.skipVerify
        ? {
            agent: files
              ? new https.Agent({ ...agentOptions, keepAlive: !options.fresh })
              : new http.Agent(agentOptions),
          }
        : {};
    return new Dockerode({ ...candidate.options, ...tls, ...agent });
  };

export const createDockerClient: ClientFactory = makeClientFactory();

/** Runs `work` with a signal that aborts after `ms` or when `parent` aborts, and leaves no timer behind. */
export async function withDeadline<T>(
  ms: number,
  parent: AbortSignal,
  work: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new DOMException('The engine did not answer in time.', 'TimeoutError')),
    ms,
  );
  const onParent = () => controller.abort(parent.reason);
  parent.addEventListener('abort', onParent, { once: true });
  try {
    return await work(controller.signal);
  } finally {
    clearTimeout(timer);
    parent.removeEventListener('abort', onParent);
  }
}

/**
 * How long an engine that answered /_ping gets for /version and /info. Podman's /version runs its runtime and
 * conmon with --version and takes seconds on a busy machine; a fast ping already showed the engine is there.
 */
export const ANSWER_MS = 20_000;

export async function probeEndpoint(
  candidate: EndpointCandidate,
  createClient: ClientFactory,
  timeoutMs: number,
  parent: AbortSignal,
  answerMs = Math.max(timeoutMs, ANSWER_MS),
): Promise<ProbeResult> {
  const { endpoint } = candidate;
  let client: Dockerode;
  try {
    client = createClient(candidate);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    const what = candidate.tls ? 'read the TLS certificates for' : 'set up a client for';
    return {
      ok: false,
      endpoint,
      reason: 'bad-endpoint',
      message: `Berth could not ${what} ${endpoint.address}: ${why}.`,
    };
  }
  try {
    const calls = abortable(client);
    await withDeadline(timeoutMs, parent, (abortSignal) => calls.ping({ abortSignal }));
    const { version, info } = await withDeadline(answerMs, parent, async (abortSignal) => {
      const [version, info] = await Promise.all([calls.version({ abortSignal }), calls.info({ abortSignal })]);
      return { version, info };
    });
    if (typeof version?.ApiVersion !== 'string' || version.ApiVersion === '') {
      return {
        ok: false,
        endpoint,
        reason: 'not-an-engine',
        message: `${endpoint.address} answered, but not like a Docker Engine (no API version).`,
      };
    }
    // Like the CLI: from now on every request names the negotiated version in its path.
    const clientApiVersion = negotiateApiVersion(version.ApiVersion);
    (client as unknown as { modem: { version?: string } }).modem.version = `v${clientApiVersion}`;
    return {
      ok: true,
      client,
      engine: { ...toEngineSummary(version, info ?? {}), clientApiVersion },
      since: engineSeconds(info ?? {}, Date.now()),
    };
  } catch (e) {
    return { ok: false, endpoint, ...classifyUnreachable(e, endpoint.address, candidate.tls !== undefined) };
  }
}

// Which failure to show when every candidate failed: one that says something beats "no socket here".
const TELLING: readonly UnreachableReason[] = [
  'permission-denied',
  'not-an-engine',
  'timeout',
  'refused',
  'bad-endpoint',
  'unknown',
  'socket-missing',
];

export function mostTelling(failures: readonly [Failure, ...Failure[]]): Failure {
  let best = failures[0];
  for (const f of failures) if (TELLING.indexOf(f.reason) < TELLING.indexOf(best.reason)) best = f;
  return best;
}

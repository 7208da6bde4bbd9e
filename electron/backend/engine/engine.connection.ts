/**
 * The one engine connection of the backend (in Electron main, or in the bridge's Node process). It finds an engine
 * among the candidate endpoints, reports its state as a stream of EngineStatus, notices at once when the engine goes
 * away (its event stream ends), reconnects with backoff, and fans the engine's events out as invalidation signals.
 * No polling loop.
 */
import type Dockerode from 'dockerode';
import type { EngineEvent, EngineStatus, EngineSummary } from '../../../shared/dto/engine';
import { BerthFailure } from '../../../shared/result';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from './backoff';
import type { EndpointCandidate, EndpointResolution } from './endpoint';
import { changesCounts, withCounts } from './engine.mapper';
import { subscribeEvents, type EventSubscription } from './engine.events';
import {
  abortable,
  createDockerClient,
  mostTelling,
  probeEndpoint,
  withDeadline,
  type ClientFactory,
  type Failure,
} from './engine.probe';
import { classifyUnreachable } from './errors';

export interface EngineConnectionOptions {
  /** How long one endpoint may take to answer ping, version and info. */
  readonly timeoutMs?: number;
  readonly backoff?: BackoffOptions;
  /** Container and image events within this window share one /info refresh of the counts. */
  readonly countsDelayMs?: number;
  readonly createClient?: ClientFactory;
}

type Listener<T> = (value: T) => void;

function notify<T>(listeners: Set<Listener<T>>, value: T): void {
  for (const listener of [...listeners]) {
    try {
      listener(value);
    } catch {
      // One broken subscriber must not keep the others from hearing about the engine.
    }
  }
}

/** 'connecting' to the first candidate, or 'unreachable' for an address that cannot be used at all. */
function initialStatus(resolution: EndpointResolution): EngineStatus {
  return resolution.ok
    ? { state: 'connecting', endpoint: resolution.candidates[0].endpoint, attempt: 0 }
    : {
        state: 'unreachable',
        endpoint: resolution.endpoint,
        reason: resolution.reason,
        message: resolution.message,
        tried: [{ endpoint: resolution.endpoint, reason: resolution.reason, message: resolution.message }],
        attempt: 0,
        // A malformed address does not heal by itself; nothing is retried until it is changed.
        nextRetryAt: null,
      };
}

/**
 * While connected, the engine is pinged this often on a new connection. An engine shutting down refuses new
 * connections at once but keeps open ones (its event stream too) until its containers have stopped: measured,
 * refused after 39 ms and gone after 12.5 s. Without this, Berth said "Connected" all that while.
 */
export const LIVENESS_INTERVAL_MS = 1000;
const REFUSING = new Set(['ECONNREFUSED', 'ENOENT', 'ECONNRESET', 'EPIPE']);

export class EngineConnection {
  private current: EngineStatus;
  private client: Dockerode | null = null;
  private events: EventSubscription | null = null;
  /** Engine time (epoch seconds) from which events are wanted when the stream is opened again. */
  private eventsSince = 0;
  private started = false;
  private stopped = false;
  /** Attempts since the engine was last reachable; drives the backoff. */
  private attempt = 0;
  private inflight: Promise<EngineStatus> | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private countsTimer: ReturnType<typeof setTimeout> | undefined;
  private livenessTimer: ReturnType<typeof setInterval> | undefined;
  private readonly lifetime = new AbortController();
  private readonly statusListeners = new Set<Listener<EngineStatus>>();
  private readonly eventListeners = new Set<Listener<EngineEvent>>();
  private readonly timeoutMs: number;
  private readonly backoff: BackoffOptions;
  private readonly countsDelayMs: number;
  private readonly createClient: ClientFactory;

  constructor(
    private resolution: EndpointResolution,
    options: EngineConnectionOptions = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? 3000;
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.countsDelayMs = options.countsDelayMs ?? 300;
    this.createClient = options.createClient ?? createDockerClient;
    this.current = initialStatus(resolution);
  }

  status(): EngineStatus {
    return this.current;
  }

  onStatus(listener: Listener<EngineStatus>): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  onEvent(listener: Listener<EngineEvent>): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  /** The live client; throws ENGINE_UNREACHABLE at once while there is none, so callers never wait. */
  docker(): Dockerode {
    const s = this.current;
    if (s.state === 'connected' && this.client) return this.client;
    if (s.state === 'unreachable') {
      throw new BerthFailure('ENGINE_UNREACHABLE', `Cannot reach the Docker Engine. ${s.message}`, {
        reason: s.reason,
        endpoint: s.endpoint.address,
      });
    }
    throw new BerthFailure(
      'ENGINE_UNREACHABLE',
      `Berth is still connecting to the Docker Engine at ${s.endpoint.address}.`,
      {
        endpoint: s.endpoint.address,
      },
    );
  }

  start(): void {
    if (this.started || this.stopped) return;
    this.started = true;
    if (this.resolution.ok) void this.tryNow();
  }

  /** Tries every endpoint now and starts the backoff over. */
  async retry(): Promise<EngineStatus> {
    if (!this.resolution.ok || this.stopped) return this.current;
    this.started = true;
    if (this.inflight) return this.inflight;
    if (this.current.state === 'connected') return this.current;
    this.attempt = 0;
    return this.tryNow();
  }

  /**
   * Switches to other endpoints (the engine address in the settings changed): drops the current client and its
   * events and connects anew. An attempt still running against the old endpoints is ignored when it ends.
   */
  reconnect(resolution: EndpointResolution): Promise<EngineStatus> {
    if (this.stopped) return Promise.resolve(this.current);
    this.resolution = resolution;
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    clearTimeout(this.countsTimer);
    this.countsTimer = undefined;
    this.stopLiveness();
    this.events?.close();
    this.events = null;
    this.client = null;
    this.inflight = null;
    this.attempt = 0;
    this.setStatus(initialStatus(resolution));
    return this.started && resolution.ok ? this.tryNow() : Promise.resolve(this.current);
  }

  stop(): void {
    this.stopped = true;
    this.lifetime.abort();
    clearTimeout(this.retryTimer);
    clearTimeout(this.countsTimer);
    this.stopLiveness();
    this.events?.close();
    this.events = null;
    this.client = null;
    this.statusListeners.clear();
    this.eventListeners.clear();
  }

  private setStatus(next: EngineStatus): void {
    if (this.stopped) return;
    this.current = next;
    notify(this.statusListeners, next);
  }

  private tryNow(): Promise<EngineStatus> {
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    // Automatic retries keep showing 'unreachable' (with the next try's time); a start or a manual retry says
    // 'connecting' so the user sees something happen.
    this.setStatus({ state: 'connecting', endpoint: this.current.endpoint, attempt: this.attempt + 1 });
    return this.attemptOnce();
  }

  private attemptOnce(): Promise<EngineStatus> {
    this.inflight ??= this.connect();
    return this.inflight;
  }

  private async connect(): Promise<EngineStatus> {
    const resolution = this.resolution;
    if (!resolution.ok) return this.current;
    this.attempt += 1;
    const failures: Failure[] = [];
    for (const candidate of resolution.candidates) {
      const result = await probeEndpoint(candidate, this.createClient, this.timeoutMs, this.lifetime.signal);
      // Stopped, or reconnect() moved to other endpoints while this probe ran.
      if (this.stopped || this.resolution !== resolution) return this.current;
      if (result.ok) {
        // Cleared before the status goes out, so a listener that calls retry() starts a new attempt.
        this.inflight = null;
        this.becomeConnected(candidate, result.client, result.engine, result.since);
        return this.current;
      }
      failures.push({ endpoint: result.endpoint, reason: result.reason, message: result.message });
    }
    this.inflight = null;
    const [first, ...rest] = failures;
    if (first) this.becomeUnreachable([first, ...rest]);
    return this.current;
  }

  private becomeConnected(candidate: EndpointCandidate, client: Dockerode, engine: EngineSummary, since: number): void {
    this.client = client;
    this.attempt = 0;
    this.eventsSince = since;
    this.setStatus({ state: 'connected', endpoint: candidate.endpoint, engine, since: Date.now() });
    this.watchEvents(client);
    this.watchLiveness(client, candidate);
  }

  private stopLiveness(): void {
    clearInterval(this.livenessTimer);
    this.livenessTimer = undefined;
  }

  /** Pings on a new connection every LIVENESS_INTERVAL_MS; a refusal means the engine is going away. */
  private watchLiveness(client: Dockerode, candidate: EndpointCandidate): void {
    this.stopLiveness();
    const probe = this.createClient(candidate, { fresh: true });
    let busy = false;
    this.livenessTimer = setInterval(() => {
      if (busy || this.stopped || this.client !== client) return;
      busy = true;
      withDeadline(Math.min(this.timeoutMs, 1000), this.lifetime.signal, (abortSignal) =>
        abortable(probe).ping({ abortSignal }),
      )
        .catch((e: unknown) => {
          // A slow answer is a busy engine, not a gone one; only a refused connection counts.
          const code = (e as { code?: unknown } | null)?.code;
          if (typeof code === 'string' && REFUSING.has(code)) this.refusing(client, e);
        })
        .finally(() => (busy = false));
    }, LIVENESS_INTERVAL_MS);
    this.livenessTimer.unref?.();
  }

  /** New connections are refused while the old ones still work: the engine is stopping. */
  private refusing(client: Dockerode, e: unknown): void {
    if (this.stopped || this.client !== client) return;
    const endpoint = this.current.endpoint;
    this.stopLiveness();
    this.events?.close();
    this.events = null;
    this.client = null;
    clearTimeout(this.countsTimer);
    this.attempt = 1;
    const { reason } = classifyUnreachable(e, endpoint.address);
    this.becomeUnreachable([
      {
        endpoint,
        reason,
        message: `The engine at ${endpoint.address} is stopping: it refuses new connections while its containers shut down.`,
      },
    ]);
  }

  private becomeUnreachable(failures: readonly [Failure, ...Failure[]]): void {
    const shown = mostTelling(failures);
    const delay = backoffDelay(this.attempt, this.backoff);
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      void this.attemptOnce();
    }, delay);
    this.setStatus({
      state: 'unreachable',
      endpoint: shown.endpoint,
      reason: shown.reason,
      message: shown.message,
      tried: failures,
      attempt: this.attempt,
      nextRetryAt: Date.now() + delay,
    });
  }

  private watchEvents(client: Dockerode): void {
    this.events?.close();
    this.events = subscribeEvents(
      client,
      this.eventsSince,
      (event) => {
        this.eventsSince = Math.max(this.eventsSince, Math.floor(event.time / 1000));
        notify(this.eventListeners, event);
        if (changesCounts(event)) this.scheduleCounts(client);
      },
      () => void this.lost(client),
    );
  }

  /** The event stream ended: the engine is stopping, or something closed the stream. Ping to tell which. */
  private async lost(client: Dockerode): Promise<void> {
    if (this.stopped || this.client !== client) return;
    this.events = null;
    const status = this.current;
    const endpoint = status.endpoint;
    try {
      await withDeadline(Math.min(this.timeoutMs, 1000), this.lifetime.signal, (abortSignal) =>
        abortable(client).ping({ abortSignal }),
      );
      if (this.stopped || this.client !== client) return;
      // Still there: listen again, after a pause so a stream that keeps closing cannot spin.
      this.retryTimer = setTimeout(() => {
        this.retryTimer = undefined;
        if (this.client === client && !this.stopped) this.watchEvents(client);
      }, this.backoff.initialMs);
    } catch (e) {
      if (this.stopped || this.client !== client) return;
      this.client = null;
      this.stopLiveness();
      clearTimeout(this.countsTimer);
      this.attempt = 1;
      this.becomeUnreachable([{ endpoint, ...classifyUnreachable(e, endpoint.address) }]);
    }
  }

  private scheduleCounts(client: Dockerode): void {
    if (this.countsTimer !== undefined) return;
    this.countsTimer = setTimeout(() => {
      this.countsTimer = undefined;
      void this.refreshCounts(client);
    }, this.countsDelayMs);
  }

  private async refreshCounts(client: Dockerode): Promise<void> {
    try {
      const info = await withDeadline(this.timeoutMs, this.lifetime.signal, (abortSignal) =>
        abortable(client).info({ abortSignal }),
      );
      const s = this.current;
      if (s.state !== 'connected' || this.client !== client) return;
      const engine = withCounts(s.engine, info);
      if (JSON.stringify(engine) !== JSON.stringify(s.engine)) this.setStatus({ ...s, engine });
    } catch {
      // A failed refresh is not news: if the engine went away, the event stream says so.
    }
  }
}

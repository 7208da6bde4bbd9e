/** The shapes of handlers: what each domain implements and what the dispatcher runs. */
import type { z } from 'zod';
import type {
  requestChannels,
  streamChannels,
  RequestChannel,
  RequestOutput,
  StreamChannel,
  StreamChunk,
} from '../../../shared/contract';
import type { BerthError } from '../../../shared/result';

type ParsedRequest<C extends RequestChannel> = z.output<(typeof requestChannels)[C]['input']>;
type ParsedStream<C extends StreamChannel> = z.output<(typeof streamChannels)[C]['input']>;

/**
 * Who asked: one per session (a window, a bridge socket), so a handler can keep what one session opened (an exec
 * terminal) out of another's reach. Compared by identity; calls from main itself share one.
 */
export interface Caller {
  readonly session: object;
}

export type RequestHandlers = {
  readonly [C in RequestChannel]: (
    input: ParsedRequest<C>,
    caller: Caller,
  ) => Promise<RequestOutput<C>> | RequestOutput<C>;
};

export interface StreamSink<T> {
  emit(chunk: T): void;
  end(reason?: string): void;
  fail(error: BerthError): void;
  /** Aborted when the subscriber goes away. */
  readonly signal: AbortSignal;
  /** The session that subscribed. */
  readonly caller: Caller;
}

/** Starts a stream; returns its cleanup, which runs once on unsubscribe, end, error or session close. */
export type StreamHandlers = {
  readonly [C in StreamChannel]: (input: ParsedStream<C>, sink: StreamSink<StreamChunk<C>>) => (() => void) | void;
};

/** The handlers of one domain's channels (`images:*`), which the composition root (backend/index.ts) spreads together. */
export interface DomainHandlers<D extends string> {
  readonly requests: Pick<RequestHandlers, Extract<RequestChannel, `${D}:${string}`>>;
  readonly streams: Pick<StreamHandlers, Extract<StreamChannel, `${D}:${string}`>>;
}

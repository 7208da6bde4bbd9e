/**
 * The registrar's core, shared by both transports: looks the channel up in the contract, validates the input
 * against its schema, runs the handler and always answers with a Result. Streams are subscriptions owned by a
 * session (one window, or one bridge socket) and batched before they are sent.
 */
import type { z } from 'zod';
import {
  isRequestChannel,
  isStreamChannel,
  requestChannels,
  streamChannels,
  subscriptionId,
} from '../../../shared/contract';
import { fail, ok, type BerthError, type Result } from '../../../shared/result';
import type { StreamMessage } from '../../../shared/stream';
import type { Caller, RequestHandlers, StreamHandlers, StreamSink } from './dispatcher.types';

/** Open subscriptions one session (a window, a bridge socket) may hold; the app itself needs a few dozen. */
export const MAX_SUBSCRIPTIONS_PER_SESSION = 256;
/** Requests one session may have unanswered at once; the app's bulk actions run a few at a time. */
export const MAX_IN_FLIGHT_PER_SESSION = 64;

export interface DispatcherOptions {
  readonly mapError: (error: unknown) => BerthError;
  /** Chunks are held at most this long before they are sent together. */
  readonly batchDelayMs?: number;
  /** A batch is sent at once when it holds this many chunks. */
  readonly batchMaxItems?: number;
}

export type SendStream = (id: string, message: StreamMessage<unknown>) => void;

export interface Session {
  request(channel: unknown, input: unknown): Promise<Result<unknown>>;
  subscribe(id: unknown, channel: unknown, input: unknown): Result<null>;
  unsubscribe(id: unknown): void;
  /** Ends every subscription of this session: the window closed or the socket went away. */
  close(): void;
  readonly subscriptionCount: number;
}

function invalidInput(channel: string, error: z.ZodError): Result<never> {
  const issues = error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
  const first = issues[0];
  const where = first && first.path ? ` at "${first.path}"` : '';
  return fail(
    'INVALID_INPUT',
    `The input for ${channel} is not valid${where}: ${first?.message ?? 'unexpected value'}.`,
    {
      issues,
    },
  );
}

/** Requests made by main itself (the tray, the menu, tests), outside any window's or socket's session. */
export const MAIN_CALLER: Caller = { session: {} };

export class Dispatcher {
  constructor(
    private readonly requests: RequestHandlers,
    private readonly streams: StreamHandlers,
    private readonly options: DispatcherOptions,
  ) {}

  async request(channel: unknown, input: unknown, caller: Caller = MAIN_CALLER): Promise<Result<unknown>> {
    if (!isRequestChannel(channel)) {
      return fail(
        'UNKNOWN_CHANNEL',
        `There is no request channel called ${JSON.stringify(String(channel)).slice(0, 80)}.`,
      );
    }
    const parsed = requestChannels[channel].input.safeParse(input);
    if (!parsed.success) return invalidInput(channel, parsed.error);
    try {
      const handler = this.requests[channel] as (input: unknown, caller: Caller) => unknown;
      return ok(await handler(parsed.data, caller));
    } catch (error) {
      return { ok: false, error: this.options.mapError(error) };
    }
  }

  openSession(send: SendStream): Session {
    const subscriptions = new Map<string, () => void>();
    const delay = this.options.batchDelayMs ?? 16;
    const maxItems = this.options.batchMaxItems ?? 1000;
    const { mapError } = this.options;
    const streams = this.streams;
    const caller: Caller = { session: {} };

    const subscribe = (id: unknown, channel: unknown, input: unknown): Result<null> => {
      if (!isStreamChannel(channel)) {
        return fail(
          'UNKNOWN_CHANNEL',
          `There is no stream channel called ${JSON.stringify(String(channel)).slice(0, 80)}.`,
        );
      }
      const idParsed = subscriptionId.safeParse(id);
      if (!idParsed.success) return fail('INVALID_INPUT', 'A subscription id must be 1 to 64 letters, digits, _ or -.');
      const subId = idParsed.data;
      if (subscriptions.has(subId)) return fail('CONFLICT', `Subscription ${subId} is already open.`);
      if (subscriptions.size >= MAX_SUBSCRIPTIONS_PER_SESSION)
        return fail(
          'LIMIT_REACHED',
          `This page already follows ${MAX_SUBSCRIPTIONS_PER_SESSION} streams; close some before opening more.`,
        );
      const parsed = streamChannels[channel].input.safeParse(input);
      if (!parsed.success) return invalidInput(channel, parsed.error);

      const controller = new AbortController();
      let buffer: unknown[] = [];
      let timer: ReturnType<typeof setTimeout> | undefined;
      let cleanup: (() => void) | void;
      let done = false;

      const flush = () => {
        if (timer !== undefined) clearTimeout(timer);
        timer = undefined;
        if (buffer.length === 0) return;
        const items = buffer;
        buffer = [];
        send(subId, { type: 'data', items });
      };
      const finish = (last: StreamMessage<unknown> | null) => {
        if (done) return;
        done = true;
        if (last) flush();
        else if (timer !== undefined) clearTimeout(timer);
        subscriptions.delete(subId);
        controller.abort();
        if (typeof cleanup === 'function') cleanup();
        if (last) send(subId, last);
      };
      const sink: StreamSink<unknown> = {
        emit(chunk) {
          if (done) return;
          buffer.push(chunk);
          if (buffer.length >= maxItems) flush();
          else timer ??= setTimeout(flush, delay);
        },
        end: (reason) => finish(reason === undefined ? { type: 'end' } : { type: 'end', reason }),
        fail: (error) => finish({ type: 'error', error }),
        signal: controller.signal,
        caller,
      };
      subscriptions.set(subId, () => finish(null));
      try {
        const start = streams[channel] as (input: unknown, sink: StreamSink<unknown>) => (() => void) | void;
        cleanup = start(parsed.data, sink);
        // The handler may have ended the stream synchronously, before its cleanup was known.
        if (done && typeof cleanup === 'function') cleanup();
      } catch (error) {
        sink.fail(mapError(error));
      }
      return ok(null);
    };

    let inFlight = 0;
    const request = async (channel: unknown, input: unknown): Promise<Result<unknown>> => {
      if (inFlight >= MAX_IN_FLIGHT_PER_SESSION)
        return fail(
          'LIMIT_REACHED',
          `This page already waits for ${MAX_IN_FLIGHT_PER_SESSION} answers; try again when some have come back.`,
        );
      inFlight++;
      try {
        return await this.request(channel, input, caller);
      } finally {
        inFlight--;
      }
    };

    return {
      request,
      subscribe,
      unsubscribe(id) {
        if (typeof id === 'string') subscriptions.get(id)?.();
      },
      close() {
        for (const stop of [...subscriptions.values()]) stop();
      },
      get subscriptionCount() {
        return subscriptions.size;
      },
    };
  }
}

import { z } from 'zod';
import type { TransferTicket } from '../dto/images';
import type { LogSearchChunk, LogsChunk, LogsPage } from '../dto/logs';
import { answers, request, stream } from './define';

/** A container id (full or short) or name, as the engine accepts it. */
export const containerRef = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/);

/** The engine's own timestamps: RFC 3339 in UTC with up to nine fractional digits. */
export const engineTimestamp = z.string().regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,9})?Z$/);

/** The containers of one log view: at least one, each once. */
export const logContainers = z
  .array(containerRef)
  .min(1)
  .max(32)
  .refine((refs) => new Set(refs).size === refs.length, 'Each container is listed once.');

export const logsRequests = {
  'logs:older': request(
    z.strictObject({
      container: containerRef,
      /** The timestamp of the oldest line the view holds. */
      before: engineTimestamp,
      /** How many of this container's lines with exactly that timestamp the view holds, wherever they are. */
      skip: z.number().int().min(0).max(1_000_000),
      limit: z.number().int().min(1).max(10_000),
      /** How many of this container's lines the view holds from that line on: where to look from the log's end. */
      after: z.number().int().min(0).max(100_000_000).optional(),
      /** The start of the view's time range: no older line is sent, and reaching it is the start. */
      since: engineTimestamp.optional(),
    }),
    answers<LogsPage>(),
  ),
  /** A one-use download address for the whole logs of these containers (the browser mode's "Save whole log"). */
  'logs:saveTicket': request(z.strictObject({ containers: logContainers }), answers<TransferTicket>()),
};

export const logsStreams = {
  'logs:follow': stream(
    z.strictObject({
      container: containerRef,
      /** How many of the newest lines to send first; 'all' sends the whole backlog. */
      tail: z.union([z.number().int().min(0).max(1_000_000), z.literal('all')]),
      /** A time range: only lines stamped from `since` on; with `until`, the lines up to it and no following. */
      since: engineTimestamp.optional(),
      until: engineTimestamp.optional(),
    }),
    answers<LogsChunk>(),
  ),
  /** Scans the whole history of the chosen containers (none: all of them) for a literal or a pattern. */
  'logs:search': stream(
    z.strictObject({
      containers: z.array(containerRef).max(2000).optional(),
      query: z.string().min(1).max(500),
      regex: z.boolean(),
      caseSensitive: z.boolean(),
      streams: z.enum(['all', 'stdout', 'stderr']),
      since: engineTimestamp.optional(),
      until: engineTimestamp.optional(),
      /** Lines of context kept before and after each hit. */
      context: z.number().int().min(0).max(5),
    }),
    answers<LogSearchChunk>(),
  ),
};

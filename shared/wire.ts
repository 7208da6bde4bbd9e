/**
 * The browser bridge's wire protocol: JSON text frames over one WebSocket at /api?token=TOKEN. The server
 * validates every client frame with these schemas; the client imports the types.
 */
import { z } from 'zod';
import type { BerthError, Result } from './result';
import type { StreamMessage } from './stream';

export { BRIDGE_API_PATH } from './bridge-path';

/** A larger frame is refused by the server (the WebSocket is closed with 1009). */
export const BRIDGE_MAX_FRAME_BYTES = 1024 * 1024;

const channelName = z.string().min(1).max(128);
// The dispatcher checks a subscription id's exact form; the wire only bounds it so it can be echoed back.
const streamId = z.string().min(1).max(64);

export const requestFrame = z.strictObject({
  t: z.literal('req'),
  id: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  channel: channelName,
  input: z.unknown().optional(),
});

export const subscribeFrame = z.strictObject({
  t: z.literal('sub'),
  id: streamId,
  channel: channelName,
  input: z.unknown().optional(),
});

export const unsubscribeFrame = z.strictObject({
  t: z.literal('unsub'),
  id: streamId,
});

export const clientFrame = z.discriminatedUnion('t', [requestFrame, subscribeFrame, unsubscribeFrame]);

export type RequestFrame = z.infer<typeof requestFrame>;
export type SubscribeFrame = z.infer<typeof subscribeFrame>;
export type UnsubscribeFrame = z.infer<typeof unsubscribeFrame>;
export type ClientFrame = z.infer<typeof clientFrame>;

export type ResponseFrame = {
  readonly t: 'res';
  readonly id: number;
  readonly result: Result<unknown>;
};
export type StreamFrame = {
  readonly t: 'stream';
  readonly id: string;
  readonly message: StreamMessage<unknown>;
};
/** A frame the server could not tie to any request or subscription (not JSON, no usable id). */
export type ProtocolErrorFrame = {
  readonly t: 'error';
  readonly error: BerthError;
};
export type ServerFrame = ResponseFrame | StreamFrame | ProtocolErrorFrame;

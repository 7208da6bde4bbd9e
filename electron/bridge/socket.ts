/**
 * One bridge WebSocket = one dispatcher session. Frames are parsed defensively: whatever a client sends, it
 * gets an answer or an error frame, and the server keeps running.
 */
import type { RawData, WebSocket } from 'ws';
import { fail, type BerthError } from '../../shared/result';
import type { StreamMessage } from '../../shared/stream';
import { clientFrame, type ServerFrame } from '../../shared/wire';
import type { Dispatcher, Session } from '../backend/core/dispatcher';

/** Close codes the client can tell apart. 1008 = policy violation (RFC 6455). */
export const CLOSE_TOO_SLOW = 1008;

export type FrameDecision =
  | {
      readonly kind: 'req';
      readonly id: number;
      readonly channel: string;
      readonly input: unknown;
    }
  | {
      readonly kind: 'sub';
      readonly id: string;
      readonly channel: string;
      readonly input: unknown;
    }
  | { readonly kind: 'unsub'; readonly id: string }
  | { readonly kind: 'reply'; readonly frame: ServerFrame };

const invalid = (message: string): BerthError => ({
  code: 'INVALID_INPUT',
  message,
});

/**
 * What to do with one text frame. A malformed frame that still carries a usable id is answered on that id,
 * so the client's pending request settles; anything else gets a protocol error frame.
 */
export function decideFrame(text: string): FrameDecision {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return {
      kind: 'reply',
      frame: {
        t: 'error',
        error: invalid('The bridge received a message that is not JSON.'),
      },
    };
  }
  const parsed = clientFrame.safeParse(value);
  if (parsed.success) {
    const frame = parsed.data;
    switch (frame.t) {
      case 'req':
        return {
          kind: 'req',
          id: frame.id,
          channel: frame.channel,
          input: frame.input,
        };
      case 'sub':
        return {
          kind: 'sub',
          id: frame.id,
          channel: frame.channel,
          input: frame.input,
        };
      case 'unsub':
        return { kind: 'unsub', id: frame.id };
    }
  }
  const message = 'The bridge received a frame that is not {t:"req"|"sub"|"unsub", id, channel, input}.';
  const loose = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  if (loose.t === 'req' && Number.isSafeInteger(loose.id) && (loose.id as number) >= 0) {
    return {
      kind: 'reply',
      frame: {
        t: 'res',
        id: loose.id as number,
        result: fail('INVALID_INPUT', message),
      },
    };
  }
  if (loose.t === 'sub' && typeof loose.id === 'string' && loose.id.length > 0 && loose.id.length <= 64) {
    return {
      kind: 'reply',
      frame: {
        t: 'stream',
        id: loose.id,
        message: { type: 'error', error: invalid(message) },
      },
    };
  }
  return { kind: 'reply', frame: { t: 'error', error: invalid(message) } };
}

/** JSON for a frame; an answer that cannot be encoded (a cycle, a BigInt) becomes an error on the same id. */
export function encodeFrame(frame: ServerFrame): string {
  try {
    return JSON.stringify(frame);
  } catch {
    const error: BerthError = {
      code: 'INTERNAL',
      message: 'Berth could not encode its answer.',
    };
    if (frame.t === 'res')
      return JSON.stringify({
        t: 'res',
        id: frame.id,
        result: { ok: false, error },
      });
    if (frame.t === 'stream')
      return JSON.stringify({
        t: 'stream',
        id: frame.id,
        message: { type: 'error', error },
      });
    return JSON.stringify({ t: 'error', error });
  }
}

const rawText = (data: RawData): string =>
  Array.isArray(data) ? Buffer.concat(data).toString('utf8') : Buffer.from(data as ArrayBuffer).toString('utf8');

export function attachSocket(ws: WebSocket, dispatcher: Dispatcher, maxBufferedBytes: number): Session {
  let dropped = false;

  const send = (frame: ServerFrame) => {
    if (dropped || ws.readyState !== ws.OPEN) return;
    ws.send(encodeFrame(frame));
    // ws queues without limit; a client that stops reading would otherwise grow our memory forever.
    if (ws.bufferedAmount > maxBufferedBytes) {
      dropped = true;
      session.close();
      ws.close(CLOSE_TOO_SLOW, 'Berth dropped this connection: the page stopped reading its messages.');
      setTimeout(() => ws.terminate(), 2000).unref();
    }
  };

  const session: Session = dispatcher.openSession((id: string, message: StreamMessage<unknown>) =>
    send({ t: 'stream', id, message }),
  );

  ws.on('message', (data: RawData, isBinary: boolean) => {
    if (isBinary) {
      send({
        t: 'error',
        error: invalid('The bridge only reads JSON text frames.'),
      });
      return;
    }
    const decision = decideFrame(rawText(data));
    switch (decision.kind) {
      case 'reply':
        send(decision.frame);
        return;
      case 'req':
        void session
          .request(decision.channel, decision.input)
          .catch((error: unknown) => fail('INTERNAL', `Berth failed to answer: ${String(error)}.`))
          .then((result) => send({ t: 'res', id: decision.id, result }));
        return;
      case 'sub': {
        const result = session.subscribe(decision.id, decision.channel, decision.input);
        if (!result.ok)
          send({
            t: 'stream',
            id: decision.id,
            message: { type: 'error', error: result.error },
          });
        return;
      }
      case 'unsub':
        session.unsubscribe(decision.id);
        return;
    }
  });
  // Errors (a frame past maxPayload, bad UTF-8) are followed by 'close'; without a listener they would throw.
  ws.on('error', () => undefined);
  ws.on('close', () => session.close());
  return session;
}

/**
 * The browser mode's transport: the same requests and subscriptions as the Electron preload, carried over
 * one WebSocket to the Berth server. It never throws: while the socket is down, requests resolve with
 * BRIDGE_DISCONNECTED, and live subscriptions are opened again once it is back.
 */
import type { Transport } from '../../../shared/api';
import { fail, type Result } from '../../../shared/result';
import type { StreamMessage, Unsubscribe } from '../../../shared/stream';
import { BRIDGE_API_PATH } from '../../../shared/bridge-path';
import type { ClientFrame, ServerFrame } from '../../../shared/wire';

export type BridgeState = 'connecting' | 'connected' | 'disconnected';

export interface BridgeTransport extends Transport {
  readonly state: BridgeState;
  /** A socket has opened at least once (the page's token or cookie was accepted). */
  readonly signedIn: boolean;
  /** Called with every change of the connection state; returns its removal. */
  onState(listener: (state: BridgeState) => void): Unsubscribe;
}

/** The slice of a WebSocket this transport uses (the browser's, or `ws` in tests). */
export interface SocketLike {
  send(data: string): void;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: unknown) => void) | null;
  onerror: ((event: unknown) => void) | null;
}

export interface BridgeEnvironment {
  readonly location: { readonly href: string };
  readonly history: {
    readonly state: unknown;
    replaceState(data: unknown, unused: string, url?: string): void;
  };
  openSocket(url: string): SocketLike;
}

const MIN_RETRY_MS = 250;
const MAX_RETRY_MS = 5000;

const browserEnvironment = (): BridgeEnvironment => ({
  location: window.location,
  history: window.history,
  openSocket: (url) => new WebSocket(url) as unknown as SocketLike,
});

/**
 * The server trades the token in the printed address for an HttpOnly cookie on the first load and sends the browser
 * on to the clean address, so the page normally never sees the token and no script (an injected one included) can
 * read it. Should an address still carry one (a server that did not redirect), it is taken from the address bar at
 * once and kept in memory only, never in storage.
 */
export function takeToken(env: Pick<BridgeEnvironment, 'location' | 'history'>): string | null {
  const url = new URL(env.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl === null) return null;
  url.searchParams.delete('token');
  env.history.replaceState(env.history.state, '', `${url.pathname}${url.search}${url.hash}`);
  return fromUrl === '' ? null : fromUrl;
}

/** The API address; without a token the browser's cookie signs the socket in. */
export function apiUrl(href: string, token: string | null): string {
  const page = new URL(href);
  const scheme = page.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${page.host}${BRIDGE_API_PATH}${token === null ? '' : `?token=${encodeURIComponent(token)}`}`;
}

const disconnected = (): Result<never> =>
  fail(
    'BRIDGE_DISCONNECTED',
    'Lost the connection to the Berth server. If it was stopped, start it again with `npm run serve` and open the address it prints.',
  );
export const NOT_SIGNED_IN =
  'This page could not sign in to the Berth server. Open the full address that `npm run serve` printed, token included; if the server was stopped, start it again.';
const notSignedIn = (): Result<never> => fail('BRIDGE_DISCONNECTED', NOT_SIGNED_IN);

interface LiveSubscription {
  readonly channel: string;
  readonly input: unknown;
  readonly listener: (message: StreamMessage<unknown>) => void;
}

export function createBridgeTransport(env: BridgeEnvironment = browserEnvironment()): BridgeTransport {
  const token = takeToken(env);
  const pending = new Map<number, (result: Result<unknown>) => void>();
  /** Requests made before the first connection opened: the page asks at once, before the socket is up. */
  const queued: string[] = [];
  const subscriptions = new Map<string, LiveSubscription>();
  const stateListeners = new Set<(state: BridgeState) => void>();
  let state: BridgeState = 'connecting';
  /** Whether a socket ever opened: until one has, a refusal most likely means the page has no valid token. */
  let signedIn = false;
  let socket: SocketLike | null = null;
  let nextRequestId = 1;
  let nextSubscriptionId = 1;
  let retryMs = MIN_RETRY_MS;

  const setState = (next: BridgeState) => {
    if (next === state) return;
    state = next;
    for (const listener of [...stateListeners]) listener(next);
  };

  const send = (frame: ClientFrame) => {
    if (state === 'connected') socket?.send(JSON.stringify(frame));
  };

  const receive = (data: unknown) => {
    let frame: ServerFrame;
    try {
      frame = JSON.parse(String(data)) as ServerFrame;
    } catch {
      return;
    }
    if (frame.t === 'res') {
      const resolve = pending.get(frame.id);
      pending.delete(frame.id);
      resolve?.(frame.result);
    } else if (frame.t === 'stream') {
      const subscription = subscriptions.get(frame.id);
      // An ended stream is not reopened after a reconnect.
      if (frame.message.type !== 'data') subscriptions.delete(frame.id);
      subscription?.listener(frame.message);
    } else if (frame.t === 'error') {
      console.warn(`Berth server: ${frame.error.message}`);
    }
  };

  const connect = (currentToken: string | null) => {
    const ws = env.openSocket(apiUrl(env.location.href, currentToken));
    socket = ws;
    ws.onopen = () => {
      retryMs = MIN_RETRY_MS;
      signedIn = true;
      setState('connected');
      for (const [id, { channel, input }] of subscriptions) send({ t: 'sub', id, channel, input });
      for (const frame of queued.splice(0)) ws.send(frame);
    };
    ws.onmessage = (event) => receive(event.data);
    ws.onerror = () => undefined; // 'close' always follows and does the work.
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = null;
      queued.length = 0;
      setState('disconnected');
      const waiting = [...pending.values()];
      pending.clear();
      for (const resolve of waiting) resolve(signedIn ? disconnected() : notSignedIn());
      setTimeout(() => connect(currentToken), retryMs);
      retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
    };
  };

  connect(token);

  return {
    get state() {
      return state;
    },
    get signedIn() {
      return signedIn;
    },
    onState(listener) {
      stateListeners.add(listener);
      return () => void stateListeners.delete(listener);
    },
    request(channel, input) {
      if (state === 'disconnected') return Promise.resolve(signedIn ? disconnected() : notSignedIn());
      const id = nextRequestId++;
      let text: string;
      try {
        text = JSON.stringify({
          t: 'req',
          id,
          channel,
          input,
        } satisfies ClientFrame);
      } catch {
        return Promise.resolve(
          fail('INVALID_INPUT', `The input for ${channel} cannot be sent (it is not plain JSON).`),
        );
      }
      return new Promise((resolve) => {
        pending.set(id, resolve);
        if (state === 'connected') socket?.send(text);
        else queued.push(text);
      });
    },
    subscribe(channel, input, listener) {
      const id = `s${nextSubscriptionId++}`;
      subscriptions.set(id, { channel, input, listener });
      send({ t: 'sub', id, channel, input });
      return () => {
        if (subscriptions.delete(id)) send({ t: 'unsub', id });
      };
    },
  };
}

/**
 * The Transport behind window.berth in Electron. Requests are ipcRenderer.invoke calls; streams are opened with
 * an id chosen here (so no message can arrive before its id is known) and all arrive on one listener that
 * routes them by id. Listeners get only the StreamMessage, never the IPC event.
 */
import { fail, isBerthError, type Result } from '../../shared/result';
import type { Transport } from '../../shared/api';
import type { StreamMessage, Unsubscribe } from '../../shared/stream';
import { IPC_STREAM, IPC_SUBSCRIBE, IPC_UNSUBSCRIBE } from '../ipc.channels';

/** The parts of Electron's ipcRenderer the transport uses. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  send(channel: string, ...args: unknown[]): void;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

type Listener = (message: StreamMessage<unknown>) => void;

function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (v.ok === true && 'value' in v) || (v.ok === false && isBerthError(v.error));
}

/** invoke rejects only when main has no handler or threw; the renderer still gets a Result. */
async function invokeResult(ipc: IpcRendererLike, channel: string, ...args: unknown[]): Promise<Result<unknown>> {
  try {
    const answer = await ipc.invoke(channel, ...args);
    return isResult(answer) ? answer : fail('INTERNAL', `Berth answered ${channel} with something unexpected.`);
  } catch {
    return fail('INTERNAL', `Berth could not answer ${channel}.`);
  }
}

export function createIpcTransport(ipc: IpcRendererLike, idPrefix: string): Transport {
  const listeners = new Map<string, Listener>();
  let counter = 0;

  ipc.on(IPC_STREAM, (_event, id, message) => {
    if (typeof id !== 'string' || typeof message !== 'object' || message === null) return;
    const listener = listeners.get(id);
    if (!listener) return;
    const msg = message as StreamMessage<unknown>;
    if (msg.type !== 'data') listeners.delete(id);
    listener(msg);
  });

  return {
    request: (channel, input) => invokeResult(ipc, channel, input),
    subscribe(channel, input, listener): Unsubscribe {
      const id = `${idPrefix}${(counter += 1)}`;
      listeners.set(id, listener);
      void invokeResult(ipc, IPC_SUBSCRIBE, id, channel, input).then((result) => {
        // A refused subscription ends like a failed stream; a listener already unsubscribed hears nothing.
        if (!result.ok && listeners.delete(id)) listener({ type: 'error', error: result.error });
      });
      return () => {
        if (listeners.delete(id)) ipc.send(IPC_UNSUBSCRIBE, id);
      };
    },
  };
}

/** A prefix per page load keeps ids unique across reloads without coordinating with main. */
export function randomIdPrefix(random: (bytes: Uint8Array) => Uint8Array): string {
  const bytes = random(new Uint8Array(6));
  return `p${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}_`;
}

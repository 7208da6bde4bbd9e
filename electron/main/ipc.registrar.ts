/**
 * Electron's side of the contract: one ipcMain handler per request channel plus subscribe/unsubscribe, each
 * checking the sending frame before anything else. One dispatcher Session per webContents holds its streams
 * and is closed when that page goes away (destroyed, crashed or navigated), so no subscription outlives it.
 */
import { REQUEST_CHANNELS } from '../../shared/contract';
import { fail, type Result } from '../../shared/result';
import type { StreamMessage } from '../../shared/stream';
import { IPC_STREAM, IPC_SUBSCRIBE, IPC_UNSUBSCRIBE } from '../ipc.channels';
import type { Dispatcher, Session } from '../backend/core/dispatcher';
import type { SenderFrame } from './security/sender';

/** The parts of Electron's WebContents the registrar uses. */
export interface IpcWebContents {
  readonly id: number;
  isDestroyed(): boolean;
  send(channel: string, ...args: unknown[]): void;
  on(event: 'destroyed' | 'render-process-gone', listener: () => void): unknown;
  on(event: 'did-start-navigation', listener: (details: NavigationDetails) => void): unknown;
  removeListener(event: 'destroyed' | 'render-process-gone', listener: () => void): unknown;
  removeListener(event: 'did-start-navigation', listener: (details: NavigationDetails) => void): unknown;
}

interface NavigationDetails {
  readonly isMainFrame: boolean;
  readonly isSameDocument: boolean;
}

export interface IpcEvent {
  readonly sender: IpcWebContents;
  readonly senderFrame: SenderFrame | null;
}

/** The parts of Electron's ipcMain the registrar uses. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcEvent, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
  on(channel: string, listener: (event: IpcEvent, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: IpcEvent, ...args: unknown[]) => void): unknown;
}

export interface RegistrarOptions {
  readonly ipcMain: IpcMainLike;
  readonly dispatcher: Dispatcher;
  readonly isTrusted: (frame: SenderFrame | null) => boolean;
  readonly log?: (message: string) => void;
}

interface Tracked {
  readonly session: Session;
  readonly close: () => void;
}

const refused = fail('PERMISSION_DENIED', 'This page is not allowed to talk to Berth.');

export function registerIpc({ ipcMain, dispatcher, isTrusted, log = console.warn }: RegistrarOptions): () => void {
  const sessions = new Map<number, Tracked>();

  const sessionFor = (contents: IpcWebContents): Session => {
    const known = sessions.get(contents.id);
    if (known) return known.session;
    const session = dispatcher.openSession((id: string, message: StreamMessage<unknown>) => {
      if (!contents.isDestroyed()) contents.send(IPC_STREAM, id, message);
    });
    const onGone = () => close();
    const onNavigate = (details: NavigationDetails) => {
      // A new document in the window starts with no subscriptions; the old page's would never be read again.
      if (details.isMainFrame && !details.isSameDocument) close();
    };
    const close = () => {
      if (sessions.get(contents.id)?.session !== session) return;
      sessions.delete(contents.id);
      contents.removeListener('destroyed', onGone);
      contents.removeListener('render-process-gone', onGone);
      contents.removeListener('did-start-navigation', onNavigate);
      session.close();
    };
    contents.on('destroyed', onGone);
    contents.on('render-process-gone', onGone);
    contents.on('did-start-navigation', onNavigate);
    sessions.set(contents.id, { session, close });
    return session;
  };

  const trusted = (event: IpcEvent, channel: string): boolean => {
    if (isTrusted(event.senderFrame)) return true;
    const url = event.senderFrame?.url ?? 'a frame that is gone';
    log(`Refused IPC on ${channel} from ${url.slice(0, 200)}`);
    return false;
  };

  for (const channel of REQUEST_CHANNELS) {
    ipcMain.handle(channel, (event, input): Promise<Result<unknown>> | Result<never> =>
      trusted(event, channel) ? sessionFor(event.sender).request(channel, input) : refused,
    );
  }
  ipcMain.handle(IPC_SUBSCRIBE, (event, id, channel, input): Result<null> =>
    trusted(event, IPC_SUBSCRIBE) ? sessionFor(event.sender).subscribe(id, channel, input) : refused,
  );
  const unsubscribe = (event: IpcEvent, id: unknown) => {
    if (trusted(event, IPC_UNSUBSCRIBE)) sessions.get(event.sender.id)?.session.unsubscribe(id);
  };
  ipcMain.on(IPC_UNSUBSCRIBE, unsubscribe);

  return () => {
    for (const channel of REQUEST_CHANNELS) ipcMain.removeHandler(channel);
    ipcMain.removeHandler(IPC_SUBSCRIBE);
    ipcMain.removeListener(IPC_UNSUBSCRIBE, unsubscribe);
    for (const { close } of [...sessions.values()]) close();
  };
}

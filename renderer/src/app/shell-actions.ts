/**
 * Runs AppCommands in the renderer: those the desktop shell sends over 'app:commands' (menu, tray,
 * notifications) and, in the browser mode, those the keyboard shortcuts produce.
 */
import { isSectionId, type AppCommand } from '../../../shared/dto/app';
import { keepSubscribed } from '../platform/keep-subscribed';
import type { BerthStore } from './store';
import { shortcutCommand } from './shortcuts';

export function runShellAction(store: BerthStore, command: AppCommand, root: ParentNode = document): void {
  const state = store.getState();
  switch (command.kind) {
    case 'navigate':
      if (!isSectionId(command.section)) return;
      state.navigate({
        section: command.section,
        ...(command.id !== undefined ? { id: command.id } : {}),
        ...(command.tab !== undefined ? { tab: command.tab } : {}),
      });
      return;
    case 'search':
      // Each list puts its filter in an <input type="search">; the first one on screen is the current section's.
      root.querySelector<HTMLInputElement>('input[type="search"]')?.focus();
      return;
    case 'refresh':
      if (state.engineStatus?.state !== 'connected') {
        void state.retryEngine();
        return;
      }
      void state.refreshContainers();
      void state.refreshImages();
      return;
    default:
      assertNever(command);
  }
}

export interface ShellActionOptions {
  /** Browser mode: there is no app menu, so the page listens to the keyboard itself. */
  readonly keyboard: boolean;
  readonly mac: boolean;
}

/** Subscribes to 'app:commands' and, when asked, to the keyboard; returns the cleanup. */
export function startShellActions(store: BerthStore, options: ShellActionOptions): () => void {
  const commands = keepSubscribed<AppCommand>({
    open: (listener) => store.getState().watchAppCommands(undefined, listener),
    onData: (items) => items.forEach((command) => runShellAction(store, command)),
    onLost: () => undefined,
  });
  const onKey = (event: KeyboardEvent) => {
    const command = shortcutCommand(event, options.mac);
    if (command === null) return;
    // The browser's own Ctrl+F and Ctrl+R would hide Berth's.
    event.preventDefault();
    runShellAction(store, command);
  };
  if (options.keyboard) window.addEventListener('keydown', onKey);
  return () => {
    commands.stop();
    window.removeEventListener('keydown', onKey);
  };
}

function assertNever(value: never): never {
  throw new Error(`Unexpected command: ${JSON.stringify(value)}`);
}

/** Shows exit notifications in Electron; the decisions and words come from exit.notifications.ts. */
import { Notification } from 'electron';
import type { Backend } from '../../backend';
import { ExitWatch, exitNotification } from './exit.notifications';

interface ExitedContainer {
  readonly name: string;
  readonly image: string;
  readonly exitCode: number;
  readonly oomKilled: boolean;
}

export function startExitNotifications(backend: Backend, openLogs: (id: string) => void): () => void {
  const watch = new ExitWatch();
  const { settings } = backend.services;
  return backend.engine.onEvent((event) => {
    const exit = watch.onEvent(event);
    if (exit === null || !settings.get().notifications || !Notification.isSupported()) return;
    void backend.dispatcher.request('containers:inspect', { id: exit.id }).then((result) => {
      // Gone already (--rm): there is nothing left to show the logs of.
      if (!result.ok) return;
      const container = result.value as ExitedContainer;
      const text = exitNotification({
        id: exit.id,
        name: container.name,
        image: container.image,
        exitCode: container.exitCode,
        oomKilled: container.oomKilled || exit.oomEvent,
      });
      if (text === null) return;
      const notification = new Notification({ title: text.title, body: text.body });
      notification.on('click', () => openLogs(exit.id));
      notification.show();
    });
  });
}

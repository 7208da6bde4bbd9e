import { defineDomain } from '../core/domain';
import { desktopHandlers } from './desktop.handlers';
import { DesktopService } from './desktop.service';

declare module '../core/domain' {
  interface Services {
    readonly desktop: DesktopService;
  }
}

export const desktopDomain = defineDomain({
  name: 'desktop',
  make: ({ dialogs, transcript, service }) => {
    const desktop = new DesktopService(dialogs, service('images'), service('logs'), transcript, service('volumeFiles'));
    return { services: { desktop }, handlers: desktopHandlers(desktop) };
  },
});

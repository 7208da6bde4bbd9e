import { defineDomain } from '../core/domain';
import { AppCommands } from './app-commands';
import { appHandlers } from './app.handlers';

declare module '../core/domain' {
  interface Services {
    readonly commands: AppCommands;
  }
}

export const appDomain = defineDomain({
  name: 'app',
  make: () => {
    const commands = new AppCommands();
    return { services: { commands }, handlers: appHandlers(commands) };
  },
});

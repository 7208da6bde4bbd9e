import type { AppCommands } from './app-commands';
import type { DomainHandlers } from '../core/dispatcher.types';

export function appHandlers(commands: AppCommands): DomainHandlers<'app'> {
  return {
    requests: {},
    streams: {
      'app:commands': (_input, sink) => commands.onCommand((command) => sink.emit(command)),
    },
  };
}

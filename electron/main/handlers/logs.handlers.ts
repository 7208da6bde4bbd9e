import type { LogsService } from '../docker/logs.service';
import type { DomainHandlers } from '../ipc/dispatcher';

export function logsHandlers(logs: LogsService): DomainHandlers<'logs'> {
  return {
    requests: {
      'logs:older': (input) => logs.older(input),
    },
    streams: {
      'logs:follow': (input, sink) => logs.follow(input, sink),
    },
  };
}

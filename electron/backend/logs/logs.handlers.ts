import type { LogsService } from './logs.service';
import type { LogExports } from './logs.exports';
import type { DomainHandlers } from '../core/dispatcher.types';

export function logsHandlers(logs: LogsService, exports: LogExports): DomainHandlers<'logs'> {
  return {
    requests: {
      'logs:older': (input) => logs.older(input),
      'logs:saveTicket': ({ containers }) => exports.ticket(containers),
    },
    streams: {
      'logs:follow': (input, sink) => logs.follow(input, sink),
      'logs:search': (input, sink) => logs.search(input, sink),
    },
  };
}

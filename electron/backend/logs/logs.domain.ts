import { defineDomain } from '../core/domain';
import { LogExports } from './logs.exports';
import { logsHandlers } from './logs.handlers';
import { LogsService } from './logs.service';

declare module '../core/domain' {
  interface Services {
    readonly logs: LogsService;
    /** Whole logs over the bridge's download route (browser mode). */
    readonly logExports: LogExports;
  }
}

export const logsDomain = defineDomain({
  name: 'logs',
  make: ({ engine, transcript }) => {
    const logs = new LogsService(engine);
    const logExports = new LogExports(logs, transcript);
    return { services: { logs, logExports }, handlers: logsHandlers(logs, logExports) };
  },
});

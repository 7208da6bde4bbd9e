import { defineDomain } from '../core/domain';
import { PendingRepairs } from '../core/repairs';
import { containersHandlers } from './containers.handlers';
import { ContainersService } from './containers.service';

declare module '../core/domain' {
  interface Services {
    readonly containers: ContainersService;
  }
}

export const containersDomain = defineDomain({
  name: 'containers',
  make: ({ engine, transcript }) => {
    const containers = new ContainersService(engine, new PendingRepairs(engine));
    return { services: { containers }, handlers: containersHandlers(containers, transcript) };
  },
});

import { defineDomain } from '../core/domain';
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
    const containers = new ContainersService(engine);
    return { services: { containers }, handlers: containersHandlers(containers, transcript) };
  },
});

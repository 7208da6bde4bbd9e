import { defineDomain } from '../core/domain';
import { networksHandlers } from './networks.handlers';
import { NetworksService } from './networks.service';

declare module '../core/domain' {
  interface Services {
    readonly networks: NetworksService;
  }
}

export const networksDomain = defineDomain({
  name: 'networks',
  make: ({ engine, transcript }) => {
    const networks = new NetworksService(engine);
    return { services: { networks }, handlers: networksHandlers(networks, transcript) };
  },
});

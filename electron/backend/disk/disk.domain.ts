import { defineDomain } from '../core/domain';
import { diskHandlers } from './disk.handlers';
import { DiskService } from './disk.service';

declare module '../core/domain' {
  interface Services {
    readonly disk: DiskService;
  }
}

export const diskDomain = defineDomain({
  name: 'disk',
  make: ({ engine, transcript, service }) => {
    const disk = new DiskService(engine, service('volumes'));
    return { services: { disk }, handlers: diskHandlers(disk, transcript) };
  },
});

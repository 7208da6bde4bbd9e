import type { ImagesService } from '../docker/images.service';
import type { DomainHandlers } from '../ipc/dispatcher';
import type { Transcript } from '../transcript';

export function imagesHandlers(images: ImagesService, _transcript: Transcript): DomainHandlers<'images'> {
  return {
    requests: {
      'images:list': () => images.list(),
    },
    streams: {},
  };
}

import { defineDomain } from '../core/domain';
import { imagesHandlers } from './images.handlers';
import { ImagesService } from './images.service';
import { ImageTransfers } from './images.transfers';

declare module '../core/domain' {
  interface Services {
    readonly images: ImagesService;
    /** Image tars over the bridge's /transfer/ route (browser mode). */
    readonly imageTransfers: ImageTransfers;
  }
}

export const imagesDomain = defineDomain({
  name: 'images',
  make: ({ engine, transcript, service }) => {
    const registries = service('registries');
    const images = new ImagesService(engine, (ref) => registries.authFor(ref));
    const imageTransfers = new ImageTransfers(images, transcript);
    return { services: { images, imageTransfers }, handlers: imagesHandlers(images, transcript, imageTransfers) };
  },
});

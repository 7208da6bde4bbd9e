import { defineDomain } from '../../core/domain';
import { tourHandlers } from './tour.handlers';
import { TourService } from './tour.service';

declare module '../../core/domain' {
  interface Services {
    readonly tour: TourService;
  }
}

export const tourDomain = defineDomain({
  name: 'tour',
  make: ({ engine, transcript, service }) => {
    const tour = new TourService(engine, service('containers'), transcript);
    return { services: { tour }, handlers: tourHandlers(tour) };
  },
});

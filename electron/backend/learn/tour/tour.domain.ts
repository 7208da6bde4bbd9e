import { defineDomain } from '../../core/domain';
import { DataTourService } from './tour-data.service';
import { tourHandlers } from './tour.handlers';
import { TourService } from './tour.service';

declare module '../../core/domain' {
  interface Services {
    readonly tour: TourService;
    readonly dataTour: DataTourService;
  }
}

export const tourDomain = defineDomain({
  name: 'tour',
  make: ({ engine, transcript, service }) => {
    const tour = new TourService(engine, service('containers'), transcript);
    const dataTour = new DataTourService(engine, transcript, tour);
    return { services: { tour, dataTour }, handlers: tourHandlers(tour, dataTour) };
  },
});

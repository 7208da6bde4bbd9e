import type { DataTourService } from './tour-data.service';
import type { TourService } from './tour.service';
import type { DomainHandlers } from '../../core/dispatcher.types';

/** Both tours share the channels; a request names its tour (none means the first, "images"). */
export function tourHandlers(tour: TourService, data: DataTourService): DomainHandlers<'tour'> {
  return {
    requests: {
      'tour:plan': (input) => (input?.tour === 'data' ? data.plan() : tour.plan()),
      'tour:run': (input) => (input.tour === 'data' ? data.run(input.step) : tour.run(input.step)),
      'tour:check': (input) => (input.tour === 'data' ? data.check(input.step) : tour.check(input.step)),
      'tour:cleanup': () => tour.cleanup(),
    },
    streams: {},
  };
}

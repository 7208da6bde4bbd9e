import type { TourService } from './tour.service';
import type { DomainHandlers } from '../../core/dispatcher.types';

export function tourHandlers(tour: TourService): DomainHandlers<'tour'> {
  return {
    requests: {
      'tour:plan': () => tour.plan(),
      'tour:run': ({ step }) => tour.run(step),
      'tour:check': ({ step }) => tour.check(step),
      'tour:cleanup': () => tour.cleanup(),
    },
    streams: {},
  };
}

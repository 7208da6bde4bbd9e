import type { TourService } from '../docker/tour.service';
import type { DomainHandlers } from '../ipc/dispatcher';

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

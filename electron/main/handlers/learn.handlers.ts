import type { LearnService } from '../docker/learn.service';
import type { DomainHandlers } from '../ipc/dispatcher';

export function learnHandlers(learn: LearnService): DomainHandlers<'learn'> {
  return {
    requests: {
      'learn:relationships': () => learn.relationships(),
    },
    streams: {},
  };
}

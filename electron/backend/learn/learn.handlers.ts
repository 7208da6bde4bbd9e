import type { LearnService } from './learn.service';
import type { DomainHandlers } from '../core/dispatcher.types';

export function learnHandlers(learn: LearnService): DomainHandlers<'learn'> {
  return {
    requests: {
      'learn:relationships': () => learn.relationships(),
    },
    streams: {},
  };
}

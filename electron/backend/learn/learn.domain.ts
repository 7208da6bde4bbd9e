import { defineDomain } from '../core/domain';
import { learnHandlers } from './learn.handlers';
import { LearnService } from './learn.service';

declare module '../core/domain' {
  interface Services {
    readonly learn: LearnService;
  }
}

export const learnDomain = defineDomain({
  name: 'learn',
  make: ({ engine }) => {
    const learn = new LearnService(engine);
    return { services: { learn }, handlers: learnHandlers(learn) };
  },
});

import { defineDomain } from '../core/domain';
import { engineHandlers } from './engine.handlers';

export const engineDomain = defineDomain({
  name: 'engine',
  make: ({ engine }) => ({ handlers: engineHandlers(engine) }),
});

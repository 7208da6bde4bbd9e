import { defineDomain } from '../core/domain';
import { buildHandlers } from './build.handlers';
import { BuildService } from './build.service';

declare module '../core/domain' {
  interface Services {
    readonly build: BuildService;
  }
}

export const buildDomain = defineDomain({
  name: 'build',
  make: ({ engine, transcript }) => {
    const build = new BuildService(engine, { env: process.env });
    return { services: { build }, handlers: buildHandlers(build, transcript) };
  },
});

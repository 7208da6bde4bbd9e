import path from 'node:path';
import { defineDomain } from '../core/domain';
import { BuildHistory } from './build.history';
import { buildHandlers } from './build.handlers';
import { BuildService } from './build.service';

declare module '../core/domain' {
  interface Services {
    readonly build: BuildService;
    readonly buildHistory: BuildHistory;
  }
}

export const buildDomain = defineDomain({
  name: 'build',
  make: ({ engine, transcript, cacheDir, paths, service }) => {
    // The app's data folder keeps the history across restarts; without one (tests) it lives in memory.
    const history = new BuildHistory(cacheDir === null ? null : path.join(cacheDir, 'build-history.json'));
    // BuildKit asks the session for a registry's login when a FROM pulls from it; the logins are the registries
    // domain's (made later than this one, so looked up at build time).
    const credentials = (host: string) => service('registries').buildKitCredential(host);
    const build = new BuildService(engine, { env: process.env, history, credentials });
    return { services: { build, buildHistory: history }, handlers: buildHandlers(build, history, transcript, paths) };
  },
});

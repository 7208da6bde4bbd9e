// Playwright globalSetup: an engine (TEST_DOCKER_HOST or a throwaway one), fixture images, a fresh build and
// `npm run serve` on that engine. Specs get BERTH_URL, BERTH_TOKEN and TEST_DOCKER_HOST through the environment
// (workers start after this and inherit it); e2e/fixtures.ts reads them.
import { buildFixtures, cleanupLabelled, pingHost, startTestEngine, type TestEngine } from '../scripts/test-engine.mjs';
import { buildIfNeeded, startServe, type Served } from './rig';

export default async function globalSetup(): Promise<() => Promise<void>> {
  let engine: TestEngine | undefined;
  let served: Served | undefined;
  const teardown = async (): Promise<void> => {
    await served?.stop();
    if (engine) await engine.remove();
    else if (process.env.TEST_DOCKER_HOST) await cleanupLabelled(process.env.TEST_DOCKER_HOST);
  };
  try {
    let host = process.env.TEST_DOCKER_HOST;
    if (host) {
      if (!(await pingHost(host, 5000))) {
        throw new Error(
          `TEST_DOCKER_HOST=${host} does not answer /_ping; start that engine or unset TEST_DOCKER_HOST.`,
        );
      }
      await cleanupLabelled(host);
    } else {
      engine = await startTestEngine({ name: 'e2e' });
      host = engine.host;
    }
    await buildFixtures(host);
    buildIfNeeded();
    served = await startServe(host);
    process.env.TEST_DOCKER_HOST = host;
    process.env.BERTH_URL = served.url;
    process.env.BERTH_TOKEN = served.token;
    return teardown;
  } catch (err) {
    await teardown();
    throw err;
  }
}

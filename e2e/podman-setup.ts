// Playwright globalSetup for the Podman run (playwright.podman.config.ts): `podman system service` on a private
// socket (scripts/test-podman.mjs), the fixture images built on a Docker engine (TEST_DOCKER_HOST or a throwaway
// one) and moved in with `docker save` + load, a fresh build and `npm run serve` pointed at Podman. Specs see the
// Podman socket as TEST_DOCKER_HOST and BERTH_TEST_ENGINE=podman, so that the same @core specs run on both engines.
// TEST_PODMAN_HOST names a Podman service that already holds the fixtures (left running, only cleaned).
import { loadImages, podmanInstalled, startTestPodman, type TestPodman } from '../scripts/test-podman.mjs';
import { buildFixtures, cleanupLabelled, pingHost, startTestEngine, type TestEngine } from '../scripts/test-engine.mjs';
import { buildIfNeeded, startServe, type Served } from './rig';

async function podmanWithFixtures(): Promise<{ host: string; podman?: TestPodman }> {
  const lent = process.env.TEST_PODMAN_HOST;
  if (lent) {
    if (!(await pingHost(lent, 5000))) throw new Error(`TEST_PODMAN_HOST=${lent} does not answer /_ping.`);
    await cleanupLabelled(lent);
    return { host: lent };
  }
  let source = process.env.TEST_DOCKER_HOST;
  if (source && !(await pingHost(source, 5000))) {
    throw new Error(`TEST_DOCKER_HOST=${source} does not answer /_ping; start that engine or unset it.`);
  }
  let docker: TestEngine | undefined;
  let podman: TestPodman | undefined;
  try {
    const [pod, tags] = await Promise.all([
      startTestPodman({ name: 'e2epod' }),
      (async () => {
        if (!source) {
          docker = await startTestEngine({ name: 'e2esrc' });
          source = docker.host;
        }
        return buildFixtures(source);
      })(),
    ]);
    podman = pod;
    if (source) await loadImages(source, pod.host, tags);
    return { host: pod.host, podman: pod };
  } catch (err) {
    await podman?.remove();
    throw err;
  } finally {
    // The Docker engine was only the source of the images.
    await docker?.remove();
  }
}

export default async function podmanSetup(): Promise<() => Promise<void>> {
  const version = podmanInstalled();
  if (!version) throw new Error('Podman E2E DID NOT RUN: podman is not installed (`apt-get install podman runc`).');
  const started = Date.now();
  const { host, podman } = await podmanWithFixtures();
  let served: Served | undefined;
  const teardown = async (): Promise<void> => {
    await served?.stop();
    if (podman) await podman.remove();
    else await cleanupLabelled(host);
  };
  try {
    buildIfNeeded();
    served = await startServe(host);
    console.log(`Podman ${version} at ${host} with the fixture images, served in ${Date.now() - started} ms.`);
    process.env.TEST_DOCKER_HOST = host;
    process.env.BERTH_TEST_ENGINE = 'podman';
    process.env.BERTH_URL = served.url;
    process.env.BERTH_TOKEN = served.token;
    return teardown;
  } catch (err) {
    await teardown();
    throw err;
  }
}

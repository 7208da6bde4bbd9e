// Vitest globalSetup for integration tests: use TEST_DOCKER_HOST when given, else start a throwaway engine.
// Either way fixture images are built, and the address reaches the workers through provide/inject.
import type { TestProject } from 'vitest/node';
import { buildFixtures, cleanupLabelled, pingHost, startTestEngine } from './test-engine.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    testDockerHost: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const given = process.env.TEST_DOCKER_HOST;
  if (given) {
    if (!(await pingHost(given, 5000))) {
      throw new Error(`TEST_DOCKER_HOST=${given} does not answer /_ping; start that engine or unset TEST_DOCKER_HOST.`);
    }
    await buildFixtures(given);
    // Leftovers from an interrupted run would confuse counts in list tests.
    await cleanupLabelled(given);
    project.provide('testDockerHost', given);
    return () => cleanupLabelled(given);
  }
  const engine = await startTestEngine({ name: 'int' });
  try {
    await buildFixtures(engine.host);
  } catch (err) {
    await engine.remove();
    throw err;
  }
  process.env.TEST_DOCKER_HOST = engine.host;
  project.provide('testDockerHost', engine.host);
  return () => engine.remove();
}

// Runs in every integration worker: tests read the engine address from process.env.TEST_DOCKER_HOST.
import { inject } from 'vitest';

process.env.TEST_DOCKER_HOST = inject('testDockerHost');

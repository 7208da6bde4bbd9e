import { describe, expect, it } from 'vitest';
import { REQUEST_CHANNELS, STREAM_CHANNELS } from '../../shared/contract';
import { createBackend } from './index';

describe('createBackend', () => {
  it('makes every domain in order (a domain asking for a service made later throws here), with the services the hosts use and a handler for every channel', async () => {
    const backend = createBackend({ env: { DOCKER_HOST: 'unix:///nonexistent/docker.sock' }, platform: 'linux' });
    try {
      for (const name of ['settings', 'commands', 'imageTransfers', 'logExports', 'containers', 'tour'] as const)
        expect(backend.services[name]).toBeDefined();
      // Every channel reaches a handler: an unknown one would answer UNKNOWN_CHANNEL, a bad input INVALID_INPUT.
      for (const channel of REQUEST_CHANNELS) {
        const answer = await backend.dispatcher.request(channel, { surely: 'not valid' });
        expect(answer).not.toMatchObject({ error: { code: 'UNKNOWN_CHANNEL' } });
      }
      expect(STREAM_CHANNELS.length).toBeGreaterThan(0);
    } finally {
      await backend.dispose();
    }
  });
});

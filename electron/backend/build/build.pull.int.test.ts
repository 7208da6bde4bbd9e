/** Always-pull against a registry on loopback: the build takes the registry's base image over the local one. */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { startTestRegistry } from '../../../scripts/test-registry.mjs';
import { build, cli, HOST, makeContext, tagFor, useBuildBackend } from './build.int.test-helper';

useBuildBackend();

describe('always pull', () => {
  it('pull takes the base image from the registry even when an older one is here', async () => {
    const registry = await startTestRegistry();
    const base = `${registry.address}/berth-build-base:1`;
    try {
      // The registry gets a base labelled "newer"; the local tag is left on the plain fixture.
      const newer = makeContext('newer-base', {
        Dockerfile: 'FROM berth-fixture/busybox:1\nLABEL berth.test=1 base=newer\n',
      });
      execFileSync('docker', ['-H', HOST, 'build', '-q', '-t', base, newer], {
        env: { ...process.env, DOCKER_BUILDKIT: '0' },
        stdio: 'ignore',
      });
      cli('push', base);
      cli('tag', 'berth-fixture/busybox:1', base);
      const root = makeContext('pull', { Dockerfile: `FROM ${base}\nLABEL berth.test=1\n` });
      const label = (tag: string) => cli('image', 'inspect', '--format', '{{index .Config.Labels "base"}}', tag);

      const local = tagFor('nopull');
      expect((await build({ builder: 'classic', contextPath: root, tags: [local] })).error).toBeUndefined();
      expect(label(local)).toBe('');

      const pulled = tagFor('pull');
      const { error, events } = await build({
        builder: 'classic',
        contextPath: root,
        tags: [pulled],
        pull: true,
        noCache: true,
      });
      expect(error).toBeUndefined();
      expect(events.some((e) => e.type === 'output' && e.text.includes('Downloaded newer image'))).toBe(true);
      expect(label(pulled)).toBe('newer');
    } finally {
      cli('rmi', '-f', base);
      await registry.stop();
    }
  });
});

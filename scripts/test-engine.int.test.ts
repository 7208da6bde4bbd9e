import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cleanupLabelled, dockerFor, pingHost, startTestEngine, TEST_LABEL } from './test-engine.mjs';

const host = process.env.TEST_DOCKER_HOST ?? '';

function processesMentioning(dir: string): string[] {
  return fs
    .readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .flatMap((pid) => {
      try {
        const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
        return cmdline.includes(`${dir}/`) ? [cmdline.replaceAll('\0', ' ')] : [];
      } catch {
        return [];
      }
    });
}

describe('test engine rig', () => {
  it('hands the workers an engine that answers', async () => {
    expect(host).toMatch(/^(unix|tcp):\/\//);
    expect(await pingHost(host)).toBe(true);
  });

  it('has a fixture image that runs echo', async () => {
    const docker = dockerFor(host);
    const container = await docker.createContainer({
      Image: 'berth-fixture/busybox:1',
      Cmd: ['echo', 'hello from the fixture'],
      Labels: { [TEST_LABEL]: '1' },
    });
    try {
      await container.start();
      const { StatusCode } = (await container.wait()) as { StatusCode: number };
      const logs = await container.logs({ stdout: true, stderr: true });
      expect(StatusCode).toBe(0);
      expect(logs.toString('utf8')).toContain('hello from the fixture');
    } finally {
      await container.remove({ force: true });
    }
  });

  it('cleans up only what is labelled', async () => {
    const docker = dockerFor(host);
    const labelled = await docker.createContainer({ Image: 'berth-fixture/busybox:1', Labels: { [TEST_LABEL]: '1' } });
    // Containers inherit the fixture image's label; this one overrides it to stand for a user's container.
    const other = await docker.createContainer({ Image: 'berth-fixture/busybox:1', Labels: { [TEST_LABEL]: 'no' } });
    try {
      await cleanupLabelled(host);
      await expect(labelled.inspect()).rejects.toMatchObject({ statusCode: 404 });
      expect((await other.inspect()).Id).toBe(other.id);
      expect((await docker.listImages()).some((i) => i.RepoTags?.includes('berth-fixture/busybox:1'))).toBe(true);
    } finally {
      await other.remove({ force: true });
    }
  });

  it.skipIf(process.getuid?.() !== 0)('stops and starts a private engine, leaving no process behind', async () => {
    const engine = await startTestEngine({ name: 'cyc' });
    try {
      expect(await pingHost(engine.host)).toBe(true);
      expect(processesMentioning(engine.dir).some((cmd) => cmd.startsWith('containerd '))).toBe(true);
      await engine.stop();
      expect(await pingHost(engine.host)).toBe(false);
      expect(processesMentioning(engine.dir)).toEqual([]);
      await engine.start();
      expect(await pingHost(engine.host)).toBe(true);
    } finally {
      await engine.remove();
    }
    expect(processesMentioning(engine.dir)).toEqual([]);
    expect(fs.existsSync(engine.dir)).toBe(false);
  });
});

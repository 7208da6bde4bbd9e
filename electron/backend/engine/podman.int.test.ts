/**
 * Berth's backend on Podman's Docker-compatible socket (`podman system service` as root, private socket and store):
 * list, run, stop, logs and an image's history and layers, with Podman's differences put in words.
 * Without podman installed every test here fails with a sentence saying so (never a silent skip).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImageDetail } from '../../../shared/dto/images';
import type { ContainerSummary, ImageSummary } from '../../../shared/dto/lists';
import type { LogsPage } from '../../../shared/dto/logs';
import type { Result } from '../../../shared/result';
import { loadImages, podmanInstalled, startTestPodman } from '../../../scripts/test-podman.mjs';
import { createBackend, type Backend } from '../index';

const DOCKER_HOST = process.env.TEST_DOCKER_HOST ?? '';
const FIXTURE = 'berth-fixture/busybox:1';
const VERSION = podmanInstalled();
const NAME = `berth-pod-${process.pid}`;

let podman: Awaited<ReturnType<typeof startTestPodman>>;
let backend: Backend;

const value = async <T>(channel: string, input: unknown): Promise<T> => {
  const result = (await backend.dispatcher.request(channel, input)) as Result<T>;
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value;
};

async function until<T>(probe: () => T | undefined | Promise<T | undefined>, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 100));
  }
}

if (!VERSION) {
  console.warn('podman.int.test: podman is not installed here, so Berth on Podman was NOT tested.');
}

describe(`Berth on Podman ${VERSION ?? '(not installed)'}`, () => {
  beforeAll(async () => {
    if (!VERSION) return;
    podman = await startTestPodman();
    await loadImages(DOCKER_HOST, podman.host, [FIXTURE]);
    backend = createBackend({ env: { DOCKER_HOST: podman.host }, platform: 'linux', homedir: '/nonexistent' });
    await until(() => (backend.engine.status().state === 'connected' ? true : undefined));
  }, 90_000);

  afterAll(async () => {
    await backend?.dispose();
    await podman?.remove();
  }, 60_000);

  const needsPodman = () => expect(VERSION, 'podman is not installed: `apt-get install podman`').toBeTruthy();

  it('lists the loaded image under the name Podman gives it, localhost/ explained', async () => {
    needsPodman();
    const images = await value<readonly ImageSummary[]>('images:list', undefined);
    const tags = images.flatMap((i) => i.repoTags);
    expect(
      tags.some((t) => t.endsWith('berth-fixture/busybox:1')),
      tags.join(', '),
    ).toBe(true);
  });

  it('runs, lists, reads the logs of and stops a container', async () => {
    needsPodman();
    const created = await value<{ id: string }>('containers:run', {
      image: FIXTURE,
      name: NAME,
      command: ['sh', '-c', 'echo hello-from-podman; sleep 600'],
      env: [],
      ports: [],
      mounts: [],
      restart: 'no',
      autoRemove: false,
      interactive: false,
      tty: false,
      labels: { 'berth.test': '1' },
    });
    expect(created.id).toMatch(/^[0-9a-f]{12,64}$/);
    const running = await until(async () => {
      const list = await value<readonly ContainerSummary[]>('containers:list', { all: true });
      return list.find((c) => c.name === NAME && c.state === 'running');
    });
    expect(running.image).toContain('berth-fixture/busybox');

    const page = await until(async () => {
      const p = await value<LogsPage>('logs:older', {
        container: NAME,
        before: new Date(Date.now() + 60_000).toISOString(),
        skip: 0,
        limit: 100,
      });
      return p.text.includes('hello-from-podman') ? p : undefined;
    });
    expect(page.text).toContain('hello-from-podman');

    await value('containers:stop', { id: NAME, timeout: 1 });
    const stopped = await value<readonly ContainerSummary[]>('containers:list', { all: true });
    expect(stopped.find((c) => c.name === NAME)?.state).toBe('exited');
  });

  it('shows the image history with layers, and no raw <missing> ids', async () => {
    needsPodman();
    const detail = await value<ImageDetail>('images:inspect', { ref: FIXTURE });
    expect(detail.layers.length).toBeGreaterThan(0);
    expect(detail.steps.length).toBeGreaterThan(0);
    expect(detail.steps.some((s) => s.layer !== null)).toBe(true);
    for (const step of detail.steps) expect(step.id).not.toBe('<missing>');
    expect(JSON.stringify(detail.steps)).not.toContain('<missing>');
    for (const step of detail.steps.filter((s) => s.id === null)) expect(step.idNote).toMatch(/No image id/);
    expect(detail.repoTags).toContain('localhost/berth-fixture/busybox:1');
    expect(detail.notes?.join(' ')).toMatch(/"localhost\/" is how Podman names an image/);
  });
});

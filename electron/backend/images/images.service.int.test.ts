/**
 * The image page's data against a real engine, checked against `docker history --no-trunc`, `docker image inspect`
 * and the engine's own disk-usage figures; tag, remove and prune with their errors, through the dispatcher.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tagAction } from '../../../shared/cli/images.cli';
import type { ImageDetail, PrunePlan, PruneResult, RemoveResult } from '../../../shared/dto/images';
import type { ImageSummary } from '../../../shared/dto/lists';
import { cleanupLabelled, dockerFor } from '../../../scripts/test-engine.mjs';
import type { Backend } from '../index';
import { buildImage, call, cli, connectedBackend, HOST, unique } from './images.test-helper';

const BASE = `${unique('berth-it-base')}:1`;
const APP_A = `${unique('berth-it-a')}:1`;
const APP_B = `${unique('berth-it-b')}:1`;

let backend: Backend;

beforeAll(async () => {
  backend = await connectedBackend();
  await buildImage(
    BASE,
    [
      'FROM scratch',
      'COPY busybox /bin/busybox',
      'RUN ["/bin/busybox", "--install", "-s", "/bin"]',
      'ENV TIER=base',
    ].join('\n'),
  );
  await buildImage(
    APP_A,
    [
      `FROM ${BASE}`,
      'COPY hello.txt /srv/hello.txt',
      'WORKDIR /srv',
      'RUN head -c 40000 /dev/zero > a.bin',
      'CMD ["sh"]',
    ].join('\n'),
    { 'hello.txt': 'hello\n' },
  );
  await buildImage(APP_B, [`FROM ${BASE}`, 'RUN head -c 7000 /dev/zero > /b.bin', 'LABEL role=b'].join('\n'));
}, 120_000);

afterAll(async () => {
  await backend?.dispose();
  await cleanupLabelled(HOST);
});

const inspect = async (ref: string): Promise<ImageDetail> => {
  const result = await call<ImageDetail>(backend, 'images:inspect', { ref });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};

describe('layers', () => {
  it('gives exactly the Dockerfile steps, each with its layer, matching docker history and inspect', async () => {
    const detail = await inspect(APP_A);
    expect(detail.steps.map((s) => [s.instruction.split(' ')[0], s.layer === null ? 'empty' : 'files'])).toEqual([
      ['COPY', 'files'],
      ['RUN', 'files'],
      ['ENV', 'empty'],
      ['LABEL', 'empty'],
      ['COPY', 'files'],
      ['WORKDIR', 'empty'],
      ['RUN', 'files'],
      ['CMD', 'empty'],
      ['LABEL', 'empty'],
    ]);
    expect(detail.steps[4]?.instruction).toMatch(/^COPY file:[0-9a-f]+ in \/srv\/hello\.txt$/);
    expect(detail.steps[6]?.instruction).toBe('RUN head -c 40000 /dev/zero > a.bin');
    expect(detail.steps[7]?.instruction).toBe('CMD ["sh"]');
    // Steps that added files have a size; /srv/hello.txt is 6 bytes, a.bin 40000.
    expect(detail.steps[0]?.size).toBeGreaterThan(100_000);
    expect(detail.steps[4]?.size).toBe(6);
    expect(detail.steps[6]?.size).toBe(40_000);

    // The same steps as the CLI prints them, newest first.
    const history = cli(
      'history',
      '--no-trunc',
      '--human=false',
      '--format',
      '{{.ID}}\t{{.CreatedBy}}\t{{.Size}}',
      APP_A,
    )
      .split('\n')
      .map((line) => line.split('\t'));
    expect([...detail.steps].reverse().map((s) => [s.id ?? '<missing>', s.createdBy, String(s.size)])).toEqual(history);

    const layers = JSON.parse(cli('image', 'inspect', '--format', '{{json .RootFS.Layers}}', APP_A)) as string[];
    expect(detail.aligned).toBe(true);
    expect(detail.layers).toEqual(layers);
    expect(detail.steps.flatMap((s) => (s.layer ? [s.layer] : []))).toEqual(layers);
    expect(detail.id).toBe(cli('image', 'inspect', '--format', '{{.Id}}', APP_A));
    expect(detail.cmd).toEqual(['sh']);
    expect(detail.workingDir).toBe('/srv');
    expect(detail.env).toContain('TIER=base');
  });

  it('shows the base layers as shared by both images built FROM it, with the unique sizes the engine reports', async () => {
    const [a, b] = [await inspect(APP_A), await inspect(APP_B)];
    for (const image of [a, b]) {
      const baseSteps = image.steps.slice(0, 2);
      expect(baseSteps.every((s) => s.sharedWith.includes(BASE))).toBe(true);
      expect(image.steps.slice(4).every((s) => s.sharedWith.length === 0)).toBe(true);
    }
    expect(a.steps[0]?.sharedWith).toContain(APP_B);
    expect(a.uniqueSize).toBe(40_006);
    expect(b.uniqueSize).toBe(7_000);
    expect(a.sharedSize).toBe(a.size - 40_006);

    const df = (await dockerFor(HOST).df()) as { Images: { Id: string; Size: number; SharedSize: number }[] };
    for (const image of [a, b]) {
      const usage = df.Images.find((i) => i.Id === image.id);
      expect(image.sharedSize).toBe(usage?.SharedSize);
      expect(image.uniqueSize).toBe((usage?.Size ?? 0) - (usage?.SharedSize ?? 0));
    }
  });

  it('lists every tag and counts containers made from the image, running and all', async () => {
    const name = unique('berth-it-c');
    cli('create', '--label', 'berth.test=1', '--name', name, APP_B, 'true');
    try {
      const list = await call<ImageSummary[]>(backend, 'images:list');
      const b = list.ok ? list.value.find((i) => i.repoTags.includes(APP_B)) : undefined;
      expect([b?.containers, b?.containersRunning]).toEqual([1, 0]);
      const detail = await inspect(APP_B);
      expect(detail.containers.map((c) => [c.name, c.state])).toEqual([[name, 'created']]);
    } finally {
      cli('rm', '-f', name);
    }
  });
});

describe('tag', () => {
  it('tags an image, as the docker command it shows does', async () => {
    const target = `${unique('berth-it-tag')}:v1`;
    const result = await call<{ reference: string }>(backend, 'images:tag', { ref: APP_B, target });
    expect(result).toEqual({ ok: true, value: { reference: target } });
    expect(cli('image', 'inspect', '--format', '{{.Id}}', target)).toBe((await inspect(APP_B)).id);
    // The command shown in the UI does the same with the CLI.
    const viaCli = `${unique('berth-it-tag')}:v2`;
    const argv = tagAction(APP_B, viaCli).command.split(' ').slice(1);
    cli(...argv);
    expect((await inspect(viaCli)).repoTags).toEqual(expect.arrayContaining([target, viaCli, APP_B]));
  });

  it('refuses a bad name with a sentence saying why', async () => {
    const result = await call(backend, 'images:tag', { ref: APP_B, target: 'Bad/Name:1' });
    expect(result).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'Image names must be lowercase: "Bad" has capital letters.' },
    });
  });

  it('says when the image does not exist', async () => {
    const result = await call(backend, 'images:inspect', { ref: 'berth-no-such-image:404' });
    expect(result).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'There is no image called berth-no-such-image:404 on this engine.' },
    });
  });
});

describe('remove', () => {
  it('explains a conflict with the container named, and removes once the container is gone', async () => {
    const ref = `${unique('berth-it-rm')}:1`;
    cli('tag', APP_B, ref);
    // Only name: untagging a second name is allowed; so give the image a container and try its id.
    const id = (await inspect(ref)).id;
    const name = unique('berth-it-run');
    cli('run', '-d', '--label', 'berth.test=1', '--name', name, ref, 'sleep', '60');
    try {
      const refused = await call<RemoveResult>(backend, 'images:remove', { ref: id, force: false });
      expect(refused.ok).toBe(false);
      if (refused.ok) return;
      expect(refused.error.code).toBe('CONFLICT');
      expect(refused.error.message).toContain(`used by container ${name} (running)`);
      expect(refused.error.details?.canForce).toBe(false);
      const forced = await call<RemoveResult>(backend, 'images:remove', { ref: id, force: true });
      expect(forced.ok).toBe(false);
    } finally {
      cli('rm', '-f', name);
    }
    const removed = await call<RemoveResult>(backend, 'images:remove', { ref, force: false });
    expect(removed).toEqual({ ok: true, value: { untagged: [ref], deleted: [] } });
    expect(cli('images', '-q', ref)).toBe('');
  });

  it('removes nothing for an unknown image and says so', async () => {
    const result = await call(backend, 'images:remove', { ref: 'berth-no-such-image:404', force: false });
    expect(!result.ok && result.error.code).toBe('NOT_FOUND');
  });
});

describe('prune', () => {
  it('lists the dangling images with the space they free, then removes them', async () => {
    const tag = `${unique('berth-it-dangle')}:1`;
    await buildImage(tag, [`FROM ${BASE}`, 'RUN head -c 3000 /dev/zero > /one'].join('\n'));
    const first = (await inspect(tag)).id;
    await buildImage(tag, [`FROM ${BASE}`, 'RUN head -c 5000 /dev/zero > /two'].join('\n'));
    const plan = await call<PrunePlan>(backend, 'images:prunePlan');
    if (!plan.ok) throw new Error(plan.error.message);
    const entry = plan.value.images.find((i) => i.id === first);
    expect(entry).toBeDefined();
    expect(plan.value.reclaimable).toBeGreaterThanOrEqual(3000);
    const pruned = await call<PruneResult>(backend, 'images:prune');
    expect(pruned.ok && pruned.value.deleted).toContain(first);
    expect(pruned.ok && pruned.value.spaceReclaimed).toBeGreaterThanOrEqual(3000);
    expect(cli('images', '-q', '--filter', 'dangling=true', '--no-trunc')).not.toContain(first);
  });
});

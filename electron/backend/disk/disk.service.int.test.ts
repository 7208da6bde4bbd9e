/**
 * Disk usage through the Dispatcher against a real engine: the totals equal what `docker system df` prints, the
 * rows equal `docker system df -v`, and each category's prune preview equals what the prune removed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiskCategory, DiskPrunePreview, DiskPruneResult, DiskUsage } from '../../../shared/dto/disk';
import type { Backend } from '../index';
import type Dockerode from 'dockerode';
import tarStream from 'tar-stream';
import { dockerFor } from '../../../scripts/test-engine.mjs';
import { buildImage, call as callOn, cli, connectedBackend, HOST, unique } from '../images/images.test-helper';

const FIXTURE = 'berth-fixture/busybox:1';

let backend: Backend;
const value = async <T>(channel: string, input?: unknown): Promise<T> => {
  const result = await callOn<T>(backend, channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value;
};

/** go-units HumanSize, as the docker CLI prints sizes: four significant digits, decimal units. */
function humanSize(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'];
  let size = bytes;
  let i = 0;
  while (size >= 1000 && i < units.length - 1) {
    size /= 1000;
    i++;
  }
  return `${Number(size.toPrecision(4))}${units[i] ?? ''}`;
}

/** A BuildKit build (API version 2), which leaves build cache records behind; offline: FROM scratch. */
async function buildKit(tag: string): Promise<void> {
  const docker = dockerFor(HOST);
  const pack = tarStream.pack();
  pack.entry({ name: 'Dockerfile' }, 'FROM scratch\nCOPY f /f\nCOPY g /g\n');
  pack.entry({ name: 'f' }, 'x'.repeat(3000));
  pack.entry({ name: 'g' }, 'g\n');
  pack.finalize();
  const stream = await docker.buildImage(
    pack as unknown as NodeJS.ReadableStream,
    {
      t: tag,
      labels: { 'berth.test': '1' },
      version: '2',
    } as Dockerode.ImageBuildOptions,
  );
  await new Promise<void>((resolve, reject) => {
    docker.modem.followProgress(stream, (err: Error | null, output: { error?: string }[]) => {
      const failed = err?.message ?? output.find((line) => line.error)?.error;
      if (failed) reject(new Error(`building ${tag} failed: ${failed}`));
      else resolve();
    });
  });
}

const ROWS: Record<string, DiskCategory> = {
  Images: 'images',
  Containers: 'containers',
  'Local Volumes': 'volumes',
  'Build Cache': 'buildCache',
};

beforeAll(async () => {
  backend = await connectedBackend();
});

afterAll(async () => {
  await backend?.dispose();
  const containers = cli('ps', '-aq', '--filter', 'label=berth.test=1').split('\n').filter(Boolean);
  if (containers.length > 0) cli('rm', '-f', ...containers);
  const volumes = cli('volume', 'ls', '-q', '--filter', 'label=berth.test=1').split('\n').filter(Boolean);
  if (volumes.length > 0) cli('volume', 'rm', '-f', ...volumes);
}, 30_000);

describe('disk usage', () => {
  it('totals what `docker system df` prints and lists what `docker system df -v` lists', async () => {
    const volume = unique('dv');
    cli('volume', 'create', '--label', 'berth.test=1', volume);
    // A stopped container with data in its writable layer and a volume, and a running one.
    cli(
      'run',
      '--name',
      unique('dw'),
      '--label',
      'berth.test=1',
      '-v',
      `${volume}:/data`,
      FIXTURE,
      'sh',
      '-c',
      'head -c 4321 /dev/zero > /layer && head -c 2500 /dev/zero > /data/v',
    );
    cli('run', '-d', '--name', unique('dr'), '--label', 'berth.test=1', FIXTURE, 'sleep', '600');
    cli('volume', 'create', '--label', 'berth.test=1', unique('dempty'));

    const usage = await value<DiskUsage>('disk:usage');
    const rows = cli('system', 'df', '--format', '{{json .}}')
      .split('\n')
      .map(
        (line) =>
          JSON.parse(line) as { Type: string; TotalCount: string; Active: string; Size: string; Reclaimable: string },
      );
    expect(rows).toHaveLength(4);
    for (const row of rows) {
      const category = ROWS[row.Type];
      if (!category) throw new Error(`unexpected row ${row.Type}`);
      const total = usage.totals[category];
      expect(
        `${row.Type}: ${total.count} ${total.active} ${humanSize(total.size)} ${humanSize(total.reclaimable)}`,
      ).toBe(`${row.Type}: ${row.TotalCount} ${row.Active} ${row.Size} ${row.Reclaimable.split(' ')[0] ?? ''}`);
    }
    expect(usage.totals.containers.reclaimable).toBeGreaterThanOrEqual(4321);

    const verbose = JSON.parse(cli('system', 'df', '-v', '--format', '{{json .}}')) as {
      Images: { ID: string; Containers: string }[];
      Containers: { ID: string; Names: string; State: string }[];
      Volumes: { Name: string; Links: string; Size: string }[];
    };
    expect(usage.images.map((i) => `${i.id} ${i.containers}`).sort()).toEqual(
      verbose.Images.map((i) => `${i.ID} ${i.Containers}`).sort(),
    );
    expect(usage.containers.map((c) => `${c.id} ${c.name} ${c.state}`).sort()).toEqual(
      verbose.Containers.map((c) => `${c.ID} ${c.Names} ${c.State}`).sort(),
    );
    expect(usage.volumes.map((v) => `${v.name} ${v.refCount} ${humanSize(v.size ?? 0)}`).sort()).toEqual(
      verbose.Volumes.map((v) => `${v.Name} ${v.Links} ${v.Size}`).sort(),
    );
  });
});

describe('prune previews', () => {
  it('containers: previews the stopped ones, and the prune removes exactly those', async () => {
    cli('create', '--name', unique('dc'), '--label', 'berth.test=1', FIXTURE, 'true');
    const running = cli('run', '-d', '--name', unique('dk'), '--label', 'berth.test=1', FIXTURE, 'sleep', '600');
    const preview = await value<DiskPrunePreview>('disk:prunePreview', { category: 'containers' });
    const stopped = cli(
      'ps',
      '-aq',
      '--no-trunc',
      '--filter',
      'status=exited',
      '--filter',
      'status=created',
      '--filter',
      'status=dead',
    )
      .split('\n')
      .filter(Boolean);
    expect(preview.items.map((i) => i.id).sort()).toEqual(stopped.sort());
    const pruned = await value<DiskPruneResult>('disk:prune', { category: 'containers' });
    expect([...pruned.removed].sort()).toEqual(preview.items.map((i) => i.id).sort());
    expect(cli('ps', '-q', '--no-trunc')).toContain(running);
    expect(backend.services.transcript.list().at(-1)?.command).toBe('docker container prune --force');
  });

  it('images: previews the dangling ones no container uses, and the prune removes them', async () => {
    const tag = `${unique('berth-it-disk')}:1`;
    await buildImage(tag, ['FROM scratch', 'COPY busybox /one'].join('\n'));
    const first = cli('image', 'inspect', '--format', '{{.Id}}', tag);
    await buildImage(tag, ['FROM scratch', 'COPY busybox /two'].join('\n'));

    const preview = await value<DiskPrunePreview>('disk:prunePreview', { category: 'images' });
    const dangling = cli('images', '-q', '--no-trunc', '--filter', 'dangling=true').split('\n').filter(Boolean);
    expect(preview.items.map((i) => i.id).sort()).toEqual([...new Set(dangling)].sort());
    expect(preview.items.map((i) => i.id)).toContain(first);
    expect(preview.total).toBeGreaterThan(0);
    const before = cli('images', '-q', '--no-trunc').split('\n').filter(Boolean);
    const pruned = await value<DiskPruneResult>('disk:prune', { category: 'images' });
    for (const item of preview.items) expect(pruned.removed).toContain(item.id);
    const after = new Set(cli('images', '-q', '--no-trunc').split('\n').filter(Boolean));
    expect(before.filter((id) => !after.has(id)).sort()).toEqual([...new Set(preview.items.map((i) => i.id))].sort());
    cli('rmi', tag);
  });

  it('build cache: without all, keeps shared records; with all, every record not in use; totals as the CLI', async () => {
    const tag = `${unique('berth-it-bk')}:1`;
    await buildKit(tag);
    const usage = await value<DiskUsage>('disk:usage');
    expect(usage.buildCache.length).toBeGreaterThan(0);
    const row = JSON.parse(
      cli('system', 'df', '--format', '{{json .}}')
        .split('\n')
        .find((line) => line.includes('"Build Cache"')) ?? '{}',
    ) as { Size: string; Reclaimable: string; TotalCount: string };
    expect(
      `${usage.totals.buildCache.count} ${humanSize(usage.totals.buildCache.size)} ${humanSize(usage.totals.buildCache.reclaimable)}`,
    ).toBe(`${row.TotalCount} ${row.Size} ${row.Reclaimable}`);

    const dangling = await value<DiskPrunePreview>('disk:prunePreview', { category: 'buildCache' });
    expect(dangling.items.length).toBeGreaterThan(0);
    expect(dangling.items.length).toBeLessThan(usage.buildCache.length);
    const first = await value<DiskPruneResult>('disk:prune', { category: 'buildCache' });
    expect([...first.removed].sort()).toEqual(dangling.items.map((i) => i.id).sort());

    cli('rmi', tag);
    const rest = await value<DiskPrunePreview>('disk:prunePreview', { category: 'buildCache', all: true });
    const second = await value<DiskPruneResult>('disk:prune', { category: 'buildCache', all: true });
    expect([...second.removed].sort()).toEqual(rest.items.map((i) => i.id).sort());
    expect((await value<DiskUsage>('disk:usage')).buildCache).toEqual([]);
  });

  it('volumes: reuses the volume rule, and build cache previews only records not in use', async () => {
    const idle = unique('dvi');
    cli('volume', 'create', '--label', 'berth.test=1', idle);
    const volumes = await value<DiskPrunePreview>('disk:prunePreview', { category: 'volumes' });
    const fromVolumes = await value<{ volumes: { name: string }[] }>('volumes:prunePreview');
    expect(volumes.items.map((i) => i.name)).toEqual(fromVolumes.volumes.map((v) => v.name));
    const pruned = await value<DiskPruneResult>('disk:prune', { category: 'volumes' });
    expect([...pruned.removed].sort()).toEqual(volumes.items.map((i) => i.id).sort());

    const cache = await value<DiskPrunePreview>('disk:prunePreview', { category: 'buildCache', all: true });
    const usage = await value<DiskUsage>('disk:usage');
    expect(cache.items.map((i) => i.id).sort()).toEqual(
      usage.buildCache
        .filter((c) => !c.inUse)
        .map((c) => c.id)
        .sort(),
    );
    const cleared = await value<DiskPruneResult>('disk:prune', { category: 'buildCache', all: true });
    expect([...cleared.removed].sort()).toEqual(cache.items.map((i) => i.id).sort());
  });
});

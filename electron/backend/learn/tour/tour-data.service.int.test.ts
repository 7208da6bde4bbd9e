// The second guided tour ("Where data lives and how containers talk") against a real engine: each step's check
// fails before its action and passes after it, the transcript holds the commands the plan showed, and cleanup
// leaves no container, image, volume or network labelled berth.tour=1.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pack } from 'tar-fs';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { dockerFor } from '../../../../scripts/test-engine.mjs';
import { DATA_CONTAINERS, NOTE_FILE } from '../../../../shared/cli/tour-data.cli';
import { DATA_TOUR_STEPS } from '../../../../shared/dto/tour';
import { ContainersService } from '../../containers/containers.service';
import { Transcript } from '../../core/transcript';
import { DataTourService } from './tour-data.service';
import { TourService } from './tour.service';

const host = process.env.TEST_DOCKER_HOST ?? '';
const assetsDir = path.resolve(__dirname, '../../../../assets/tour');
const docker = dockerFor(host);
const source = { docker: () => docker };
const work = mkdtempSync(path.join(os.tmpdir(), 'berth-tour-data-int-'));
const filters = { label: ['berth.tour=1'] };

async function leftovers(): Promise<Record<string, number>> {
  const [containers, images, volumes, networks] = await Promise.all([
    docker.listContainers({ all: true, filters }),
    docker.listImages({ all: true, filters }),
    docker.listVolumes({ filters }),
    docker.listNetworks({ filters }),
  ]);
  return {
    containers: containers.length,
    images: images.length,
    volumes: volumes.Volumes?.length ?? 0,
    networks: networks.length,
  };
}

describe('the data and networks tour', () => {
  const transcript = new Transcript();
  const tour = new TourService(source, new ContainersService(source), transcript, {
    assetsDir,
    workDir: path.join(work, 'tour'),
  });
  const data = new DataTourService(source, transcript, tour);

  beforeEach(async () => {
    await tour.cleanup();
  });
  afterAll(async () => {
    await tour.cleanup();
    rmSync(work, { recursive: true, force: true });
  });

  it('fails each check before its step, passes it after, judges the engine, and leaves nothing labelled', async () => {
    const plan = data.plan();
    const lines: Record<string, readonly string[]> = {};
    for (const step of DATA_TOUR_STEPS) {
      const before = await data.check(step);
      expect(before, `${step} before its action`).toMatchObject({ passed: false });
      expect(before.detail.length).toBeGreaterThan(10);
      const from = transcript.list().length;
      const outcome = await data.run(step);
      lines[step] = outcome.lines;
      expect(outcome.lines.length, step).toBeGreaterThan(0);
      const after = await data.check(step);
      expect(after, `${step} after its action: ${after.detail}`).toMatchObject({ passed: true });
      if (step !== 'cleanup') {
        // Exactly the commands the plan showed were run, in that order (cleanup's name real ids instead).
        const recorded = transcript
          .list()
          .slice(from)
          .map((e) => e.command);
        expect(recorded, step).toEqual(plan.find((p) => p.step === step)?.actions.map((a) => a.command));
      }
      await undo[step]?.();
    }
    expect(lines.lose?.join('\n')).toContain(`there is no ${NOTE_FILE}`);
    expect(lines.keep?.join('\n')).toContain('Written by the Berth tour');
    expect(lines.look?.join('\n')).toContain('inside: note.txt');
    expect(lines.network?.join('\n')).toContain(`hello from ${DATA_CONTAINERS.web}`);
    expect(lines.network?.join('\n')).toMatch(/no shared network \(exit code 1\): .*does not resolve/);
    expect(lines.publish?.join('\n')).toContain(`hello from ${DATA_CONTAINERS.port}`);
    expect(await leftovers()).toEqual({ containers: 0, images: 0, volumes: 0, networks: 0 });
  });

  // After a step passed, the engine is changed behind the tour's back: the check must notice.
  const undo: Partial<Record<string, () => Promise<void>>> = {
    async lose() {
      // The same container with the note put back is not a lost note.
      await docker
        .getContainer(DATA_CONTAINERS.scratch)
        .putArchive(pack(path.join(work, 'tour-data', 'note')) as unknown as NodeJS.ReadableStream, { path: '/data' });
      expect((await data.check('lose')).detail).toContain('still has');
    },
    async network() {
      // A stopped container has no name on the network.
      await docker.getContainer(DATA_CONTAINERS.web).kill();
      expect((await data.check('network')).detail).toContain('does not resolve');
      await docker.getContainer(DATA_CONTAINERS.web).start();
      expect((await data.check('network')).passed).toBe(true);
    },
    async publish() {
      await docker.getContainer(DATA_CONTAINERS.port).kill();
      expect((await data.check('publish')).passed).toBe(false);
    },
  };
});

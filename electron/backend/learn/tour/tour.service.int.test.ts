// The guided tour against a real engine: every step's action followed by its check, then the same steps done
// with the docker commands Berth shows (run by the docker CLI), which must satisfy the same checks.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { dockerFor } from '../../../../scripts/test-engine.mjs';
import { cleanupImage } from '../../../../shared/cli/tour.cli';
import { TOUR_STEPS } from '../../../../shared/dto/tour';
import { ContainersService } from '../../containers/containers.service';
import { Transcript } from '../../core/transcript';
import { TourService } from './tour.service';

const host = process.env.TEST_DOCKER_HOST ?? '';
const assetsDir = path.resolve(__dirname, '../../../../assets/tour');
const docker = dockerFor(host);
const source = { docker: () => docker };
const work = mkdtempSync(path.join(os.tmpdir(), 'berth-tour-int-'));

function shell(command: string): string {
  return execFileSync('sh', ['-c', command], {
    encoding: 'utf8',
    env: { ...process.env, DOCKER_HOST: host, DOCKER_CLI_HINTS: 'false' },
    stdio: ['ignore', 'pipe', 'pipe'],
  }).trim();
}

async function leftovers(): Promise<number> {
  const filters = { label: ['berth.tour=1'] };
  const [containers, images] = await Promise.all([
    docker.listContainers({ all: true, filters }),
    docker.listImages({ all: true, filters }),
  ]);
  return containers.length + images.length;
}

describe('the guided tour', () => {
  const transcript = new Transcript();
  const tour = new TourService(source, new ContainersService(source), transcript, {
    assetsDir,
    workDir: path.join(work, 'clicks'),
  });

  // A test that failed half-way must not leave the next one a name conflict.
  beforeEach(async () => {
    await tour.cleanup();
  });
  afterAll(async () => {
    await tour.cleanup();
    rmSync(work, { recursive: true, force: true });
  });

  it('passes every check in order, records the shown commands and leaves nothing behind', async () => {
    expect((await tour.check('build')).passed).toBe(false);
    const plan = tour.plan();
    for (const step of TOUR_STEPS) {
      const before = transcript.list().length;
      const outcome = await tour.run(step);
      expect(outcome.lines.length, step).toBeGreaterThan(0);
      const check = await tour.check(step);
      expect(check, `${step}: ${check.detail}`).toMatchObject({ step, passed: true });
      if (step !== 'cleanup') {
        // Exactly the commands the tour showed before the click, each recorded as done.
        const recorded = transcript.list().slice(before);
        expect(
          recorded.map((e) => e.command),
          step,
        ).toEqual(plan.find((p) => p.step === step)?.actions.map((a) => a.command));
        expect(
          recorded.every((e) => e.outcome === 'ok'),
          step,
        ).toBe(true);
      }
    }
    expect(await leftovers()).toBe(0);
  });

  it('explains the layers: the commit reuses every layer of the built image and adds one', async () => {
    for (const step of ['build', 'run', 'change', 'commit'] as const) await tour.run(step);
    const [built, committed] = await Promise.all([
      docker.getImage('berth-tour:1').inspect(),
      docker.getImage('berth-tour:2').inspect(),
    ]);
    const layers = built.RootFS.Layers ?? [];
    expect(layers.length).toBeGreaterThanOrEqual(2);
    expect(committed.RootFS.Layers).toEqual([...layers, expect.any(String)]);
    // The running containers really run the program written for this engine.
    const a = await docker.getContainer('berth-tour-a').inspect();
    expect(a.State.Running).toBe(true);
    expect(a.Config.Labels['berth.tour']).toBe('1');
    const cleaned = await tour.cleanup();
    expect(cleaned.containers).toBe(2);
    expect(cleaned.images).toBeGreaterThanOrEqual(2);
    expect(await leftovers()).toBe(0);
  });

  it('each command Berth shows has the same effect when run with the docker CLI', async () => {
    const cli = new TourService(source, new ContainersService(source), new Transcript(), {
      assetsDir,
      workDir: path.join(work, 'cli'),
    });
    // Berth writes the build context; from then on only the docker CLI acts, and the tour's checks judge it.
    await cli.prepare();
    for (const { step, actions } of cli.plan()) {
      if (step === 'cleanup') continue;
      const outputs = actions.map((action) => shell(action.command));
      expect(await cli.check(step), `${step} done by the CLI`).toMatchObject({ passed: true });
      if (step === 'diff') expect(outputs).toEqual([expect.stringContaining('C /data/hello.txt'), '']);
    }
    // Cleanup's commands name real ids, so they are built for what is left, as Berth does.
    const images = shell('docker image ls --all --quiet --no-trunc --filter label=berth.tour=1').split('\n');
    expect(images.length).toBeGreaterThanOrEqual(2);
    for (const id of [...new Set(images)]) {
      // The committed image depends on the built one: remove children first, skip those already gone.
      if (shell(`docker image ls --all --quiet --no-trunc --filter label=berth.tour=1`).includes(id)) {
        shell(cleanupImage(id).command);
      }
    }
    expect(await cli.check('cleanup')).toMatchObject({ passed: true });
    expect(await leftovers()).toBe(0);
  });
});

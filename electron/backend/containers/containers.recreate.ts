/**
 * Putting a recreate back when it fails half way: the new container removed, the old one renamed back and started
 * again if it ran. When the engine goes away in the middle, that cannot be done at once; the undo is then kept as a
 * pending repair (core/repairs.ts), done as soon as the engine is back, and the error says exactly what state the
 * containers are in until then.
 */
import type Dockerode from 'dockerode';
import { parkedName } from '../../../shared/cli/containers.cli';
import { BerthFailure } from '../../../shared/result';
import { engineAway, type PendingRepairs } from '../core/repairs';
import type { DockerSource } from '../engine/engine.types';
import { engineText, statusOf } from '../engine/errors';

export interface RecreateStep {
  readonly oldId: string;
  readonly name: string;
  readonly running: boolean;
  /** When the recreate began: a container made after it under `name`, never started, is the half-made new one. */
  readonly since: number;
}

/** A step of the undo that fails for any reason but the engine being away is let go, as before. */
async function unlessAway(work: Promise<unknown>): Promise<void> {
  try {
    await work;
  } catch (error) {
    if (engineAway(error)) throw error;
  }
}

/** Removes the half-made new container, even one whose id never reached Berth, then puts the old one back. */
async function undo(docker: Dockerode, step: RecreateStep, createdId: string | undefined): Promise<void> {
  if (createdId !== undefined) await unlessAway(docker.getContainer(createdId).remove({ force: true }));
  else await unlessAway(removeHalfMade(docker, step));
  await unlessAway(docker.getContainer(step.oldId).rename({ name: step.name }));
  if (step.running) await unlessAway(startAfterCrash(docker.getContainer(step.oldId)));
}

/** Tries to start a container again while the engine, just back from a crash, still has its old runtime state. */
const START_ATTEMPTS = 8;
const START_PAUSE_MS = 500;

/**
 * Starts `container`. Right after an engine was killed, runc may still hold the container's previous state for a
 * moment ("container with given ID already exists") until the engine has cleaned it up: that start is tried again.
 */
async function startAfterCrash(container: Dockerode.Container): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await container.start();
      return;
    } catch (error) {
      if (statusOf(error) === 304) return;
      if (attempt >= START_ATTEMPTS || !/already exists/i.test(engineText(error))) throw error;
      await new Promise((resolve) => setTimeout(resolve, START_PAUSE_MS * attempt));
    }
  }
}

async function removeHalfMade(docker: Dockerode, step: RecreateStep): Promise<void> {
  const holder = await docker
    .getContainer(step.name)
    .inspect()
    .catch((error: unknown) => {
      if (statusOf(error) === 404) return null;
      throw error;
    });
  if (holder === null || holder.Id === step.oldId) return;
  if (holder.State.Status === 'created' && Date.parse(holder.Created) >= step.since - 1000)
    await docker.getContainer(holder.Id).remove({ force: true });
}

/**
 * Undoes a failed recreate now; if the engine is away, keeps the undo for when it is back and throws an error saying
 * where things stand. Otherwise returns, and the caller rethrows the original error.
 */
export async function undoRecreate(
  source: DockerSource,
  repairs: PendingRepairs | null,
  step: RecreateStep,
  createdId: string | undefined,
): Promise<void> {
  try {
    await undo(source.docker(), step, createdId);
  } catch (error) {
    if (!engineAway(error)) throw error;
    repairs?.add(`recreate:${step.oldId}`, () => undo(source.docker(), step, createdId));
    const parked = parkedName(step.name, step.oldId);
    const made = createdId === undefined ? '' : ` and the new one (${createdId.slice(0, 12)}) was made but not started`;
    throw new BerthFailure(
      'ENGINE_UNREACHABLE',
      `The engine went away in the middle of recreating ${step.name}. The old container is set aside as ${parked}${made}. ` +
        (repairs === null
          ? `When the engine is back, rename ${parked} to ${step.name}${step.running ? ' and start it' : ''}.`
          : `As soon as the engine is back, Berth puts it back under the name ${step.name}${step.running ? ' and starts it' : ''}; then try again.`),
      { state: 'parked', parked, ...(createdId === undefined ? {} : { created: createdId }) },
    );
  }
}

/**
 * The new container runs but the old one could not be removed because the engine went away: removed once it is back.
 * Any other failure to remove it is the caller's to report.
 */
export function oldLeftBehind(
  source: DockerSource,
  repairs: PendingRepairs | null,
  step: RecreateStep,
  error: unknown,
): BerthFailure | null {
  if (!engineAway(error)) return null;
  repairs?.add(`recreate-old:${step.oldId}`, () =>
    unlessAway(source.docker().getContainer(step.oldId).remove({ force: true, v: false })),
  );
  const parked = parkedName(step.name, step.oldId);
  return new BerthFailure(
    'ENGINE_UNREACHABLE',
    `${step.name} now runs with the new settings, but the engine went away before the old container ${parked} was removed. ` +
      (repairs === null
        ? `Remove ${parked} when the engine is back.`
        : 'Berth removes it as soon as the engine is back.'),
    { state: 'recreated-old-left', parked },
  );
}

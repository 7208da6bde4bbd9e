/**
 * Each tour step's check, as a pure function of what the engine reports (gathered by TourService.facts), so the
 * sentences and the pass/fail rules are unit-tested without an engine.
 */
import { TOUR_CHANGED_FILE, TOUR_COMMITTED, TOUR_CONTAINERS, TOUR_IMAGE } from '../../../../shared/cli/tour.cli';
import type { DiffEntry } from '../../../../shared/dto/containers';
import type { TourCheck, TourStepId } from '../../../../shared/dto/tour';

export interface ImageFacts {
  readonly id: string;
  readonly layers: readonly string[];
  readonly labelled: boolean;
}

export interface ContainerFacts {
  readonly name: string;
  readonly imageId: string;
  readonly state: string;
}

export interface TourFacts {
  readonly image?: ImageFacts;
  readonly committed?: ImageFacts;
  /** Sizes of the steps in the image's history; a step with size > 0 added files. */
  readonly historySizes: readonly number[];
  /** Containers labelled berth.tour=1, by name. */
  readonly containers: readonly ContainerFacts[];
  /** `docker diff` of each tour container that exists. */
  /** `docker diff` of each tour container, as the containers service reads it. */
  readonly changes: Readonly<Record<string, readonly DiffEntry[]>>;
  readonly leftovers: { readonly containers: number; readonly images: number };
}

const [A, B] = TOUR_CONTAINERS;

/**
 * Paths Podman itself writes into every container it starts (an image without /etc gets one for the hostname, hosts
 * and resolv.conf it mounts there; /run/.containerenv marks a Podman container). Docker leaves no such trace.
 */
const ENGINE_MADE = new Set([
  '/etc',
  '/etc/hostname',
  '/etc/hosts',
  '/etc/resolv.conf',
  '/etc/mtab',
  '/run',
  '/run/.containerenv',
]);
const byEngine = (c: DiffEntry) => ENGINE_MADE.has(c.path);
const short = (id: string) => id.replace(/^sha256:/, '').slice(0, 12);
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const result = (step: TourStepId, passed: boolean, detail: string): TourCheck => ({ step, passed, detail });

export function checkStep(step: TourStepId, facts: TourFacts): TourCheck {
  const { image, committed } = facts;
  const noImage = result(step, false, `There is no image ${TOUR_IMAGE} yet: go back to the first step and build it.`);
  switch (step) {
    case 'build':
      if (image === undefined) return result(step, false, `The engine has no image ${TOUR_IMAGE} yet.`);
      return result(
        step,
        image.labelled,
        image.labelled
          ? `The engine has ${TOUR_IMAGE} (image ${short(image.id)}), made of ${plural(image.layers.length, 'layer')}.`
          : `${TOUR_IMAGE} exists but was not made by the tour (it has no berth.tour label).`,
      );
    case 'layers': {
      if (image === undefined) return noImage;
      const adding = facts.historySizes.filter((size) => size > 0).length;
      return result(
        step,
        image.layers.length >= 2 && facts.historySizes.length > image.layers.length,
        `${TOUR_IMAGE} has ${plural(facts.historySizes.length, 'step')} in its history; ${adding} of them added files, ` +
          `and the image is the ${plural(image.layers.length, 'layer')} those steps made. The other steps only changed settings.`,
      );
    }
    case 'run': {
      if (image === undefined) return noImage;
      const running = TOUR_CONTAINERS.filter((name) =>
        facts.containers.some((c) => c.name === name && c.state === 'running' && c.imageId === image.id),
      );
      if (running.length === 2) {
        return result(
          step,
          true,
          `${A} and ${B} are both running from image ${short(image.id)}, so they share its ${plural(image.layers.length, 'layer')} on disk.`,
        );
      }
      const missing = TOUR_CONTAINERS.filter((name) => !running.includes(name));
      return result(step, false, `Not running from ${TOUR_IMAGE} yet: ${missing.join(' and ')}.`);
    }
    case 'change': {
      const changed = facts.changes[A]?.some((c) => c.path === TOUR_CHANGED_FILE);
      return changed === true
        ? result(step, true, `The engine reports ${TOUR_CHANGED_FILE} as changed in ${A}.`)
        : result(step, false, `${TOUR_CHANGED_FILE} has not changed in ${A} yet.`);
    }
    case 'diff': {
      const allA = facts.changes[A];
      const allB = facts.changes[B];
      if (allA === undefined || allB === undefined)
        return result(step, false, `${A} and ${B} must both exist to compare them.`);
      const a = allA.filter((c) => !byEngine(c));
      const b = allB.filter((c) => !byEngine(c));
      const passed = a.length > 0 && b.length === 0;
      const engineNote = [...allA, ...allB].some(byEngine)
        ? ' Not counted: /etc and /run entries the engine made itself when it started the containers (Podman does ' +
          'this for the hostname, hosts and resolv.conf files it mounts there).'
        : '';
      return result(
        step,
        passed,
        passed
          ? `${A} has ${plural(a.length, 'change')} in its writable layer; ${B} has none, so the image under both is untouched.${engineNote}`
          : `Expected changes in ${A} only; the engine reports ${a.length} in ${A} and ${b.length} in ${B}` +
              (b.length > 0
                ? ` (${b
                    .slice(0, 3)
                    .map((c) => c.path)
                    .join(', ')}).`
                : '.'),
      );
    }
    case 'commit':
      if (committed === undefined) return result(step, false, `The engine has no image ${TOUR_COMMITTED} yet.`);
      return result(step, true, `${TOUR_COMMITTED} exists (image ${short(committed.id)}), made from ${A}.`);
    case 'compare': {
      if (image === undefined || committed === undefined) {
        return result(step, false, `Both ${TOUR_IMAGE} and ${TOUR_COMMITTED} are needed to compare layers.`);
      }
      const shared = image.layers.every((layer, i) => committed.layers[i] === layer);
      const extra = committed.layers.length - image.layers.length;
      const passed = shared && extra === 1;
      return result(
        step,
        passed,
        passed
          ? `${TOUR_COMMITTED} reuses all ${plural(image.layers.length, 'layer')} of ${TOUR_IMAGE} and adds 1 on top: the writable layer of ${A}, now read-only.`
          : `The layers do not line up: ${TOUR_COMMITTED} has ${committed.layers.length}, ${TOUR_IMAGE} has ${image.layers.length}.`,
      );
    }
    case 'remove': {
      const left = facts.containers.map((c) => c.name);
      return left.length === 0
        ? result(step, true, 'No tour containers are left; the two images are still there.')
        : result(step, false, `Still there: ${left.join(', ')}.`);
    }
    case 'cleanup': {
      const { containers, images } = facts.leftovers;
      return containers === 0 && images === 0
        ? result(step, true, 'Nothing labelled berth.tour=1 is left on the engine.')
        : result(
            step,
            false,
            `Still labelled berth.tour=1: ${plural(containers, 'container')} and ${plural(images, 'image')}.`,
          );
    }
    default:
      return assertNever(step);
  }
}

function assertNever(value: never): never {
  throw new Error(`Unknown tour step: ${String(value)}`);
}

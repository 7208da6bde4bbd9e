/**
 * The docker commands and Engine API calls behind each step of the guided tour. Main records exactly these in the
 * transcript; the renderer shows them (from tour:plan) before the user clicks.
 */
import { dockerCommand, type ActionText } from './command';
import type { TourStepId } from '../dto/tour';

export const TOUR_LABEL = 'berth.tour';
export const TOUR_IMAGE = 'berth-tour:1';
export const TOUR_COMMITTED = 'berth-tour:2';
export const TOUR_CONTAINERS = ['berth-tour-a', 'berth-tour-b'] as const;
/** Where the changed file is copied to in the first container. */
export const TOUR_CHANGED_FILE = '/data/hello.txt';

const [A, B] = TOUR_CONTAINERS;
const label = `${TOUR_LABEL}=1`;

/** contextDir: the folder main assembles the build context in; changeFile: the new hello.txt beside it. */
export interface TourPaths {
  readonly contextDir: string;
  readonly changeFile: string;
}

const inspectLayers = (...refs: string[]) =>
  dockerCommand('image', 'inspect', '--format', '{{json .RootFS.Layers}}', ...refs);

export function tourActions(step: TourStepId, paths: TourPaths): readonly ActionText[] {
  switch (step) {
    case 'build':
      return [
        {
          title: `Build image ${TOUR_IMAGE}`,
          command: dockerCommand('build', '--label', label, '--tag', TOUR_IMAGE, paths.contextDir),
          api: `POST /build?t=${TOUR_IMAGE}&labels={"${TOUR_LABEL}":"1"}`,
        },
      ];
    case 'layers':
      return [
        {
          title: `Show the history of ${TOUR_IMAGE}`,
          command: dockerCommand('image', 'history', TOUR_IMAGE),
          api: `GET /images/${TOUR_IMAGE}/history`,
        },
        {
          title: `List the layers of ${TOUR_IMAGE}`,
          command: inspectLayers(TOUR_IMAGE),
          api: `GET /images/${TOUR_IMAGE}/json`,
        },
      ];
    case 'run':
      return TOUR_CONTAINERS.map((name) => ({
        title: `Run container ${name}`,
        command: dockerCommand('run', '--detach', '--label', label, '--name', name, TOUR_IMAGE),
        api: `POST /containers/create?name=${name}, then POST /containers/${name}/start`,
      }));
    case 'change':
      return [
        {
          title: `Copy a changed hello.txt into ${A}`,
          command: dockerCommand('cp', paths.changeFile, `${A}:${TOUR_CHANGED_FILE}`),
          api: `PUT /containers/${A}/archive?path=/data`,
        },
      ];
    case 'diff':
      return TOUR_CONTAINERS.map((name) => ({
        title: `Show what changed in ${name}`,
        command: dockerCommand('diff', name),
        api: `GET /containers/${name}/changes`,
      }));
    case 'commit':
      return [
        {
          title: `Commit ${A} as ${TOUR_COMMITTED}`,
          command: dockerCommand('commit', A, TOUR_COMMITTED),
          api: `POST /commit?container=${A}&repo=berth-tour&tag=2`,
        },
      ];
    case 'compare':
      return [
        {
          title: `Compare the layers of ${TOUR_IMAGE} and ${TOUR_COMMITTED}`,
          command: inspectLayers(TOUR_IMAGE, TOUR_COMMITTED),
          api: `GET /images/${TOUR_IMAGE}/json, GET /images/${TOUR_COMMITTED}/json`,
        },
      ];
    case 'remove':
      return [
        {
          title: `Stop ${A} and ${B}`,
          command: dockerCommand('stop', A, B),
          api: `POST /containers/{id}/stop (for each)`,
        },
        {
          title: `Remove ${A} and ${B}`,
          command: dockerCommand('rm', A, B),
          api: `DELETE /containers/{id} (for each)`,
        },
      ];
    case 'cleanup':
      return [cleanupContainer('<id>'), cleanupImage('<id>')];
    default:
      return assertNever(step);
  }
}

/** Cleanup removes by label, one object at a time, so each removal is its own transcript line with a real id. */
export const cleanupContainer = (id: string): ActionText => ({
  title: `Remove tour container ${id.slice(0, 12)}`,
  command: dockerCommand('rm', '--force', '--volumes', id),
  api: `DELETE /containers/${id}?force=true&v=true`,
});

export const cleanupImage = (id: string): ActionText => ({
  title: `Remove tour image ${id.replace(/^sha256:/, '').slice(0, 12)}`,
  command: dockerCommand('image', 'rm', '--force', id),
  api: `DELETE /images/${id}?force=true`,
});

/** The command that lists what cleanup will remove, for the user to run themselves. */
export const TOUR_LEFTOVERS_COMMANDS = [
  dockerCommand('ps', '--all', '--filter', `label=${label}`),
  dockerCommand('image', 'ls', '--all', '--filter', `label=${label}`),
] as const;

function assertNever(value: never): never {
  throw new Error(`Unknown tour step: ${String(value)}`);
}

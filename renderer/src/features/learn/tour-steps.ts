import { TOUR_STEPS, type TourStepId } from '../../../../shared/dto/tour';

/** What each tour step asks of the user and why, in the order of TOUR_STEPS. */
export const TOUR_TEXT: Readonly<Record<TourStepId, { title: string; text: string }>> = {
  build: {
    title: 'Build a tiny image',
    text: 'Berth builds berth-tour:1 from a Dockerfile that ships with it. It starts FROM scratch, so nothing is downloaded: it copies in one small program that just waits, and a text file.',
  },
  layers: {
    title: 'Look at its layers',
    text: 'The history lists every Dockerfile step. Only the COPY steps added files, so only they made layers; the rest only changed settings such as ENV and CMD.',
  },
  run: {
    title: 'Run two containers from it',
    text: 'Both containers start from the same image. They share its read-only layers on disk; each gets its own thin writable layer on top.',
  },
  change: {
    title: 'Change a file in one of them',
    text: 'docker cp copies a new hello.txt into berth-tour-a. The change goes into that container’s writable layer; the image stays as it was.',
  },
  diff: {
    title: 'See the difference',
    text: 'docker diff lists what changed in each container’s writable layer: berth-tour-a shows the changed file, berth-tour-b shows nothing.',
  },
  commit: {
    title: 'Commit the changed container',
    text: 'docker commit saves berth-tour-a’s writable layer as a new read-only layer of a new image, berth-tour:2.',
  },
  compare: {
    title: 'Compare the two images’ layers',
    text: 'berth-tour:2 reuses every layer of berth-tour:1 and adds one on top: the change you made. Shared layers are stored only once.',
  },
  remove: {
    title: 'Stop and remove the containers',
    text: 'Stopping ends a container’s process; removing it also throws away its writable layer. The images stay.',
  },
  cleanup: {
    title: 'Clean up',
    text: 'Berth removes everything the tour made: all containers and images labelled berth.tour=1, and its build folder.',
  },
};

export const PROGRESS_KEY = 'berth.tour.progress';

/** Steps already checked, from storage; anything unknown or out of order is dropped. */
export function readProgress(raw: string | null): readonly TourStepId[] {
  if (raw === null) return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    if (!Array.isArray(parsed)) return [];
    const done: TourStepId[] = [];
    for (const [i, step] of TOUR_STEPS.entries()) {
      if (parsed[i] !== step) break;
      done.push(step);
    }
    return done;
  } catch {
    return [];
  }
}

import {
  DATA_TOUR_STEPS,
  TOUR_STEPS,
  type AnyTourStepId,
  type DataTourStepId,
  type TourId,
  type TourStepId,
} from '../../../../shared/dto/tour';

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

/** The second tour's steps, in the order of DATA_TOUR_STEPS. */
export const DATA_TOUR_TEXT: Readonly<Record<DataTourStepId, { title: string; text: string }>> = {
  lose: {
    title: 'Write a file, then lose it',
    text: 'Berth builds berth-tour-data:1, again FROM scratch with two tiny programs and nothing downloaded. It runs berth-tour-scratch, writes /data/note.txt into it through the engine’s archive API (what docker cp uses) and reads it back. Then docker rm removes the container, and a new berth-tour-scratch from the same image has no note: a file written in a container lives in its writable layer and goes with it.',
  },
  keep: {
    title: 'Write it to a volume and keep it',
    text: 'A named volume is storage the engine keeps apart from every container. berth-tour-writer mounts the volume berth-tour-data at /data and the note goes there. The writer is removed; berth-tour-reader, a brand-new container, mounts the same volume and finds the note.',
  },
  look: {
    title: 'Look inside the volume',
    text: 'docker volume inspect shows the driver and where the engine keeps the files. To read them without changing anything, create a container (it need not even start) that mounts the volume read-only, and copy the folder out. The Volumes screen browses a volume the same way.',
  },
  network: {
    title: 'Let two containers talk by name',
    text: 'On a network you create, the engine answers name lookups (at 127.0.0.11 inside each container) with the names of the containers on that network. berth-tour-client asks for berth-tour-web by name and gets its reply. A container that is not on the network asks the same question and gets no answer. This step and the next need an amd64 engine: the tour’s talk program is built for amd64 only.',
  },
  publish: {
    title: 'Publish a port',
    text: 'A container’s ports are reachable only from its networks. Publishing a port (-p) asks the engine to listen on a port of this machine and pass each connection on to the container. Here the engine listens on 127.0.0.1 at a port it picks; Berth connects there and shows the reply, and you can open the address yourself.',
  },
  cleanup: {
    title: 'Clean up',
    text: 'Berth removes everything labelled berth.tour=1: the containers, the image, the volume berth-tour-data with the note in it, the network berth-tour-net, and its build folder.',
  },
};

/** What the tour picker and each tour page need to know about a tour. */
export interface TourInfo {
  readonly id: TourId;
  readonly title: string;
  readonly intro: string;
  readonly steps: readonly AnyTourStepId[];
  readonly text: (step: AnyTourStepId) => { title: string; text: string };
  readonly progressKey: string;
}

export const TOURS: Readonly<Record<TourId, TourInfo>> = {
  images: {
    id: 'images',
    title: 'Images, layers and containers',
    intro: 'A hands-on walk through images, layers and containers on your own engine.',
    steps: TOUR_STEPS,
    text: (step) => TOUR_TEXT[step as TourStepId],
    progressKey: 'berth.tour.progress',
  },
  data: {
    id: 'data',
    title: 'Where data lives and how containers talk',
    intro:
      'A hands-on walk through volumes, networks and published ports on your own engine: where a file survives, and how containers reach each other and you.',
    steps: DATA_TOUR_STEPS,
    text: (step) => DATA_TOUR_TEXT[step as DataTourStepId],
    progressKey: 'berth.tour.data.progress',
  },
};

export const PROGRESS_KEY = TOURS.images.progressKey;

/** Steps already checked, from storage; anything unknown or out of order is dropped. */
export function readProgress<S extends AnyTourStepId = TourStepId>(
  raw: string | null,
  steps: readonly S[] = TOUR_STEPS as readonly AnyTourStepId[] as readonly S[],
): readonly S[] {
  if (raw === null) return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    if (!Array.isArray(parsed)) return [];
    const done: S[] = [];
    for (const [i, step] of steps.entries()) {
      if (parsed[i] !== step) break;
      done.push(step);
    }
    return done;
  } catch {
    return [];
  }
}

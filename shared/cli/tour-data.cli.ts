/**
 * The docker commands and Engine API calls behind each step of the second tour, "Where data lives and how
 * containers talk". Main records exactly these in the transcript; the renderer shows them before the user clicks.
 */
import { dockerCommand, type ActionText } from './command';
import type { DataTourStepId } from '../dto/tour';
import { cleanupContainer, cleanupImage, TOUR_LABEL } from './tour.cli';

export const DATA_IMAGE = 'berth-tour-data:1';
export const DATA_VOLUME = 'berth-tour-data';
export const DATA_NETWORK = 'berth-tour-net';
/** The folder the note goes into: in the image's own files at first, then a volume mounted over it. */
export const NOTE_DIR = '/data';
export const NOTE_FILE = '/data/note.txt';
export const TALK = '/bin/talk';
export const TALK_PORT = 8080;

/** One container per role, so each step's check can ask the engine about exactly the container it made. */
export const DATA_CONTAINERS = {
  scratch: 'berth-tour-scratch',
  writer: 'berth-tour-writer',
  reader: 'berth-tour-reader',
  look: 'berth-tour-look',
  web: 'berth-tour-web',
  client: 'berth-tour-client',
  outsider: 'berth-tour-outsider',
  port: 'berth-tour-port',
} as const;

const C = DATA_CONTAINERS;
const label = `${TOUR_LABEL}=1`;
const port = String(TALK_PORT);

/** contextDir: the folder main assembles the image's build context in; noteFile: the note beside it. */
export interface DataTourPaths {
  readonly contextDir: string;
  readonly noteFile: string;
}

const run = (name: string, extra: readonly string[], command: readonly string[] = []): ActionText => ({
  title: `Run container ${name}`,
  command: dockerCommand('run', '--detach', '--label', label, '--name', name, ...extra, DATA_IMAGE, ...command),
  api: `POST /containers/create?name=${name}, then POST /containers/${name}/start`,
});
const copyIn = (noteFile: string, name: string): ActionText => ({
  title: `Write note.txt into ${name}`,
  command: dockerCommand('cp', noteFile, `${name}:${NOTE_FILE}`),
  api: `PUT /containers/${name}/archive?path=${NOTE_DIR}`,
});
const copyOut = (name: string, what: string): ActionText => ({
  title: `Read ${what} from ${name}`,
  command: `${dockerCommand('cp', `${name}:${what}`, '-')} | tar -xO`,
  api: `GET /containers/${name}/archive?path=${what}`,
});
const remove = (name: string): ActionText => ({
  title: `Remove container ${name}`,
  command: dockerCommand('rm', '--force', name),
  api: `DELETE /containers/${name}?force=true`,
});
const serve = (name: string) => [TALK, 'serve', port, name];
const ask = [TALK, 'ask', C.web, port];

export function dataTourActions(step: DataTourStepId, paths: DataTourPaths): readonly ActionText[] {
  switch (step) {
    case 'lose':
      return [
        {
          title: `Build image ${DATA_IMAGE}`,
          command: dockerCommand('build', '--label', label, '--tag', DATA_IMAGE, paths.contextDir),
          api: `POST /build?t=${DATA_IMAGE}&labels={"${TOUR_LABEL}":"1"}`,
        },
        run(C.scratch, []),
        copyIn(paths.noteFile, C.scratch),
        copyOut(C.scratch, NOTE_FILE),
        remove(C.scratch),
        run(C.scratch, []),
        copyOut(C.scratch, NOTE_FILE),
      ];
    case 'keep':
      return [
        {
          title: `Create volume ${DATA_VOLUME}`,
          command: dockerCommand('volume', 'create', '--label', label, DATA_VOLUME),
          api: `POST /volumes/create {"Name":"${DATA_VOLUME}","Labels":{"${TOUR_LABEL}":"1"}}`,
        },
        run(C.writer, ['--volume', `${DATA_VOLUME}:${NOTE_DIR}`]),
        copyIn(paths.noteFile, C.writer),
        remove(C.writer),
        run(C.reader, ['--volume', `${DATA_VOLUME}:${NOTE_DIR}`]),
        copyOut(C.reader, NOTE_FILE),
      ];
    case 'look':
      return [
        {
          title: `Inspect volume ${DATA_VOLUME}`,
          command: dockerCommand('volume', 'inspect', DATA_VOLUME),
          api: `GET /volumes/${DATA_VOLUME}`,
        },
        {
          title: `Create container ${C.look} with ${DATA_VOLUME} mounted read-only`,
          command: dockerCommand(
            'create',
            '--label',
            label,
            '--name',
            C.look,
            '--volume',
            `${DATA_VOLUME}:${NOTE_DIR}:ro`,
            DATA_IMAGE,
          ),
          api: `POST /containers/create?name=${C.look}`,
        },
        {
          title: `List the files in ${DATA_VOLUME}`,
          command: `${dockerCommand('cp', `${C.look}:${NOTE_DIR}`, '-')} | tar -tv`,
          api: `GET /containers/${C.look}/archive?path=${NOTE_DIR}`,
        },
      ];
    case 'network':
      return [
        {
          title: `Create network ${DATA_NETWORK}`,
          command: dockerCommand('network', 'create', '--label', label, DATA_NETWORK),
          api: `POST /networks/create {"Name":"${DATA_NETWORK}","Labels":{"${TOUR_LABEL}":"1"}}`,
        },
        run(C.web, ['--network', DATA_NETWORK], serve(C.web)),
        run(C.client, ['--network', DATA_NETWORK]),
        {
          title: `Ask ${C.web} by name from ${C.client}`,
          command: dockerCommand('exec', C.client, ...ask),
          api: `POST /containers/${C.client}/exec, then POST /exec/{id}/start`,
        },
        {
          title: `Ask ${C.web} by name from a container on no shared network`,
          command: dockerCommand('run', '--rm', '--label', label, '--name', C.outsider, DATA_IMAGE, ...ask),
          api: `POST /containers/create?name=${C.outsider}, start, wait, GET logs, DELETE`,
        },
      ];
    case 'publish':
      return [
        {
          ...run(C.port, ['--network', DATA_NETWORK, '--publish', `127.0.0.1::${port}`], serve(C.port)),
          title: `Run container ${C.port} with port ${port} published`,
        },
        {
          title: `Show which host port the engine chose`,
          command: dockerCommand('port', C.port, port),
          api: `GET /containers/${C.port}/json`,
        },
      ];
    case 'cleanup':
      return [cleanupContainer('<id>'), cleanupImage('<id>'), cleanupVolume('<name>'), cleanupNetwork('<name>')];
    default:
      return assertNever(step);
  }
}

export const cleanupVolume = (name: string): ActionText => ({
  title: `Remove tour volume ${name}`,
  command: dockerCommand('volume', 'rm', name),
  api: `DELETE /volumes/${name}`,
});

export const cleanupNetwork = (name: string): ActionText => ({
  title: `Remove tour network ${name}`,
  command: dockerCommand('network', 'rm', name),
  api: `DELETE /networks/${name}`,
});

/** The commands that list what the tours leave until cleanup, for the user to run themselves. */
export const DATA_TOUR_LEFTOVERS_COMMANDS = [
  dockerCommand('ps', '--all', '--filter', `label=${label}`),
  dockerCommand('volume', 'ls', '--filter', `label=${label}`),
  dockerCommand('network', 'ls', '--filter', `label=${label}`),
] as const;

function assertNever(value: never): never {
  throw new Error(`Unknown data tour step: ${String(value)}`);
}

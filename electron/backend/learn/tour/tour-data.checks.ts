/**
 * Each step's check of the second tour, as a pure function of what the engine reports (gathered by
 * DataTourService.facts), so the sentences and the pass/fail rules are unit-tested without an engine.
 */
import {
  DATA_CONTAINERS,
  DATA_IMAGE,
  DATA_NETWORK,
  DATA_VOLUME,
  NOTE_DIR,
  NOTE_FILE,
  TALK_PORT,
} from '../../../../shared/cli/tour-data.cli';
import type { DataTourStepId, TourCheck } from '../../../../shared/dto/tour';

export interface DataMount {
  /** The volume's name; undefined for a bind mount. */
  readonly volume?: string;
  readonly destination: string;
  readonly readWrite: boolean;
}

export interface DataContainerFacts {
  readonly name: string;
  readonly state: string;
  readonly mounts: readonly DataMount[];
  readonly networks: readonly string[];
  /** Where the engine publishes TALK_PORT/tcp on the host, if it does. */
  readonly published?: { readonly hostIp: string; readonly hostPort: string };
}

export type PortReply =
  | { readonly ok: true; readonly address: string; readonly text: string }
  | { readonly ok: false; readonly address: string; readonly error: string };

export interface DataTourFacts {
  readonly image?: { readonly id: string; readonly labelled: boolean };
  /** Whether the image carries /bin/talk (Berth has it for amd64 engines only). */
  readonly talks: boolean;
  /** Containers labelled berth.tour=1. */
  readonly containers: readonly DataContainerFacts[];
  /** The text of /data/note.txt in a container, null when the file is not there; only the containers asked about. */
  readonly notes: Readonly<Record<string, string | null>>;
  /** The names under /data in the look container, when it exists. */
  readonly listing?: readonly string[];
  readonly volume?: { readonly labelled: boolean };
  readonly network?: { readonly labelled: boolean };
  /** `talk ask berth-tour-web 8080` run in the client container. */
  readonly ask?: { readonly exitCode: number; readonly output: string };
  /** What Berth got when it connected to the published port. */
  readonly reply?: PortReply;
  readonly leftovers: {
    readonly containers: number;
    readonly images: number;
    readonly volumes: number;
    readonly networks: number;
  };
}

const C = DATA_CONTAINERS;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const result = (step: DataTourStepId, passed: boolean, detail: string): TourCheck => ({ step, passed, detail });
const NO_TALK =
  'This step needs the tour’s talk program, which Berth has for amd64 engines only; this engine’s processor is ' +
  'different, so steps 4 and 5 cannot run here. Use "Remove everything the tour made" to finish.';

export function checkDataStep(step: DataTourStepId, facts: DataTourFacts): TourCheck {
  const find = (name: string) => facts.containers.find((c) => c.name === name);
  const noImage = result(step, false, `There is no image ${DATA_IMAGE} yet: go back to the first step.`);
  switch (step) {
    case 'lose': {
      if (facts.image === undefined) return noImage;
      const scratch = find(C.scratch);
      if (scratch === undefined) return result(step, false, `There is no container ${C.scratch} yet.`);
      const note = facts.notes[C.scratch];
      if (note === undefined || note !== null) {
        return result(
          step,
          false,
          `${C.scratch} still has ${NOTE_FILE}, so it is the container the note was written into. Remove it with ` +
            `docker rm and run a new one from ${DATA_IMAGE}.`,
        );
      }
      return result(
        step,
        true,
        `${C.scratch} is a new container from ${DATA_IMAGE}, and ${NOTE_FILE} is not in it: the note was in the ` +
          'removed container’s writable layer and went with it.',
      );
    }
    case 'keep': {
      if (facts.volume === undefined) return result(step, false, `There is no volume ${DATA_VOLUME} yet.`);
      if (find(C.writer) !== undefined)
        return result(step, false, `${C.writer} is still there: remove it to see whether the note survives.`);
      const reader = find(C.reader);
      if (reader === undefined) return result(step, false, `There is no container ${C.reader} yet.`);
      if (!reader.mounts.some((m) => m.volume === DATA_VOLUME && m.destination === NOTE_DIR))
        return result(step, false, `${C.reader} does not mount ${DATA_VOLUME} at ${NOTE_DIR}.`);
      const note = facts.notes[C.reader];
      if (note === undefined || note === null)
        return result(step, false, `${C.reader} mounts ${DATA_VOLUME}, but there is no ${NOTE_FILE} in it.`);
      return result(
        step,
        true,
        `${C.reader} is a new container, and it reads ${NOTE_FILE} from volume ${DATA_VOLUME}: the note outlived ` +
          `${C.writer}, because a volume belongs to no container.`,
      );
    }
    case 'look': {
      const look = find(C.look);
      if (look === undefined) return result(step, false, `There is no container ${C.look} yet.`);
      const mount = look.mounts.find((m) => m.volume === DATA_VOLUME && m.destination === NOTE_DIR);
      if (mount === undefined) return result(step, false, `${C.look} does not mount ${DATA_VOLUME} at ${NOTE_DIR}.`);
      if (mount.readWrite) return result(step, false, `${C.look} mounts ${DATA_VOLUME} writable; it should only read.`);
      const listing = facts.listing ?? [];
      if (!listing.includes('note.txt'))
        return result(
          step,
          false,
          `${DATA_VOLUME} does not hold note.txt (it holds: ${listing.join(', ') || 'nothing'}).`,
        );
      return result(
        step,
        true,
        `${C.look} mounts ${DATA_VOLUME} read-only, without even starting, and the volume holds ` +
          `${plural(listing.length, 'entry', 'entries')}: ${listing.join(', ')}.`,
      );
    }
    case 'network': {
      if (!facts.talks) return result(step, false, NO_TALK);
      if (facts.network === undefined) return result(step, false, `There is no network ${DATA_NETWORK} yet.`);
      const away = [C.web, C.client].filter((name) => !(find(name)?.networks.includes(DATA_NETWORK) ?? false));
      if (away.length > 0) return result(step, false, `Not on ${DATA_NETWORK} yet: ${away.join(' and ')}.`);
      const ask = facts.ask;
      if (ask === undefined) return result(step, false, `${C.client} is not running, so it cannot ask.`);
      if (ask.exitCode !== 0 || !ask.output.includes(`hello from ${C.web}`)) {
        return result(
          step,
          false,
          `${C.client} could not reach ${C.web} by name (exit code ${ask.exitCode}): ${lastLine(ask.output)}`,
        );
      }
      return result(
        step,
        true,
        `${C.client} reached ${C.web} by its name on ${DATA_NETWORK}: the engine’s DNS answered with its address, ` +
          `and it replied "hello from ${C.web}".`,
      );
    }
    case 'publish': {
      if (!facts.talks) return result(step, false, NO_TALK);
      const port = find(C.port);
      if (port === undefined) return result(step, false, `There is no container ${C.port} yet.`);
      if (port.published === undefined)
        return result(step, false, `The engine publishes no host port for ${C.port}’s port ${TALK_PORT}/tcp.`);
      const reply = facts.reply;
      if (reply === undefined || !reply.ok) {
        return result(
          step,
          false,
          `The engine publishes ${TALK_PORT}/tcp on ${port.published.hostIp}:${port.published.hostPort}, but Berth ` +
            `could not connect there${reply === undefined ? '' : ` (${reply.error})`}. If the engine runs on another ` +
            'machine, the port is open on that machine, not this one.',
        );
      }
      return result(
        step,
        true,
        `The engine listens on ${reply.address} for ${C.port}’s port ${TALK_PORT}; Berth connected from this ` +
          `machine and ${C.port} replied "${lastLine(reply.text)}".`,
      );
    }
    case 'cleanup': {
      const { containers, images, volumes, networks } = facts.leftovers;
      return containers + images + volumes + networks === 0
        ? result(step, true, 'Nothing labelled berth.tour=1 is left on the engine.')
        : result(
            step,
            false,
            `Still labelled berth.tour=1: ${plural(containers, 'container')}, ${plural(images, 'image')}, ` +
              `${plural(volumes, 'volume')} and ${plural(networks, 'network')}.`,
          );
    }
    default:
      return assertNever(step);
  }
}

/** The last non-empty line of a program's output (the reply's body, or its error message). */
export function lastLine(text: string): string {
  const lines = text.split('\n').map((l) => l.trim());
  return lines.filter((l) => l !== '').at(-1) ?? '(no output)';
}

function assertNever(value: never): never {
  throw new Error(`Unknown data tour step: ${String(value)}`);
}

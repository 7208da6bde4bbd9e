/**
 * Reads a BuildKit build's JSON stream into build events. Progress arrives as `moby.buildkit.trace` messages whose
 * aux is a base64 protobuf StatusResponse: vertexes (steps, with start, end, cache and error), statuses (transfer
 * counters) and logs (a step's output, in pieces that do not follow line ends). The image id arrives as
 * `moby.image.id`; a failure as errorDetail. Each step keeps its last lines so a failure can show them.
 */
import { dockerfileInstructions, lineOfStep, type DockerfileInstruction } from '../../../../shared/build-lines';
import type { BuildEvent, BuildVertex } from '../../../../shared/dto/build';
import { statusCodec, type WireTimestamp } from './buildkit.wire';

// eslint-disable-next-line no-control-regex -- ANSI escapes are control characters by definition.
const ANSI = /\u001b\[[0-9;?]*[A-Za-z]/g;
/** Lines kept per step for the failure report. */
export const TAIL_LINES = 30;

const record = (v: unknown): Record<string, unknown> =>
  typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};

const ms = (t: WireTimestamp | null | undefined): number | null =>
  t && (t.seconds > 0 || t.nanos > 0) ? t.seconds * 1000 + Math.floor(t.nanos / 1e6) : null;

export interface TraceFailure {
  readonly message: string;
  readonly vertex: BuildVertex | null;
  readonly lastLines: readonly string[];
}

export class TraceReader {
  private readonly instructions: readonly DockerfileInstruction[];
  private readonly vertices = new Map<string, BuildVertex>();
  private readonly partial = new Map<string, string>();
  private readonly tails = new Map<string, string[]>();
  imageId: string | undefined;
  failure: TraceFailure | undefined;

  constructor(dockerfileText: string) {
    this.instructions = dockerfileInstructions(dockerfileText);
  }

  get steps(): readonly BuildVertex[] {
    return [...this.vertices.values()];
  }

  read(message: unknown): BuildEvent[] {
    const m = record(message);
    if (m.id === 'moby.buildkit.trace' && typeof m.aux === 'string') return this.trace(m.aux);
    if (m.id === 'moby.image.id') {
      const id = record(m.aux).ID;
      if (typeof id === 'string') this.imageId = id;
      return [];
    }
    if (typeof m.error === 'string' || m.errorDetail !== undefined) {
      const detail = record(m.errorDetail);
      const said = typeof detail.message === 'string' ? detail.message : typeof m.error === 'string' ? m.error : '';
      const failed = this.steps.find((v) => v.error !== null) ?? null;
      const events = this.flush();
      this.failure = {
        message: said.trim() || 'The engine stopped the build without saying why.',
        vertex: failed,
        lastLines: failed ? (this.tails.get(failed.id) ?? []) : [],
      };
      return events;
    }
    return [];
  }

  /** Output left without a final newline. */
  flush(): BuildEvent[] {
    const events: BuildEvent[] = [];
    for (const [id, rest] of this.partial) {
      if (rest !== '') events.push(this.output(id, [rest]));
    }
    this.partial.clear();
    return events;
  }

  private trace(aux: string): BuildEvent[] {
    let status;
    try {
      status = statusCodec.decode(Buffer.from(aux, 'base64'));
    } catch {
      return [];
    }
    const events: BuildEvent[] = [];
    for (const raw of status.vertexes) {
      const before = this.vertices.get(raw.digest);
      const vertex: BuildVertex = {
        id: raw.digest,
        name: raw.name,
        line: before?.line ?? lineOfStep(raw.name, this.instructions),
        cached: raw.cached,
        started: ms(raw.started),
        completed: ms(raw.completed),
        error: raw.error === '' ? null : raw.error,
        inputs: raw.inputs,
      };
      if (before && JSON.stringify(before) === JSON.stringify(vertex)) continue;
      this.vertices.set(vertex.id, vertex);
      events.push({ type: 'vertex', vertex });
    }
    const byVertex = new Map<string, string>();
    for (const log of status.logs) {
      byVertex.set(log.vertex, (byVertex.get(log.vertex) ?? '') + Buffer.from(log.msg).toString('utf8'));
    }
    for (const [id, text] of byVertex) {
      const lines = ((this.partial.get(id) ?? '') + text).split('\n');
      this.partial.set(id, lines.pop() ?? '');
      if (lines.length > 0) events.push(this.output(id, lines));
    }
    return events;
  }

  private output(id: string, raw: readonly string[]): BuildEvent {
    // A line redrawn with \r shows its last state, as a terminal would.
    const lines = raw.map((line) =>
      (
        line
          .split('\r')
          .filter((part) => part !== '')
          .pop() ?? ''
      ).replace(ANSI, ''),
    );
    const tail = [...(this.tails.get(id) ?? []), ...lines].slice(-TAIL_LINES);
    this.tails.set(id, tail);
    return { type: 'vertex-output', id, lines };
  }
}

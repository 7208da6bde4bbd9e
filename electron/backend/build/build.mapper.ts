/**
 * Reads the classic builder's JSON progress messages into build events. The engine sends text in pieces that do
 * not follow line ends, so text is buffered until a newline; its bookkeeping lines ("Running in", "Removing
 * intermediate container") are dropped, cache hits and layer ids become events of their own.
 */
import type { BuildEvent, HistoryLayer } from '../../../shared/dto/build';

export interface BuildFailure {
  readonly step: number;
  readonly total: number;
  readonly instruction: string;
  readonly message: string;
}

// Podman's builder (buildah) writes "STEP 1/3: ...", "--> <11 hex>" and "--> Using cache <id>" instead.
const STEP = /^(?:Step (\d+)\/(\d+) :|STEP (\d+)\/(\d+):) (.*)$/;
const LAYER = /^(?: --->|-->) ([0-9a-f]{11,64})$/;
const CACHED = /^(?: --->|-->) Using cache( [0-9a-f]{64})?$/;
const BUILT = /^Successfully built ([0-9a-f]{12,64})$/;
const NOISE = [/^ ---> Running in [0-9a-f]+$/, /^Successfully tagged /, /^COMMIT /, /^[0-9a-f]{64}$/];
/** Output without a final newline runs into the builder's next line. */
const REMOVING = /^(.*?)Removing intermediate container [0-9a-f]+$/;
// eslint-disable-next-line no-control-regex -- ANSI escapes are control characters by definition.
const ANSI = /\u001b\[[0-9;?]*[A-Za-z]/g;

const record = (v: unknown): Record<string, unknown> =>
  typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};

export class BuildOutputReader {
  private partial = '';
  private step = 0;
  private total = 0;
  private instruction = '';
  /** The id from `aux.ID`, or the short one from "Successfully built". */
  imageId: string | undefined;
  failure: BuildFailure | undefined;
  /** Steps the classic builder took from its cache. */
  cachedSteps = 0;

  read(message: unknown): BuildEvent[] {
    const m = record(message);
    if (typeof m.stream === 'string') return this.text(m.stream);
    const aux = record(m.aux);
    if (typeof aux.ID === 'string') {
      this.imageId = aux.ID;
      return [];
    }
    if (typeof m.error === 'string' || m.errorDetail !== undefined) {
      const detail = record(m.errorDetail);
      const said = typeof detail.message === 'string' ? detail.message : typeof m.error === 'string' ? m.error : '';
      this.failure = {
        step: this.step,
        total: this.total,
        instruction: this.instruction,
        message: said.trim() || 'The engine stopped the build without saying why.',
      };
      return this.flush();
    }
    if (typeof m.status === 'string') {
      // Pull progress bars repeat many times a second; the status changes are what matter.
      if (record(m.progressDetail).current !== undefined) return [];
      const id = typeof m.id === 'string' ? `${m.id}: ` : '';
      return [{ type: 'output', step: this.step, text: `${id}${m.status}` }];
    }
    return [];
  }

  /** Whatever text is left without a final newline. */
  flush(): BuildEvent[] {
    const rest = this.partial;
    this.partial = '';
    return rest === '' ? [] : this.line(rest);
  }

  private text(chunk: string): BuildEvent[] {
    const lines = (this.partial + chunk).split('\n');
    this.partial = lines.pop() ?? '';
    return lines.flatMap((line) => this.line(line));
  }

  private line(raw: string): BuildEvent[] {
    // A progress line redrawn with \r shows its last state, as a terminal would.
    const line = (
      raw
        .split('\r')
        .filter((part) => part !== '')
        .pop() ?? ''
    ).replace(ANSI, '');
    const step = STEP.exec(line);
    if (step) {
      this.step = Number(step[1] ?? step[3]);
      this.total = Number(step[2] ?? step[4]);
      this.instruction = step[5] ?? '';
      return [{ type: 'step', step: this.step, total: this.total, instruction: this.instruction }];
    }
    if (CACHED.test(line)) {
      this.cachedSteps += 1;
      return [{ type: 'cached', step: this.step }];
    }
    const layer = LAYER.exec(line);
    if (layer?.[1]) return [{ type: 'layer', step: this.step, id: layer[1] }];
    const built = BUILT.exec(line);
    if (built?.[1]) {
      this.imageId ??= built[1];
      return [];
    }
    if (NOISE.some((re) => re.test(line))) return [];
    const removing = REMOVING.exec(line);
    if (removing) return removing[1] ? [{ type: 'output', step: this.step, text: removing[1] }] : [];
    return [{ type: 'output', step: this.step, text: line }];
  }
}

/** A row of the engine's image history as the layer mapping needs it. */
export function toHistoryLayer(raw: unknown): HistoryLayer {
  const r = record(raw);
  return {
    id: typeof r.Id === 'string' ? r.Id : '<missing>',
    createdBy: typeof r.CreatedBy === 'string' ? r.CreatedBy : '',
    size: typeof r.Size === 'number' ? r.Size : 0,
    created: typeof r.Created === 'number' ? r.Created * 1000 : 0,
  };
}

/**
 * An image's history as Dockerfile steps matched to its filesystem layers, and which layers other local images
 * share. Pure: the service feeds it the engine's /history and /json answers.
 */
import type { ImageStep, InstructionKind } from '../../../shared/dto/images';

/** One entry of GET /images/{id}/history (newest first there). */
export interface RawHistoryEntry {
  readonly Id: string;
  readonly Created: number;
  readonly CreatedBy: string;
  readonly Tags: readonly string[] | null;
  readonly Size: number;
  readonly Comment: string;
}

const KINDS = new Set<InstructionKind>([
  'FROM', 'RUN', 'COPY', 'ADD', 'ENV', 'ARG', 'LABEL', 'CMD', 'ENTRYPOINT', 'EXPOSE', 'VOLUME', 'USER', 'WORKDIR',
  'ONBUILD', 'STOPSIGNAL', 'HEALTHCHECK', 'SHELL', 'MAINTAINER',
]); // prettier-ignore

/** Instructions that only change the image's settings, never its files. */
const METADATA = new Set<InstructionKind>([
  'ENV', 'ARG', 'LABEL', 'CMD', 'ENTRYPOINT', 'EXPOSE', 'VOLUME', 'USER', 'ONBUILD', 'STOPSIGNAL', 'HEALTHCHECK',
  'SHELL', 'MAINTAINER',
]); // prettier-ignore

const SHELL_PREFIX = '/bin/sh -c ';
const NOP = '#(nop)';
// The classic builder writes build args in front of a RUN: `|2 A=1 B=2 /bin/sh -c make`.
const ARGS_PREFIX = /^\|\d+ (?:\S+=\S* )*/;

/** `/bin/sh -c #(nop)  CMD ["sh"]` → CMD; `/bin/sh -c make` → RUN make; `COPY . /app # buildkit` → COPY. */
export function cleanInstruction(createdBy: string): { kind: InstructionKind; instruction: string } {
  let text = createdBy.trim().replace(ARGS_PREFIX, '');
  if (text === '') return { kind: 'OTHER', instruction: '' };
  text = text.replace(/\s*# buildkit$/, '');
  if (text.startsWith(SHELL_PREFIX)) {
    const body = text.slice(SHELL_PREFIX.length).trim();
    if (!body.startsWith(NOP)) return { kind: 'RUN', instruction: `RUN ${body}` };
    text = body.slice(NOP.length).trim();
  }
  const word = (/^[A-Za-z]+/.exec(text)?.[0] ?? '').toUpperCase() as InstructionKind;
  if (KINDS.has(word)) {
    // BuildKit writes RUN's shell form in full: `RUN /bin/sh -c make`.
    const rest = text.slice(word.length).trim();
    const body = word === 'RUN' && rest.startsWith(SHELL_PREFIX) ? rest.slice(SHELL_PREFIX.length).trim() : rest;
    return { kind: word, instruction: `${word} ${body}`.trim() };
  }
  // Anything else is a command the classic builder ran in exec form: `RUN ["/bin/busybox", ...]`.
  return { kind: 'RUN', instruction: `RUN ${text}` };
}

type Certainty = 'layer' | 'empty' | 'maybe' | 'maybe-file';

function certainty(kind: InstructionKind, size: number): Certainty {
  if (size > 0) return 'layer';
  if (METADATA.has(kind)) return 'empty';
  // RUN, COPY and ADD commit a layer even when it holds nothing; WORKDIR and unknown steps may or may not.
  return kind === 'RUN' || kind === 'COPY' || kind === 'ADD' ? 'maybe-file' : 'maybe';
}

/**
 * Which steps (oldest first) added a filesystem layer, so that the n-th of them is RootFS.Layers[n]. The history
 * API hides the `empty_layer` flag, so it is inferred: sizes above zero always mean a layer, metadata never does,
 * and the rest are decided by the count the layer list demands. Null when no reading fits.
 */
export function layerSteps(kinds: readonly InstructionKind[], sizes: readonly number[], layerCount: number) {
  const seen = kinds.map((kind, i) => certainty(kind, sizes[i] ?? 0));
  const count = (...which: Certainty[]) => seen.filter((c) => which.includes(c)).length;
  const pick = (...which: Certainty[]) => seen.map((c) => which.includes(c));
  if (count('layer', 'maybe', 'maybe-file') === layerCount) return pick('layer', 'maybe', 'maybe-file');
  if (count('layer', 'maybe-file') === layerCount) return pick('layer', 'maybe-file');
  if (count('layer') === layerCount) return pick('layer');
  return null;
}

/** A key for "the filesystem up to layer i": equal keys are the same stored layer (Docker's ChainID). */
export const chainKeys = (layers: readonly string[]): string[] =>
  layers.map((_, i) => layers.slice(0, i + 1).join(','));

export interface OtherImage {
  readonly id: string;
  readonly name: string;
  readonly layers: readonly string[];
}

export interface StepsResult {
  readonly steps: ImageStep[];
  /** Null when the steps could not be matched to the layers: then the sizes must come from elsewhere. */
  readonly sizes: { readonly unique: number; readonly shared: number } | null;
}

/** History (as the engine answers it, newest first) + RootFS.Layers + the other local images → the layer view. */
export function buildSteps(
  history: readonly RawHistoryEntry[],
  layers: readonly string[],
  others: readonly OtherImage[],
): StepsResult {
  const oldestFirst = [...history].reverse();
  const cleaned = oldestFirst.map((h) => cleanInstruction(h.CreatedBy));
  const sizes = oldestFirst.map((h) => Math.max(0, h.Size));
  const hasLayer = layerSteps(
    cleaned.map((c) => c.kind),
    sizes,
    layers.length,
  );
  const keys = chainKeys(layers);
  const holders = new Map<string, string[]>();
  for (const other of others) {
    for (const key of chainKeys(other.layers)) {
      const names = holders.get(key) ?? [];
      names.push(other.name);
      holders.set(key, names);
    }
  }
  let next = 0;
  let uniqueSize = 0;
  let sharedSize = 0;
  const steps = oldestFirst.map((h, index): ImageStep => {
    const clean = cleaned[index] ?? { kind: 'OTHER', instruction: '' };
    const size = sizes[index] ?? 0;
    let layer: string | null = null;
    let sharedWith: readonly string[] = [];
    if (hasLayer?.[index]) {
      const at = next++;
      layer = layers[at] ?? null;
      sharedWith = holders.get(keys[at] ?? '') ?? [];
      if (sharedWith.length > 0) sharedSize += size;
      else uniqueSize += size;
    }
    const id = h.Id === '<missing>' || h.Id === '' ? null : h.Id;
    return {
      index,
      id,
      ...(id === null ? { idNote: MISSING_ID_NOTE } : {}),
      kind: clean.kind,
      instruction: clean.instruction,
      createdBy: h.CreatedBy,
      created: h.Created * 1000,
      size,
      comment: h.Comment,
      tags: (h.Tags ?? []).filter((t) => t !== '<none>:<none>'),
      layer,
      sharedWith,
    };
  });
  return { steps, sizes: hasLayer === null ? null : { unique: uniqueSize, shared: sharedSize } };
}

/** The engine answers `<missing>` for a step whose intermediate image it does not keep (Docker and Podman alike). */
export const MISSING_ID_NOTE =
  'No image id: this step was built elsewhere or its intermediate image was not kept on this engine.';

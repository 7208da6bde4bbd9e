/**
 * Maps the rows of `docker history` (newest first) back to the Dockerfile instructions that made them. The classic
 * builder writes one history row per instruction after FROM, in order, so the newest rows pair with the last
 * instructions of the final stage; each pair is checked by its keyword, and the walk continues into an earlier
 * stage when FROM names one. Rows left over came with the base image.
 */
import { finalStageIndex, parseDockerfile, type DockerfileInstruction } from './dockerfile';

/** Only what the mapping reads, so any history DTO fits. */
export interface HistoryRow {
  readonly createdBy: string;
  readonly size: number;
}

export interface LayerLink<H extends HistoryRow = HistoryRow> {
  readonly layer: H;
  /** The instruction that made this row; absent for rows of the base image. */
  readonly instruction?: DockerfileInstruction;
  /** The keyword the engine recorded (RUN when it ran a command). */
  readonly keyword: string;
  /** True for instructions that only change settings: a history row with no files. */
  readonly metadataOnly: boolean;
}

const METADATA_ONLY = new Set([
  'ENV',
  'CMD',
  'ENTRYPOINT',
  'LABEL',
  'EXPOSE',
  'ARG',
  'USER',
  'VOLUME',
  'STOPSIGNAL',
  'HEALTHCHECK',
  'SHELL',
  'ONBUILD',
  'MAINTAINER',
]);

/** `/bin/sh -c #(nop)  ENV A=b` → ENV; `|1 A=b /bin/sh -c echo` → RUN. */
export function historyKeyword(createdBy: string): string {
  const nop = /#\(nop\)\s+([A-Za-z]+)/.exec(createdBy);
  return nop?.[1] ? nop[1].toUpperCase() : 'RUN';
}

export const isMetadataOnly = (keyword: string): boolean => METADATA_ONLY.has(keyword.toUpperCase());

export function mapHistoryToDockerfile<H extends HistoryRow>(
  history: readonly H[],
  dockerfileText: string,
  target?: string,
): LayerLink<H>[] {
  const parsed = parseDockerfile(dockerfileText);
  // The instructions that made rows, newest first: the final stage's, then those of stages it builds on.
  const pending: DockerfileInstruction[] = [];
  let stageIndex = finalStageIndex(parsed, target);
  const seen = new Set<number>();
  while (stageIndex >= 0 && !seen.has(stageIndex)) {
    seen.add(stageIndex);
    const stage = parsed.stages[stageIndex];
    if (!stage) break;
    pending.push(...stage.instructions.filter((ins) => ins.keyword !== 'FROM').reverse());
    const from = stage.from.toLowerCase();
    const byName = parsed.stages.findIndex((s, i) => i < stageIndex && s.name === from);
    stageIndex = byName >= 0 ? byName : /^\d+$/.test(from) && Number(from) < stageIndex ? Number(from) : -1;
  }
  const links: LayerLink<H>[] = [];
  let matching = true;
  for (const layer of history) {
    const keyword = historyKeyword(layer.createdBy);
    const next = pending[0];
    const instruction = matching && next?.keyword === keyword ? next : undefined;
    if (instruction) pending.shift();
    else matching = false;
    const base = { layer, keyword, metadataOnly: isMetadataOnly(keyword) };
    links.push(instruction ? { ...base, instruction } : base);
  }
  return links;
}

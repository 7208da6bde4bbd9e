/**
 * Finds the Dockerfile line a BuildKit step came from. BuildKit names each step after its instruction, prefixed
 * with its stage and position (`[build 2/4] RUN make`, `[3/5] COPY . /app`, `[stage-1 1/2] FROM docker.io/...`);
 * the line is the instruction with that text in that stage, or failing that, the stage's instruction of the same
 * keyword at that position. Internal steps (`[internal] load ...`) and the exporter have no line.
 */

export interface DockerfileInstruction {
  /** 1-based line where the instruction starts. */
  readonly line: number;
  /** Index of its stage (0 for the first FROM). */
  readonly stage: number;
  readonly stageName: string | null;
  readonly keyword: string;
  /** The instruction with continuations joined and whitespace collapsed. */
  readonly text: string;
}

const collapse = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** The instructions of a Dockerfile with their lines and stages (comments, blanks and continuations handled). */
export function dockerfileInstructions(text: string): DockerfileInstruction[] {
  const lines = text.split(/\r?\n/);
  const out: DockerfileInstruction[] = [];
  let stage = -1;
  let stageName: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const first = lines[i] ?? '';
    if (/^\s*(#|$)/.test(first)) continue;
    const start = i;
    let joined = first;
    while (/\\\s*$/.test(joined) && i + 1 < lines.length) {
      i += 1;
      const next = lines[i] ?? '';
      if (/^\s*#/.test(next)) continue;
      joined = `${joined.replace(/\\\s*$/, '')} ${next}`;
    }
    const text = collapse(joined.replace(/\\\s*$/, ''));
    const keyword = (text.split(' ')[0] ?? '').toUpperCase();
    if (keyword === 'FROM') {
      stage += 1;
      const as = /\sAS\s+(\S+)\s*$/i.exec(text);
      stageName = as?.[1] ?? null;
    }
    out.push({ line: start + 1, stage: Math.max(stage, 0), stageName, keyword, text });
  }
  return out;
}

const STEP = /^\[(?:(\S+) )?(\d+)\/(\d+)\] (\S+)(?: (.*))?$/;

/** The 1-based Dockerfile line of a BuildKit vertex name, or null when it has none. */
export function lineOfStep(name: string, instructions: readonly DockerfileInstruction[]): number | null {
  const m = STEP.exec(name.trim());
  if (!m) return null;
  const [, label, index] = m;
  const keyword = (m[4] ?? '').toUpperCase();
  const rest = collapse(m[5] ?? '');
  const stageCount = new Set(instructions.map((i) => i.stage)).size;
  const inStage = instructions.filter((i) => {
    if (label === undefined) return stageCount === 1 || i.stage === stageCount - 1;
    const numbered = /^stage-(\d+)$/.exec(label);
    return i.stageName === label || (numbered !== null && i.stageName === null && i.stage === Number(numbered[1]));
  });
  if (keyword === 'FROM') return inStage.find((i) => i.keyword === 'FROM')?.line ?? null;
  const exact = inStage.find((i) => i.keyword === keyword && collapse(i.text.slice(i.keyword.length)) === rest);
  if (exact) return exact.line;
  const sameKeyword = inStage.filter((i) => i.keyword === keyword);
  if (sameKeyword.length === 1) return sameKeyword[0]?.line ?? null;
  return inStage[Number(index) - 1]?.keyword === keyword ? (inStage[Number(index) - 1]?.line ?? null) : null;
}

/**
 * A small Dockerfile reader: enough to name each instruction, the lines it spans and the stage it belongs to, so
 * build steps and image layers can point back at the text. It follows the classic builder's rules for line
 * continuations, comments and the `# escape=` parser directive; it does not expand variables.
 */

export interface DockerfileInstruction {
  /** Upper case: FROM, RUN, COPY... */
  readonly keyword: string;
  /** The arguments, continuation lines joined with single spaces as the builder does. */
  readonly args: string;
  /** 1-based, inclusive. */
  readonly startLine: number;
  readonly endLine: number;
  /** Index into `stages`. */
  readonly stage: number;
}

export interface DockerfileStage {
  /** The `AS name`, lower-cased as the builder compares it, or undefined. */
  readonly name?: string;
  /** What FROM names: an image reference or an earlier stage. */
  readonly from: string;
  readonly instructions: readonly DockerfileInstruction[];
}

export interface ParsedDockerfile {
  readonly instructions: readonly DockerfileInstruction[];
  readonly stages: readonly DockerfileStage[];
}

const DIRECTIVE = /^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$/;

function escapeCharOf(lines: readonly string[]): string {
  for (const line of lines) {
    const directive = DIRECTIVE.exec(line.trim());
    // Directives are only read before the first comment, blank line or instruction.
    if (!directive) break;
    if (directive[1]?.toLowerCase() === 'escape' && (directive[2] === '`' || directive[2] === '\\'))
      return directive[2];
  }
  return '\\';
}

export function parseDockerfile(text: string): ParsedDockerfile {
  const lines = text.split(/\r?\n/);
  const escape = escapeCharOf(lines);
  const instructions: DockerfileInstruction[] = [];
  const stages: { name?: string; from: string; instructions: DockerfileInstruction[] }[] = [];
  let i = 0;
  while (i < lines.length) {
    const first = lines[i] ?? '';
    const trimmed = first.trim();
    if (trimmed === '' || trimmed.startsWith('#')) {
      i += 1;
      continue;
    }
    const startLine = i + 1;
    const parts: string[] = [];
    let line = first.trimEnd();
    // A line ending in the escape character continues on the next; comment and blank lines inside are skipped.
    while (line.endsWith(escape)) {
      parts.push(line.slice(0, -1).trim());
      i += 1;
      while (i < lines.length && /^\s*(#.*)?$/.test(lines[i] ?? '')) i += 1;
      if (i >= lines.length) {
        line = '';
        break;
      }
      line = (lines[i] ?? '').trimEnd();
    }
    parts.push(line.trim());
    const endLine = Math.min(i + 1, lines.length);
    i += 1;
    const joined = parts.filter((p) => p !== '').join(' ');
    const match = /^(\S+)\s*(.*)$/.exec(joined);
    if (!match?.[1]) continue;
    const keyword = match[1].toUpperCase();
    const args = match[2] ?? '';
    if (keyword === 'FROM') {
      const from = /^(?:--\S+\s+)*(\S+)(?:\s+as\s+(\S+))?/i.exec(args);
      const name = from?.[2]?.toLowerCase();
      stages.push(
        name === undefined
          ? { from: from?.[1] ?? '', instructions: [] }
          : { name, from: from?.[1] ?? '', instructions: [] },
      );
    }
    const instruction = { keyword, args, startLine, endLine, stage: Math.max(0, stages.length - 1) };
    instructions.push(instruction);
    stages[stages.length - 1]?.instructions.push(instruction);
  }
  return { instructions, stages };
}

/** The stage a build ends with: the named target, or the last one. */
export function finalStageIndex(parsed: ParsedDockerfile, target?: string): number {
  if (target !== undefined && target !== '') {
    const named = parsed.stages.findIndex((s) => s.name === target.toLowerCase());
    if (named >= 0) return named;
  }
  return parsed.stages.length - 1;
}

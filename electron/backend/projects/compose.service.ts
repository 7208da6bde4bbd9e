/** Compose files: read what one declares, find the Compose CLI, and run it on the file against Berth's engine. */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { ComposeCli, ComposeEvent, ComposeFile, ComposeProblem, ComposeVerb } from '../../../shared/dto/projects';
import { composeArgs, composeFileAction } from '../../../shared/cli/projects.cli';
import type { ActionText } from '../../../shared/cli/command';
import { BerthFailure } from '../../../shared/result';
import type { EngineConnection } from '../engine/engine.connection';
import { lineOfError, parseCompose } from './compose.parse';
import { resolveComposePath } from './compose.path';
import type { PathGuard } from '../core/paths';
import { composeEnv, findComposeCli, INSTALL_HINT, runCompose, type Program } from './compose.process';

/** Compose's default project name: the folder's name, lowercased, without characters it refuses. */
export const defaultProjectName = (workingDir: string) =>
  path
    .basename(workingDir)
    .toLowerCase()
    .replace(/[^a-z0-9_-]/g, '');

/** Compose's error lines placed on the file's lines; the last lines of output when none names a key. */
export function problemsFrom(output: string, lines: ReadonlyMap<string, number>): ComposeProblem[] {
  const all = output
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const placed: ComposeProblem[] = [];
  for (const text of all) {
    const line = lineOfError(text, lines);
    if (line !== null) placed.push({ line, message: text.replace(/^ERROR:\s*/, '') });
  }
  if (placed.length > 0) return placed;
  const errors = all.filter((l) => /^(ERROR|Error):?\s/.test(l));
  const last = (errors.length > 0 ? errors : all.slice(-3)).map((l) => l.replace(/^(ERROR|Error):?\s*/, '')).join(' ');
  return last === '' ? [] : [{ line: null, message: last }];
}

export class ComposeService {
  /** A found CLI is remembered for a minute; one that is missing is looked for again each time. */
  private cached: { at: number; cli: ComposeCli & { argv?: readonly string[] } } | null = null;

  constructor(
    private readonly engine: EngineConnection,
    private readonly env: NodeJS.ProcessEnv = process.env,
    private readonly candidates?: readonly Program[],
    /** Where compose files may be read from (core/paths.ts); tests may leave it out. */
    private readonly paths?: PathGuard,
  ) {}

  /** The one way a typed or picked path becomes a compose file: resolved, then checked against the user's folders. */
  private async composePath(input: string): Promise<{ file: string; workingDir: string }> {
    const resolved = await resolveComposePath(input);
    await this.paths?.check(resolved.file, 'The compose file');
    return resolved;
  }

  async readFile(input: string): Promise<ComposeFile> {
    const { file, workingDir } = await this.composePath(input);
    const text = await fs.readFile(file, 'utf8');
    const parsed = parseCompose(text);
    return {
      path: file,
      workingDir,
      projectName: parsed.name ?? defaultProjectName(workingDir),
      text,
      services: parsed.services,
      networks: parsed.networks,
      volumes: parsed.volumes,
      problems: parsed.problems,
    };
  }

  private async find(): Promise<ComposeCli & { argv?: readonly string[] }> {
    if (this.cached !== null && this.cached.cli.found && Date.now() - this.cached.at < 60_000) return this.cached.cli;
    const cli = await findComposeCli(this.env, this.candidates);
    this.cached = { at: Date.now(), cli };
    return cli;
  }

  async cli(): Promise<ComposeCli> {
    const { argv: _argv, ...cli } = await this.find();
    return cli;
  }

  /** What the transcript records before the run; the CLI found decides the command's words. */
  async plan(
    input: string,
    verb: ComposeVerb,
  ): Promise<{ action: ActionText; run: (emit: (e: ComposeEvent) => void, signal: AbortSignal) => Promise<void> }> {
    const cli = await this.find();
    if (!cli.found || cli.argv === undefined)
      throw new BerthFailure('NOT_FOUND', cli.found ? INSTALL_HINT : cli.message);
    const argv = cli.argv;
    const kind = cli.kind;
    const { file, workingDir } = await this.composePath(input);
    const status = this.engine.status();
    if (status.state !== 'connected') this.engine.docker(); // throws ENGINE_UNREACHABLE in Berth's words
    const action = composeFileAction(file, verb, kind);
    const run = async (emit: (e: ComposeEvent) => void, signal: AbortSignal) => {
      const text = await fs.readFile(file, 'utf8');
      const { lines } = parseCompose(text);
      emit({ type: 'started', command: action.command, cli: kind });
      const outcome = await runCompose({
        argv: [...argv, ...composeArgs(file, verb)],
        cwd: workingDir,
        env: composeEnv(this.env, status.endpoint.address),
        signal,
        onOutput: (t) => emit({ type: 'output', text: t }),
      });
      emit({ type: 'exit', code: outcome.code, truncated: outcome.truncated });
      if (outcome.cancelled) throw new BerthFailure('CANCELLED', `Compose ${verb} was cancelled.`);
      if (outcome.code !== 0) {
        const problems = problemsFrom(outcome.tail, lines);
        for (const problem of problems) emit({ type: 'problem', problem });
        const first = problems[0];
        throw new BerthFailure(
          'INVALID_INPUT',
          `Compose ${verb} failed (exit code ${outcome.code ?? 'none'})${first ? `: ${first.line === null ? '' : `line ${first.line}: `}${first.message}` : '.'}`,
        );
      }
    };
    return { action, run };
  }
}

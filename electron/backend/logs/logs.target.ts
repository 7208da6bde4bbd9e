/** What the logs code needs to know of a container before reading, and why some cannot be read at all. */
import type Dockerode from 'dockerode';
import { BerthFailure } from '../../../shared/result';

export interface LogTarget {
  readonly id: string;
  readonly name: string;
  readonly tty: boolean;
  readonly driver: string;
  /** RFC 3339: no line can be older. */
  readonly created: string;
  readonly running: boolean;
  readonly exitCode: number;
}

export async function inspectTarget(docker: Dockerode, ref: string): Promise<LogTarget> {
  const info = await docker.getContainer(ref).inspect();
  return {
    id: info.Id,
    name: info.Name.replace(/^\//, ''),
    tty: info.Config.Tty,
    driver: info.HostConfig.LogConfig?.Type ?? 'json-file',
    created: info.Created,
    running: info.State.Running,
    exitCode: info.State.ExitCode,
  };
}

/** The driver "none" keeps nothing; say so before asking the engine. */
export function refuseUnreadable(target: LogTarget): void {
  if (target.driver === 'none') {
    throw new BerthFailure(
      'CONFLICT',
      `Container ${target.name} runs with the log driver "none", so the engine keeps none of its output. Recreate it with --log-driver json-file (or local) to read its logs here.`,
      { driver: target.driver },
    );
  }
}

/** The engine refuses to read back drivers that send output elsewhere when its local copy is turned off. */
export function explainReadError(target: LogTarget, error: unknown): unknown {
  const json = (error as { json?: { message?: unknown } } | null)?.json?.message;
  const text = typeof json === 'string' ? json : error instanceof Error ? error.message : '';
  if (!/does not support reading|not implemented/i.test(text)) return error;
  return new BerthFailure(
    'CONFLICT',
    `Container ${target.name} sends its output to the "${target.driver}" log driver, and the engine keeps no copy it can read back. Read it where ${target.driver} delivers it, or recreate the container with --log-driver json-file (or local).`,
    { driver: target.driver },
  );
}

/**
 * The tour's build context on disk: the files shipped in assets/tour/ plus the `wait` program for the engine's
 * processor. It is a real folder so that the `docker build` command the transcript shows can be pasted as is.
 */
import { existsSync } from 'node:fs';
import { chmod, copyFile, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { BerthFailure } from '../../../../shared/result';
import { tourArch, waitingProgram } from './tour.elf';

/** The text `docker cp` puts into the first container in the "change" step. */
export const CHANGED_TEXT = 'This line was written into berth-tour-a, in its writable layer.\n';

/**
 * Finds assets/tour from where Berth runs: the repository (cwd, or the bundle in out/*), or next to a packaged
 * app's resources. Walks up a few folders from each start.
 */
export function findTourAssets(starts: readonly (string | undefined)[]): string | undefined {
  for (const start of starts) {
    if (start === undefined || start === '') continue;
    let dir = path.resolve(start);
    for (let up = 0; up < 4; up += 1) {
      const candidate = path.join(dir, 'assets', 'tour');
      if (existsSync(path.join(candidate, 'Dockerfile'))) return candidate;
      dir = path.dirname(dir);
    }
  }
  return undefined;
}

export function defaultTourAssets(): string | undefined {
  const resources = (process as { resourcesPath?: string }).resourcesPath;
  return findTourAssets([process.cwd(), process.argv[1] && path.dirname(process.argv[1]), resources]);
}

export interface TourContext {
  readonly contextDir: string;
  readonly changeFile: string;
}

export function tourContextPaths(root: string): TourContext {
  return { contextDir: path.join(root, 'context'), changeFile: path.join(root, 'change', 'hello.txt') };
}

/** Writes the context for an engine of the given architecture (as `docker version` names it). */
export async function assembleTourContext(
  assetsDir: string | undefined,
  root: string,
  engineArch: string,
): Promise<TourContext> {
  if (assetsDir === undefined) {
    throw new BerthFailure('NOT_FOUND', 'The tour files (assets/tour) are missing from this copy of Berth.');
  }
  const arch = tourArch(engineArch);
  if (arch === undefined) {
    throw new BerthFailure(
      'INVALID_INPUT',
      `The tour has a program for amd64 and arm64 engines only; this engine runs on ${engineArch}.`,
    );
  }
  const paths = tourContextPaths(root);
  await rm(root, { recursive: true, force: true });
  await mkdir(paths.contextDir, { recursive: true });
  await mkdir(path.dirname(paths.changeFile), { recursive: true });
  for (const name of await readdir(assetsDir))
    await copyFile(path.join(assetsDir, name), path.join(paths.contextDir, name));
  const wait = path.join(paths.contextDir, 'wait');
  await writeFile(wait, waitingProgram(arch));
  await chmod(wait, 0o755);
  await writeFile(paths.changeFile, CHANGED_TEXT);
  return paths;
}

export async function removeTourContext(root: string): Promise<void> {
  await rm(root, { recursive: true, force: true });
}

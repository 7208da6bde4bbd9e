/**
 * The second tour's build context on disk: its Dockerfile from assets/tour-data, /bin/wait for the engine's
 * processor (the first tour's program) and /bin/talk where Berth has one for it (amd64), plus the note the tour
 * writes into containers. A real folder, so the `docker build` and `docker cp` commands shown can be pasted as is.
 */
import { existsSync } from 'node:fs';
import { chmod, copyFile, mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { DataTourPaths } from '../../../../shared/cli/tour-data.cli';
import { BerthFailure } from '../../../../shared/result';
import { tourArch, waitingProgram, type TourArch } from './tour.elf';

/** What the tour writes into /data/note.txt, first in a container's own files, then in a volume. */
export const NOTE_TEXT = 'Written by the Berth tour. Where will this line still be after docker rm?\n';

/** The architectures Berth has a talk program for (assets/tour-data/talk-<arch>). */
export const TALK_ARCHES: readonly TourArch[] = ['amd64'];

/** assets/tour-data, beside the first tour's assets/tour. */
export const dataTourAssets = (tourAssets: string | undefined): string | undefined => {
  if (tourAssets === undefined) return undefined;
  const dir = path.join(path.dirname(tourAssets), 'tour-data');
  return existsSync(path.join(dir, 'Dockerfile')) ? dir : undefined;
};

export function dataTourPaths(root: string): DataTourPaths {
  return { contextDir: path.join(root, 'context'), noteFile: path.join(root, 'note', 'note.txt') };
}

/** Writes the note the steps copy in (again, if something removed it since). */
export async function writeNote(root: string): Promise<string> {
  const { noteFile } = dataTourPaths(root);
  await mkdir(path.dirname(noteFile), { recursive: true });
  await writeFile(noteFile, NOTE_TEXT);
  return noteFile;
}

/** Writes the context for an engine of the given architecture; says whether the image can talk (steps 4 and 5). */
export async function assembleDataTourContext(
  assetsDir: string | undefined,
  root: string,
  engineArch: string,
): Promise<{ readonly paths: DataTourPaths; readonly talks: boolean }> {
  if (assetsDir === undefined) {
    throw new BerthFailure(
      'NOT_FOUND',
      'The second tour’s files (assets/tour-data) are missing from this copy of Berth.',
    );
  }
  const arch = tourArch(engineArch);
  if (arch === undefined) {
    throw new BerthFailure(
      'INVALID_INPUT',
      `The tour has programs for amd64 and arm64 engines only; this engine runs on ${engineArch}.`,
    );
  }
  const paths = dataTourPaths(root);
  await rm(root, { recursive: true, force: true });
  const bin = path.join(paths.contextDir, 'bin');
  await mkdir(bin, { recursive: true });
  await copyFile(path.join(assetsDir, 'Dockerfile'), path.join(paths.contextDir, 'Dockerfile'));
  await writeFile(path.join(bin, 'wait'), waitingProgram(arch));
  await chmod(path.join(bin, 'wait'), 0o755);
  const talks = TALK_ARCHES.includes(arch);
  if (talks) {
    await copyFile(path.join(assetsDir, `talk-${arch}`), path.join(bin, 'talk'));
    await chmod(path.join(bin, 'talk'), 0o755);
  }
  await writeNote(root);
  return { paths, talks };
}

/**
 * Native file dialogs in the desktop app: save an image to a tar, load one from a tar, save containers' whole
 * logs, choose a build context.
 * The dialogs come in through a port (DesktopDialogs) that Electron main implements (desktop.dialogs.ts) and the
 * browser bridge does not pass; without it each action says so. Paths only ever come from the dialog, never from
 * the page, and tar bytes stream between the engine and the file without being held in memory.
 */
import { createWriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { finished, pipeline } from 'node:stream/promises';
import { loadAction, saveAction, tarFilename } from '../../../shared/cli/images.cli';
import { logFilename, saveLogAction } from '../../../shared/cli/logs.cli';
import { exportVolumeAction, importVolumeAction } from '../../../shared/cli/volumes.cli';
import type { DesktopCapabilities, LoadedImages, PickedFolder, SavedImage } from '../../../shared/dto/desktop';
import { BerthFailure } from '../../../shared/result';
import type { ImagesService } from '../images/images.service';
import type { LogsService } from '../logs/logs.service';
import type { VolumeFiles } from '../volumes/volumes.files';
import { writeAtomically } from '../core/atomic-file';
import type { Transcript } from '../core/transcript';
import type { DesktopDialogs, FileFilter } from './desktop.types';

const TAR_FILTERS: readonly FileFilter[] = [{ name: 'Image archives (tar)', extensions: ['tar'] }];
const LOG_FILTERS: readonly FileFilter[] = [{ name: 'Log files', extensions: ['log', 'txt'] }];
const CANCELLED = { cancelled: true } as const;

const needsDesktop = (instead: string) => new BerthFailure('NOT_SUPPORTED', `This needs the desktop app; ${instead}`);

/** A dialog's answer, checked again: only an absolute path without NUL goes on to the file system. */
export function chosen(answer: string | null): string | null {
  if (answer === null) return null;
  if (answer.includes('\0') || !path.isAbsolute(answer)) {
    throw new BerthFailure('INTERNAL', 'The file dialog did not return a usable path.');
  }
  return answer;
}

/**
 * A file-system error as a sentence about the file: toBerthError would read ENOENT or EACCES as an engine socket
 * problem. Engine errors (no `path` on them) pass through unchanged.
 */
export function aboutFile(error: unknown, file: string): unknown {
  const e = error as { code?: unknown; path?: unknown } | null;
  if (typeof e?.path !== 'string' || typeof e.code !== 'string') return error;
  if (e.code === 'ENOENT') return new BerthFailure('NOT_FOUND', `There is no file or folder at ${file}.`);
  if (e.code === 'EACCES' || e.code === 'EPERM' || e.code === 'EROFS') {
    return new BerthFailure('PERMISSION_DENIED', `Berth is not allowed to use ${file} (${e.code}).`);
  }
  if (e.code === 'ENOSPC') return new BerthFailure('INTERNAL', `The disk holding ${file} is full.`);
  return new BerthFailure('INTERNAL', `Berth could not use ${file} (${e.code}).`);
}

/** Writes beside the target and renames at the end, so a failed save never leaves half a file under its name. */
export async function saveTo(target: string, write: (file: string) => Promise<void>): Promise<void> {
  try {
    await writeAtomically(target, write);
  } catch (error) {
    throw aboutFile(error, target);
  }
}

export class DesktopService {
  constructor(
    private readonly dialogs: DesktopDialogs | null,
    private readonly images: ImagesService,
    private readonly logs: LogsService,
    private readonly transcript: Transcript,
    private readonly volumes: VolumeFiles,
  ) {}

  capabilities(): DesktopCapabilities {
    return { nativeDialogs: this.dialogs !== null };
  }

  async saveImage(ref: string): Promise<SavedImage> {
    if (this.dialogs === null) throw needsDesktop('in the browser use the download button.');
    // NOT_FOUND or ENGINE_UNREACHABLE before a dialog asks for a place to put it.
    await this.images.inspect(ref);
    const target = chosen(
      await this.dialogs.showSaveDialog({
        title: `Save ${ref} as a tar file`,
        defaultName: tarFilename(ref),
        filters: TAR_FILTERS,
      }),
    );
    if (target === null) return CANCELLED;
    await this.transcript.run(saveAction(ref, target), () =>
      saveTo(target, async (file) => pipeline(await this.images.save(ref), createWriteStream(file))),
    );
    return { cancelled: false, path: target };
  }

  async saveLog(containers: readonly string[]): Promise<SavedImage> {
    if (this.dialogs === null) throw needsDesktop('in the browser use the Save whole log button.');
    // NOT_FOUND, or the driver "none", before a dialog asks for a place to put it.
    const targets = await this.logs.exportTargets(containers);
    const names = targets.map((t) => t.name);
    const target = chosen(
      await this.dialogs.showSaveDialog({
        title: `Save the whole log of ${names.join(', ')}`,
        defaultName: logFilename(names),
        filters: LOG_FILTERS,
      }),
    );
    if (target === null) return CANCELLED;
    await this.transcript.run(saveLogAction(names, target), () =>
      saveTo(target, async (file) => {
        const out = createWriteStream(file);
        try {
          await this.logs.exportTo(targets, out, new AbortController().signal);
        } catch (error) {
          out.destroy();
          throw error;
        }
        out.end();
        await finished(out);
      }),
    );
    return { cancelled: false, path: target };
  }

  async loadImage(): Promise<LoadedImages> {
    if (this.dialogs === null) throw needsDesktop('in the browser choose the file in the Load dialog.');
    this.images.assertReachable();
    const source = chosen(
      await this.dialogs.showOpenDialog({ title: 'Load images from a tar file', pick: 'file', filters: TAR_FILTERS }),
    );
    if (source === null) return CANCELLED;
    const result = await this.transcript.run(loadAction(source), async () => {
      const handle = await open(source, 'r').catch((error: unknown) => {
        throw aboutFile(error, source);
      });
      try {
        // A FIFO or a device would never end; only a regular file is sent to the engine.
        if (!(await handle.stat()).isFile()) {
          throw new BerthFailure('INVALID_INPUT', `${source} is not a regular file.`);
        }
        return await this.images.load(handle.createReadStream());
      } finally {
        await handle.close();
      }
    });
    return { cancelled: false, path: source, loaded: result.loaded };
  }

  async exportVolume(name: string): Promise<SavedImage> {
    if (this.dialogs === null) throw needsDesktop('in the browser use the Export as tar button.');
    // NOT_FOUND, or no local image for the helper, before a dialog asks for a place to put it.
    await this.volumes.check(name);
    const target = chosen(
      await this.dialogs.showSaveDialog({
        title: `Export volume ${name} as a tar file`,
        defaultName: `${name}.tar`,
        filters: TAR_FILTERS,
      }),
    );
    if (target === null) return CANCELLED;
    const image = await this.volumes.image();
    await this.transcript.run(exportVolumeAction(name, image, target), () =>
      saveTo(target, async (file) => {
        const { tar } = await this.volumes.exportVolume(name);
        await pipeline(tar, createWriteStream(file));
      }),
    );
    return { cancelled: false, path: target };
  }

  async importVolume(name: string): Promise<SavedImage> {
    if (this.dialogs === null) throw needsDesktop('in the browser choose the file in the Import dialog.');
    await this.volumes.check(name);
    const source = chosen(
      await this.dialogs.showOpenDialog({
        title: `Import a tar file into volume ${name}`,
        pick: 'file',
        filters: TAR_FILTERS,
      }),
    );
    if (source === null) return CANCELLED;
    const image = await this.volumes.image();
    await this.transcript.run(importVolumeAction(name, image, source), async () => {
      const handle = await open(source, 'r').catch((error: unknown) => {
        throw aboutFile(error, source);
      });
      try {
        if (!(await handle.stat()).isFile())
          throw new BerthFailure('INVALID_INPUT', `${source} is not a regular file.`);
        await this.volumes.importVolume(name, handle.createReadStream());
      } finally {
        await handle.close();
      }
    });
    return { cancelled: false, path: source };
  }

  async pickFolder(title?: string): Promise<PickedFolder> {
    if (this.dialogs === null) throw needsDesktop("in the browser type the folder's path.");
    const folder = chosen(await this.dialogs.showOpenDialog({ title: title ?? 'Choose a folder', pick: 'folder' }));
    return folder === null ? CANCELLED : { cancelled: false, path: folder };
  }

  async pickComposeFile(): Promise<PickedFolder> {
    if (this.dialogs === null) throw needsDesktop("in the browser type the compose file's path.");
    const file = chosen(
      await this.dialogs.showOpenDialog({
        title: 'Open a compose file',
        pick: 'file',
        filters: [{ name: 'Compose files', extensions: ['yaml', 'yml'] }],
      }),
    );
    return file === null ? CANCELLED : { cancelled: false, path: file };
  }

  /** engine:use then takes the picked path: the path guard knows main handed it out. */
  async pickTlsFile(which: 'ca' | 'cert' | 'key'): Promise<PickedFolder> {
    if (this.dialogs === null) throw needsDesktop('in the browser type the path of the PEM file.');
    const title = {
      ca: 'Choose the CA certificate (ca.pem)',
      cert: 'Choose your client certificate (cert.pem)',
      key: 'Choose your client key (key.pem)',
    }[which];
    const file = chosen(
      await this.dialogs.showOpenDialog({
        title,
        pick: 'file',
        filters: [{ name: 'PEM files', extensions: ['pem', 'crt', 'key'] }],
      }),
    );
    return file === null ? CANCELLED : { cancelled: false, path: file };
  }
}

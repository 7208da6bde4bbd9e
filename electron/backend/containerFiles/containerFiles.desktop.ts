/**
 * The desktop app's way to copy container files: main's native save and open dialogs (the DesktopDialogs port),
 * then the same engine calls as the browser mode's tickets. Paths come only from the dialog, never from the page;
 * bytes stream between the engine and the file, and a failed save leaves no half file behind.
 */
import { createWriteStream } from 'node:fs';
import { open, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import {
  downloadContainerPathAction,
  saveLayerFileAction,
  uploadContainerFileAction,
} from '../../../shared/cli/containerFiles.cli';
import type { SavedImage } from '../../../shared/dto/desktop';
import { BerthFailure } from '../../../shared/result';
import type { Transcript } from '../core/transcript';
import { aboutFile, chosen, saveTo } from '../desktop/desktop.service';
import type { DesktopDialogs } from '../desktop/desktop.types';
import { normalizeContainerPath, type ContainerFilesService } from './containerFiles.service';
import { downloadName } from './containerFiles.transfers';
import { layerFileName, type LayerFileService } from './layerFile.service';

const TAR_FILTERS = [{ name: 'Tar archives', extensions: ['tar'] }] as const;

export const needsDesktop = (instead: string): BerthFailure =>
  new BerthFailure('NOT_SUPPORTED', `This needs the desktop app; ${instead}`);

export class ContainerFilesDesktop {
  constructor(
    private readonly dialogs: DesktopDialogs | null,
    private readonly files: ContainerFilesService,
    private readonly transcript: Transcript,
    private readonly layerFiles: LayerFileService,
  ) {}

  /** Asks where to save, then writes the file or folder there as a tar, as `docker cp CTR:PATH - > FILE` does. */
  async saveToFile(id: string, rawPath: string): Promise<SavedImage> {
    if (this.dialogs === null) throw needsDesktop('in the browser use the Download button.');
    const where = normalizeContainerPath(rawPath);
    const { name } = await this.files.describe(id);
    // NOT_FOUND before a dialog asks for a place to put it.
    if (where !== '' && (await this.files.stat(id, where)) === null)
      throw new BerthFailure('NOT_FOUND', `There is no /${where} in container ${name}.`);
    const target = chosen(
      await this.dialogs.showSaveDialog({
        title: `Save /${where} from container ${name} as a tar file`,
        defaultName: downloadName(where),
        filters: TAR_FILTERS,
      }),
    );
    if (target === null) return { cancelled: true };
    await this.transcript.run(downloadContainerPathAction(name, where, target), () =>
      saveTo(target, async (file) => pipeline(await this.files.download(id, where), createWriteStream(file))),
    );
    return { cancelled: false, path: target };
  }

  /** Asks for a file, then copies it into the folder, as `docker cp FILE CTR:DIR` does. */
  async uploadFromFile(id: string, rawFolder: string): Promise<SavedImage> {
    if (this.dialogs === null) throw needsDesktop('in the browser use the Upload files button.');
    const folder = normalizeContainerPath(rawFolder);
    const { name } = await this.files.describe(id);
    await this.files.mustBeFolder(id, folder);
    const source = chosen(
      await this.dialogs.showOpenDialog({ title: `Upload a file to /${folder} of container ${name}`, pick: 'file' }),
    );
    if (source === null) return { cancelled: true };
    await this.transcript.run(uploadContainerFileAction(name, folder, source), async () => {
      const handle = await open(source, 'r').catch((error: unknown) => {
        throw aboutFile(error, source);
      });
      try {
        const stat = await handle.stat();
        // A FIFO or a device would never end; only a regular file goes into the container.
        if (!stat.isFile()) throw new BerthFailure('INVALID_INPUT', `${source} is not a regular file.`);
        await this.files.upload(id, folder, path.basename(source), stat.size, handle.createReadStream());
      } finally {
        await handle.close();
      }
    });
    return { cancelled: false, path: source };
  }

  /** Asks where to save, then writes one file of the image as of the layer there. */
  async saveLayerFile(image: string, layer: number | string, rawPath: string): Promise<SavedImage> {
    if (this.dialogs === null) throw needsDesktop('in the browser use the Save file button.');
    const spot = await this.layerFiles.locate(image, layer, rawPath);
    const target = chosen(
      await this.dialogs.showSaveDialog({
        title: `Save /${spot.path} of ${image}`,
        defaultName: layerFileName(spot.path),
        filters: [],
      }),
    );
    if (target === null) return { cancelled: true };
    await this.transcript.run(saveLayerFileAction(image, spot.path, target), async () => {
      const bytes = await this.layerFiles.read(spot);
      await saveTo(target, (file) => writeFile(file, bytes));
    });
    return { cancelled: false, path: target };
  }
}

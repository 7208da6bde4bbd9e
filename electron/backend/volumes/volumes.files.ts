/**
 * A volume's files through a helper container (volumes.helper.ts) and the archive API: one folder's entries from
 * tar headers, a small text file, and the whole volume as a tar out or in.
 */
import { PassThrough, type Readable } from 'node:stream';
import { extract } from 'tar-stream';
import {
  MAX_BROWSE_ENTRIES,
  MAX_READ_BYTES,
  type VolumeEntry,
  type VolumeFile,
  type VolumeFolder,
} from '../../../shared/dto/volumes';
import { BerthFailure } from '../../../shared/result';
import type { PendingRepairs } from '../core/repairs';
import type { DockerSource } from '../engine/engine.types';
import { engineText, statusOf } from '../engine/errors';
import { createHelper, helperImage, MOUNT, withHelper, type Helper } from './volumes.helper';
import { asText, normalizePath, toFolderEntry } from './volumes.mapper';

/** Headers read at most while looking for a folder's direct entries (deeper ones stream past too). */
const MAX_SCANNED = 200_000;

export interface VolumeExport {
  readonly image: string;
  readonly tar: Readable;
}

export class VolumeFiles {
  constructor(
    private readonly engine: DockerSource,
    /** Helpers the engine went away from are removed once it is back. */
    private readonly repairs: PendingRepairs | null = null,
  ) {}

  /** The volume exists and a helper could be made for it: checked before a transfer ticket is issued. */
  async check(name: string): Promise<void> {
    await this.mustExist(name);
    await this.image();
  }

  /** NOT_FOUND before a helper is made: mounting an unknown name would create that volume. */
  private async mustExist(name: string): Promise<void> {
    try {
      await this.engine.docker().getVolume(name).inspect();
    } catch (error) {
      if (statusOf(error) === 404) throw new BerthFailure('NOT_FOUND', `There is no volume ${name} on this engine.`);
      throw error;
    }
  }

  private async archive(helper: Helper, inside: string, volume: string, shown: string): Promise<Readable> {
    try {
      return (await helper.container.getArchive({ path: inside })) as Readable;
    } catch (error) {
      if (statusOf(error) === 404)
        throw new BerthFailure('NOT_FOUND', `There is no ${shown || 'root'} in volume ${volume}.`);
      if (statusOf(error) === 400 || /not a directory/i.test(engineText(error)))
        throw new BerthFailure('INVALID_INPUT', `${shown} in volume ${volume} is not a folder.`);
      throw error;
    }
  }

  private helped<T>(volume: string, readOnly: boolean, work: (helper: Helper) => Promise<T>): Promise<T> {
    return withHelper(this.engine, volume, readOnly, work, this.repairs);
  }

  /** The image helpers are made from, for the command shown in the transcript. */
  image(): Promise<string> {
    return helperImage(this.engine.docker());
  }

  async browse(name: string, path: string): Promise<VolumeFolder> {
    const folder = normalizePath(path);
    await this.mustExist(name);
    return this.helped(name, true, async (helper) => {
      const inside = folder === '' ? `${MOUNT}/.` : `${MOUNT}/${folder}/.`;
      const tar = await this.archive(helper, inside, name, folder);
      const { entries, truncated } = await readFolder(tar);
      entries.sort((a, b) =>
        (a.type === 'dir') !== (b.type === 'dir') ? (a.type === 'dir' ? -1 : 1) : a.name.localeCompare(b.name),
      );
      return { volume: name, path: folder, entries, truncated };
    });
  }

  async readFile(name: string, path: string): Promise<VolumeFile> {
    const file = normalizePath(path);
    if (file === '')
      throw new BerthFailure('INVALID_INPUT', 'Choose a file to read; the root of a volume is a folder.');
    await this.mustExist(name);
    return this.helped(name, true, async (helper) => {
      const tar = await this.archive(helper, `${MOUNT}/${file}`, name, file);
      const bytes = await readFirstFile(tar, file, name);
      const text = asText(bytes);
      if (text === null)
        throw new BerthFailure('INVALID_INPUT', `${file} looks like a binary file; Berth shows text files only.`);
      return { volume: name, path: file, size: bytes.length, text };
    });
  }

  /** The volume's contents as a tar with "./" names; the helper goes when the stream ends, fails or is closed. */
  async exportVolume(name: string): Promise<VolumeExport> {
    await this.mustExist(name);
    const helper = await createHelper(this.engine, name, true, this.repairs);
    let source: Readable;
    try {
      source = await this.archive(helper, `${MOUNT}/.`, name, '');
    } catch (error) {
      await helper.remove();
      throw error;
    }
    const out = new PassThrough();
    source.once('error', (error) => out.destroy(error));
    // The reader sees the end only once the helper is gone, so nothing is left behind when it looks.
    source.once('end', () => void helper.remove().then(() => out.end()));
    out.once('close', () => {
      source.destroy();
      void helper.remove();
    });
    source.pipe(out, { end: false });
    return { image: helper.image, tar: out };
  }

  /** Unpacks a tar (names relative to the volume's root) into an existing volume. */
  async importVolume(name: string, tar: Readable): Promise<{ readonly image: string }> {
    await this.mustExist(name);
    return this.helped(name, false, async (helper) => {
      try {
        await helper.container.putArchive(tar, { path: MOUNT });
      } catch (error) {
        if (statusOf(error) === 400 || statusOf(error) === 500)
          throw new BerthFailure(
            'INVALID_INPUT',
            `The engine could not unpack the file into volume ${name}: ${engineText(error) || 'it is not a tar archive'}.`,
          );
        throw error;
      }
      return { image: helper.image };
    });
  }
}

async function readFolder(tar: Readable): Promise<{ entries: VolumeEntry[]; truncated: boolean }> {
  const entries: VolumeEntry[] = [];
  const parser = extract();
  tar.pipe(parser);
  tar.once('error', (error) => parser.destroy(error));
  let scanned = 0;
  let truncated = false;
  try {
    for await (const entry of parser) {
      const found = toFolderEntry(entry.header);
      entry.resume();
      if (found) {
        if (entries.length >= MAX_BROWSE_ENTRIES) {
          truncated = true;
          break;
        }
        entries.push(found);
      }
      if (++scanned >= MAX_SCANNED) {
        truncated = true;
        break;
      }
    }
  } finally {
    tar.destroy();
  }
  return { entries, truncated };
}

async function readFirstFile(tar: Readable, file: string, volume: string): Promise<Buffer> {
  const parser = extract();
  tar.pipe(parser);
  tar.once('error', (error) => parser.destroy(error));
  try {
    for await (const entry of parser) {
      const { type, size = 0, linkname } = entry.header;
      if (type === 'directory')
        throw new BerthFailure('INVALID_INPUT', `${file} in volume ${volume} is a folder, not a file.`);
      if (type === 'symlink')
        throw new BerthFailure(
          'INVALID_INPUT',
          `${file} is a link to ${linkname ?? 'another path'}; open that path instead.`,
        );
      if (type !== 'file' && type !== 'contiguous-file')
        throw new BerthFailure('INVALID_INPUT', `${file} is not a regular file.`);
      if ((size ?? 0) > MAX_READ_BYTES)
        throw new BerthFailure(
          'INVALID_INPUT',
          `${file} holds ${size} bytes; Berth shows files up to ${MAX_READ_BYTES / 1024} KiB. Export the volume to read it.`,
        );
      const chunks: Buffer[] = [];
      for await (const chunk of entry) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    }
  } finally {
    tar.destroy();
  }
  throw new BerthFailure('NOT_FOUND', `There is no ${file} in volume ${volume}.`);
}

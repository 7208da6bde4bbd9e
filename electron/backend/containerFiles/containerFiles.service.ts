/**
 * A container's whole filesystem as the container sees it: its image's layers merged at the top layer (the layers
 * service's index, read once from `docker save`) with the container's writable layer applied from
 * GET /containers/{id}/changes, each changed path marked; files and folders out as a tar (GET .../archive) and files
 * in (PUT .../archive). The archive API works on stopped containers too, as `docker cp` does.
 */
import { PassThrough, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { pack } from 'tar-stream';
import {
  MAX_CONTAINER_FOLDER_ENTRIES,
  type ContainerFileMark,
  type ContainerFolder,
  type ContainerFsEntry,
} from '../../../shared/dto/containerFiles';
import type { LayerEntryType } from '../../../shared/dto/layers';
import { BerthFailure } from '../../../shared/result';
import type { DockerSource } from '../engine/engine.types';
import { engineText, statusOf } from '../engine/errors';
import type { LayersService } from '../layers/layers.service';

/** Changed paths in one folder whose type and size are asked of the engine (one HEAD each). */
const MAX_STATS = 200;

export const normalizeContainerPath = (path: string): string =>
  path
    .split('/')
    .filter((s) => s !== '' && s !== '.')
    .join('/');

const parentOf = (path: string): string => path.slice(0, Math.max(0, path.lastIndexOf('/')));
const baseOf = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

/** A file name to upload as: one path segment, printable, not "." or "..". */
export function uploadName(name: string): string {
  const base = name.replace(/\\/g, '/').split('/').pop() ?? '';
  if (base === '' || base === '.' || base === '..' || base.length > 255 || [...base].some((c) => c.charCodeAt(0) < 32))
    throw new BerthFailure('INVALID_INPUT', `"${name.slice(0, 80)}" cannot be a file name in the container.`);
  return base;
}

interface PathStat {
  readonly type: LayerEntryType;
  readonly size: number;
  readonly mode: string;
  readonly link: string | null;
}

/** Go's os.FileMode as the archive API's X-Docker-Container-Path-Stat header gives it. */
export function statFromHeader(header: string | undefined): PathStat | null {
  if (!header) return null;
  try {
    const raw = JSON.parse(Buffer.from(header, 'base64').toString('utf8')) as {
      size?: number;
      mode?: number;
      linkTarget?: string;
    };
    const mode = Number(raw.mode ?? 0) >>> 0;
    const type: LayerEntryType =
      mode & 0x80000000 ? 'dir' : mode & 0x08000000 ? 'symlink' : mode & 0x0f000000 ? 'other' : 'file';
    return {
      type,
      size: type === 'file' ? Number(raw.size ?? 0) : 0,
      mode: (mode & 0o7777).toString(8),
      link: raw.linkTarget ? raw.linkTarget : null,
    };
  } catch {
    return null;
  }
}

const KIND: Record<number, Exclude<ContainerFileMark, null>> = { 0: 'changed', 1: 'added', 2: 'deleted' };

export class ContainerFilesService {
  constructor(
    private readonly engine: DockerSource,
    private readonly layers: LayersService,
  ) {}

  private container(id: string) {
    return this.engine.docker().getContainer(id);
  }

  private async onContainer<T>(id: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (statusOf(error) === 404 && /no such container/i.test(engineText(error)))
        throw new BerthFailure('NOT_FOUND', `There is no container ${id} on this engine; it may have been removed.`);
      if (statusOf(error) === 404)
        throw new BerthFailure('NOT_FOUND', `There is no such path in container ${id}: ${engineText(error)}`);
      throw error;
    }
  }

  /** The container's name (no leading slash) and image id. */
  async describe(id: string): Promise<{ name: string; image: string }> {
    const info = await this.onContainer(id, () => this.container(id).inspect());
    return { name: info.Name.replace(/^\//, ''), image: info.Image };
  }

  /** Type, size and mode of one path as the container sees it, or null when it is not there. */
  async stat(id: string, path: string): Promise<PathStat | null> {
    try {
      const res = (await this.container(id).infoArchive({ path: `/${path}` })) as unknown as {
        headers: Record<string, string | undefined>;
        resume?: () => void;
      };
      res.resume?.();
      return statFromHeader(res.headers['x-docker-container-path-stat']);
    } catch (error) {
      if (statusOf(error) === 404) return null;
      throw error;
    }
  }

  async list(id: string, rawPath: string): Promise<ContainerFolder> {
    const folder = normalizeContainerPath(rawPath);
    const { name, image } = await this.describe(id);
    const changes = (await this.onContainer(id, () => this.container(id).changes())) as unknown as
      { Path: string; Kind: number }[] | null;
    const marks = new Map<string, Exclude<ContainerFileMark, null>>();
    for (const c of changes ?? []) {
      const kind = KIND[c.Kind];
      if (kind) marks.set(normalizeContainerPath(c.Path), kind);
    }
    if (marks.get(folder) === 'deleted')
      throw new BerthFailure('NOT_FOUND', `/${folder} was deleted in container ${name}.`);

    const byPath = new Map<string, ContainerFsEntry>();
    let truncated = false;
    const indexed = await this.layers.indexed(image);
    if (indexed.layers.length > 0) {
      try {
        const merged = await this.layers.merged(image, indexed.layers.length - 1, folder, 'level', 0);
        truncated = merged.nextCursor !== null;
        for (const e of merged.entries) {
          byPath.set(e.path, {
            path: e.path,
            name: baseOf(e.path),
            type: e.type,
            size: e.size,
            mode: e.mode,
            link: e.link,
            mark: marks.get(e.path) ?? null,
          });
        }
      } catch (error) {
        // A folder the container made itself is not in the image; it must be one of its changes then.
        if (!(error instanceof BerthFailure && error.error.code === 'NOT_FOUND' && marks.get(folder) === 'added'))
          throw error;
      }
    }
    let stats = 0;
    for (const [path, mark] of marks) {
      if (parentOf(path) !== folder || path === folder) continue;
      const known = byPath.get(path);
      if (mark === 'deleted') {
        byPath.set(path, {
          path,
          name: baseOf(path),
          type: known?.type ?? 'other',
          size: known?.size ?? 0,
          mode: known?.mode ?? '',
          link: known?.link ?? null,
          mark,
        });
        continue;
      }
      const stat = stats++ < MAX_STATS ? await this.stat(id, path) : null;
      byPath.set(path, {
        path,
        name: baseOf(path),
        type: stat?.type ?? known?.type ?? 'other',
        size: stat?.size ?? known?.size ?? 0,
        mode: stat?.mode ?? known?.mode ?? '',
        link: stat?.link ?? known?.link ?? null,
        mark,
      });
    }
    const entries = [...byPath.values()].sort(
      (a, b) => Number(b.type === 'dir') - Number(a.type === 'dir') || a.name.localeCompare(b.name),
    );
    if (entries.length > MAX_CONTAINER_FOLDER_ENTRIES) truncated = true;
    return { id, container: name, path: folder, entries: entries.slice(0, MAX_CONTAINER_FOLDER_ENTRIES), truncated };
  }

  /** The path as a tar (what `docker cp CTR:PATH -` writes); NOT_FOUND when the container does not have it. */
  async download(id: string, rawPath: string): Promise<Readable> {
    const path = normalizeContainerPath(rawPath);
    return (await this.onContainer(id, () => this.container(id).getArchive({ path: `/${path}` }))) as Readable;
  }

  /** Checks that `folder` exists and is a folder in the container, before a ticket or an upload. */
  async mustBeFolder(id: string, rawFolder: string): Promise<void> {
    const folder = normalizeContainerPath(rawFolder);
    await this.describe(id);
    if (folder === '') return;
    const stat = await this.stat(id, folder);
    if (stat === null) throw new BerthFailure('NOT_FOUND', `There is no /${folder} in container ${id}.`);
    if (stat.type !== 'dir')
      throw new BerthFailure('INVALID_INPUT', `/${folder} is not a folder; upload into a folder.`);
  }

  /** Puts one file of `size` bytes, read from `body`, into `folder` as `name` (a tar of one entry, streamed). */
  async upload(id: string, rawFolder: string, name: string, size: number, body: Readable): Promise<void> {
    const folder = normalizeContainerPath(rawFolder);
    const file = uploadName(name);
    await this.mustBeFolder(id, folder);
    const tar = pack();
    const out = new PassThrough();
    tar.pipe(out);
    const put = this.onContainer(id, () =>
      this.container(id).putArchive(out, { path: `/${folder}`, noOverwriteDirNonDir: '1' }),
    );
    const entry = tar.entry({ name: file, size, mode: 0o644, mtime: new Date() });
    await pipeline(body, entry);
    tar.finalize();
    const answer = (await put) as unknown;
    if (answer && typeof (answer as Readable).resume === 'function') (answer as Readable).resume();
  }
}

/** Raw engine answers about volumes to shared DTOs, and the prune rule. Pure. */
import type Dockerode from 'dockerode';
import type {
  VolumeEntry,
  VolumeEntryType,
  VolumePrunePreview,
  VolumeSummary,
  VolumeUsage,
  VolumeUser,
} from '../../../shared/dto/volumes';
import { toContainerState } from '../containers/containers.mapper';

/** The label newer engines put on volumes made by `docker run -v /path` or a VOLUME line. */
export const ANONYMOUS_LABEL = 'com.docker.volume.anonymous';

/** The volume as GET /volumes and /system/df give it (dockerode's types lack CreatedAt and UsageData). */
export interface RawVolume {
  readonly Name: string;
  readonly Driver?: string;
  readonly Mountpoint?: string;
  readonly Scope?: string;
  readonly Labels?: Record<string, string> | null;
  readonly Options?: Record<string, string> | null;
  readonly CreatedAt?: string;
  readonly UsageData?: { readonly Size?: number; readonly RefCount?: number } | null;
}

export const isAnonymous = (raw: Pick<RawVolume, 'Name' | 'Labels'>): boolean =>
  (raw.Labels ?? {})[ANONYMOUS_LABEL] !== undefined || /^[0-9a-f]{64}$/.test(raw.Name);

/** Every volume mount of every container, by volume name. */
export function usersByVolume(containers: readonly Dockerode.ContainerInfo[]): Map<string, VolumeUser[]> {
  const users = new Map<string, VolumeUser[]>();
  for (const c of containers) {
    for (const m of c.Mounts ?? []) {
      if (m.Type !== 'volume' || !m.Name) continue;
      const list = users.get(m.Name) ?? [];
      list.push({
        id: c.Id,
        name: (c.Names?.[0] ?? c.Id.slice(0, 12)).replace(/^\//, ''),
        state: toContainerState(c.State),
        destination: m.Destination,
        rw: m.RW,
      });
      users.set(m.Name, list);
    }
  }
  return users;
}

const createdAt = (text: string | undefined): number | null => {
  if (!text) return null;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? null : ms;
};

export function toVolumeSummary(raw: RawVolume, users: readonly VolumeUser[]): VolumeSummary {
  return {
    name: raw.Name,
    driver: raw.Driver ?? '',
    mountpoint: raw.Mountpoint ?? '',
    scope: raw.Scope ?? 'local',
    labels: { ...(raw.Labels ?? {}) },
    options: { ...(raw.Options ?? {}) },
    created: createdAt(raw.CreatedAt),
    anonymous: isAnonymous(raw),
    users,
  };
}

const known = (n: number | undefined): number | null => (typeof n === 'number' && n >= 0 ? n : null);

export function toVolumeUsage(raw: RawVolume): VolumeUsage {
  return { name: raw.Name, size: known(raw.UsageData?.Size), refCount: known(raw.UsageData?.RefCount) };
}

/** "1.41" < "1.42" as numbers per part, so "1.9" < "1.10". */
export function apiAtLeast(version: string, wanted: string): boolean {
  const [a = 0, b = 0] = version.split('.').map(Number);
  const [c = 0, d = 0] = wanted.split('.').map(Number);
  return a !== c ? a > c : b >= d;
}

/**
 * What POST /volumes/prune removes, as the engine decides it: a volume no container references; before API 1.42
 * named ones too, from 1.42 only those labelled anonymous unless `all` (daemon/volumes: pruneFilters).
 */
export function volumePrunePreview(
  volumes: readonly RawVolume[],
  used: ReadonlySet<string>,
  apiVersion: string,
  all: boolean,
): VolumePrunePreview {
  const onlyAnonymous = apiAtLeast(apiVersion, '1.42') && !all;
  const chosen = volumes
    .filter((v) => !used.has(v.Name) && (v.UsageData?.RefCount ?? 0) <= 0)
    .filter((v) => !onlyAnonymous || (v.Labels ?? {})[ANONYMOUS_LABEL] !== undefined)
    .map((v) => ({ name: v.Name, size: known(v.UsageData?.Size), anonymous: isAnonymous(v) }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return {
    apiVersion,
    rule: onlyAnonymous ? 'anonymous-unused' : 'all-unused',
    volumes: chosen,
    total: chosen.reduce((sum, v) => sum + (v.size ?? 0), 0),
  };
}

/** The subset of a tar header that browsing reads (tar-stream's Headers). */
export interface TarHeader {
  readonly name: string;
  readonly type?: string | null;
  readonly size?: number | null;
  readonly mode?: number | null;
  readonly mtime?: Date | null;
  readonly linkname?: string | null;
}

const ENTRY_TYPES: Readonly<Record<string, VolumeEntryType>> = {
  file: 'file',
  'contiguous-file': 'file',
  directory: 'dir',
  symlink: 'symlink',
};

/**
 * A header of the archive of `<folder>/.` to an entry of that folder, or null when it is the folder itself or
 * deeper inside it. Names come as "./x", "./x/" (a folder) or "./x/y".
 */
export function toFolderEntry(header: TarHeader): VolumeEntry | null {
  const name = header.name.replace(/^\.\//, '').replace(/\/$/, '');
  if (name === '' || name === '.' || name.includes('/')) return null;
  const type = ENTRY_TYPES[header.type ?? 'file'] ?? 'other';
  return {
    name,
    type,
    size: type === 'file' ? (header.size ?? 0) : 0,
    mode: `0${((header.mode ?? 0) & 0o7777).toString(8).padStart(3, '0')}`,
    mtime: header.mtime ? header.mtime.getTime() : 0,
    linkTarget: type === 'symlink' ? (header.linkname ?? '') : null,
  };
}

/** '' for the root; "a/b" for " /a//b/ "-like input; the schema has already refused "..". */
export const normalizePath = (path: string): string =>
  path
    .split('/')
    .filter((part) => part !== '' && part !== '.')
    .join('/');

/** Text when the bytes are UTF-8 without NUL; null when they look binary. */
export function asText(bytes: Uint8Array): string | null {
  if (bytes.includes(0)) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Raw engine answers about images to Berth's DTOs. Pure. */
import type Dockerode from 'dockerode';
import type { ImageContainerRef, ImageDetail, TransferEvent } from '../../../shared/dto/images';
import type { ImageSummary } from '../../../shared/dto/lists';
import type { StepsResult } from './images.layers';

const NONE_TAG = '<none>:<none>';
const NONE_DIGEST = '<none>@<none>';

/**
 * The name as the docker CLI prints it: Podman answers `docker.io/library/busybox:1` where Docker says
 * `busybox:1` (the CLI shortens both the same way). Podman's `localhost/` stays, explained by imageNotes.
 */
export function familiarName(name: string): string {
  const rest = name.startsWith('docker.io/') ? name.slice('docker.io/'.length) : name;
  return rest.startsWith('library/') && rest.indexOf('/', 'library/'.length) === -1
    ? rest.slice('library/'.length)
    : rest;
}

const tagsOf = (raw: readonly string[] | undefined) => (raw ?? []).filter((tag) => tag !== NONE_TAG).map(familiarName);

export interface ContainerCounts {
  readonly all: ReadonlyMap<string, number>;
  readonly running: ReadonlyMap<string, number>;
}

/**
 * @param counts containers per image id, for engines that answer Containers: -1 (Docker does unless asked for the
 * expensive disk-usage view); an image absent from the maps has none.
 */
export function toImageSummary(raw: Dockerode.ImageInfo, counts?: ContainerCounts): ImageSummary {
  const repoTags = tagsOf(raw.RepoTags);
  const counted = typeof raw.Containers === 'number' && raw.Containers >= 0 ? raw.Containers : undefined;
  const summary: ImageSummary = {
    id: raw.Id,
    repoTags,
    repoDigests: (raw.RepoDigests ?? []).filter((digest) => digest !== NONE_DIGEST),
    created: raw.Created * 1000,
    size: raw.Size,
    containers: counted ?? (counts ? (counts.all.get(raw.Id) ?? 0) : -1),
    dangling: repoTags.length === 0,
  };
  return counts ? { ...summary, containersRunning: counts.running.get(raw.Id) ?? 0 } : summary;
}

/** Containers per image id, all and running, from a /containers/json?all=1 answer. */
export function countContainersByImage(
  containers: readonly Pick<Dockerode.ContainerInfo, 'ImageID' | 'State'>[],
): ContainerCounts {
  const all = new Map<string, number>();
  const running = new Map<string, number>();
  for (const c of containers) {
    all.set(c.ImageID, (all.get(c.ImageID) ?? 0) + 1);
    if (c.State === 'running') running.set(c.ImageID, (running.get(c.ImageID) ?? 0) + 1);
  }
  return { all, running };
}

export function toContainerRef(
  c: Pick<Dockerode.ContainerInfo, 'Id' | 'Names' | 'State' | 'Status'>,
): ImageContainerRef {
  return {
    id: c.Id,
    name: (c.Names[0] ?? c.Id.slice(0, 12)).replace(/^\//, ''),
    state: c.State as ImageContainerRef['state'],
    status: c.Status,
  };
}

const keys = (value: unknown): string[] =>
  typeof value === 'object' && value !== null ? Object.keys(value).sort() : [];
const list = (value: unknown): string[] =>
  Array.isArray(value) ? value.map(String) : typeof value === 'string' && value !== '' ? [value] : [];

/**
 * An image's creation time, or null when its config has none: API 1.44+ leave `Created` out, older engines send the
 * zero time 0001-01-01T00:00:00Z.
 */
export function createdAt(raw: string | undefined): number | null {
  const ms = typeof raw === 'string' ? Date.parse(raw) : Number.NaN;
  return Number.isFinite(ms) && ms > 0 ? ms : null;
}

/** GET /images/{id}/json plus the layer view and the containers made from it. */
export function toImageDetail(
  raw: Dockerode.ImageInspectInfo,
  layers: StepsResult,
  sizes: { readonly unique: number; readonly shared: number },
  containers: readonly ImageContainerRef[],
): ImageDetail {
  const config = (raw.Config ?? {}) as Partial<Dockerode.ImageInspectInfo['Config']>;
  const loose = raw as unknown as Record<string, unknown>;
  return {
    id: raw.Id,
    repoTags: tagsOf(raw.RepoTags),
    repoDigests: (raw.RepoDigests ?? []).filter((digest) => digest !== NONE_DIGEST),
    created: createdAt(raw.Created),
    author: raw.Author ?? '',
    architecture: raw.Architecture ?? '',
    os: raw.Os ?? '',
    variant: typeof loose.Variant === 'string' ? loose.Variant : '',
    size: raw.Size,
    entrypoint: list(config.Entrypoint),
    cmd: list(config.Cmd),
    env: list(config.Env),
    exposedPorts: keys(config.ExposedPorts),
    volumes: keys(config.Volumes),
    workingDir: config.WorkingDir ?? '',
    user: config.User ?? '',
    labels: { ...(config.Labels ?? {}) },
    layers: raw.RootFS.Layers ?? [],
    steps: layers.steps,
    aligned: layers.sizes !== null,
    uniqueSize: sizes.unique,
    sharedSize: sizes.shared,
    containers,
    ...withNotes(imageNotes(raw.RepoTags ?? [])),
    raw,
  };
}

const withNotes = (notes: readonly string[]): { notes?: readonly string[] } => (notes.length > 0 ? { notes } : {});

/**
 * What an image's names mean where engines differ: Podman names an image that came from no registry
 * `localhost/<name>` (docker would show `<name>`), so a `docker run <name>` on Docker is `<name>` there too.
 */
export function imageNotes(repoTags: readonly string[]): string[] {
  const local = repoTags.filter((tag) => tag.startsWith('localhost/') && !/^localhost(:\d+)?\/v2\//.test(tag));
  if (local.length === 0) return [];
  const plain = local[0]!.slice('localhost/'.length);
  return [
    `"localhost/" is how Podman names an image that was built or loaded here and came from no registry; ` +
      `Docker would call ${local[0]} just ${plain}, and Podman accepts either name.`,
  ];
}

interface RawProgress {
  readonly id?: unknown;
  readonly status?: unknown;
  readonly progressDetail?: { readonly current?: unknown; readonly total?: unknown };
  readonly error?: unknown;
  readonly errorDetail?: { readonly message?: unknown };
}

/**
 * One JSON line of a pull or push stream. `error` is set when the engine reports a failure in-band (it answers
 * 200 and then says the pull failed).
 */
export function toTransferEvent(line: RawProgress): { event?: TransferEvent; error?: string } {
  const failed = line.errorDetail?.message ?? line.error;
  if (typeof failed === 'string' && failed !== '') return { error: failed };
  const status = typeof line.status === 'string' ? line.status : '';
  if (typeof line.id === 'string' && line.id !== '' && /^[0-9a-f]{12,}$/.test(line.id)) {
    const current = Number(line.progressDetail?.current);
    const total = Number(line.progressDetail?.total);
    return {
      event: {
        kind: 'layer',
        id: line.id,
        status,
        ...(Number.isFinite(current) && current >= 0 ? { current } : {}),
        ...(Number.isFinite(total) && total > 0 ? { total } : {}),
      },
    };
  }
  if (status === '') return {};
  // A tag id (`1: Pulling from fx`) prefixes the message, as the CLI prints it.
  const message = typeof line.id === 'string' && line.id !== '' ? `${line.id}: ${status}` : status;
  return { event: { kind: 'status', message } };
}

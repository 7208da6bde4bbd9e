/** Raw /images/json entries to ImageSummary. Pure. */
import type Dockerode from 'dockerode';
import type { ImageSummary } from '../../../shared/dto/lists';

const NONE_TAG = '<none>:<none>';
const NONE_DIGEST = '<none>@<none>';

/**
 * @param containerCounts containers per image id, for engines that answer Containers: -1 (Docker does unless asked
 * for the expensive disk-usage view); an image absent from the map has none.
 */
export function toImageSummary(raw: Dockerode.ImageInfo, containerCounts?: ReadonlyMap<string, number>): ImageSummary {
  const repoTags = (raw.RepoTags ?? []).filter((tag) => tag !== NONE_TAG);
  const counted = typeof raw.Containers === 'number' && raw.Containers >= 0 ? raw.Containers : undefined;
  return {
    id: raw.Id,
    repoTags,
    repoDigests: (raw.RepoDigests ?? []).filter((digest) => digest !== NONE_DIGEST),
    created: raw.Created * 1000,
    size: raw.Size,
    containers: counted ?? (containerCounts ? (containerCounts.get(raw.Id) ?? 0) : -1),
    dangling: repoTags.length === 0,
  };
}

/** Containers per image id, from a /containers/json?all=1 answer. */
export function countContainersByImage(
  containers: readonly Pick<Dockerode.ContainerInfo, 'ImageID'>[],
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of containers) counts.set(c.ImageID, (counts.get(c.ImageID) ?? 0) + 1);
  return counts;
}

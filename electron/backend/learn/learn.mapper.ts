/** Raw engine answers to the relationships view's nodes. */
import type { ContainerInfo, ImageInspectInfo } from 'dockerode';
import type { ContainerNode, ImageNode } from '../../../shared/dto/learn';

const NO_NAME = '<none>:<none>';

export function toImageNode(info: ImageInspectInfo): ImageNode {
  return {
    id: info.Id,
    repoTags: (info.RepoTags ?? []).filter((tag) => tag !== NO_NAME),
    repoDigests: (info.RepoDigests ?? []).filter((digest) => !digest.startsWith('<none>@')),
    layers: info.RootFS.Layers ?? [],
    created: Date.parse(info.Created) || 0,
  };
}

/**
 * reference: Config.Image from inspect. The list's own Image field turns into an image id once the name has moved
 * on to a newer image, which is exactly the case the relationships view must show.
 */
export function toContainerNode(info: ContainerInfo, reference?: string): ContainerNode {
  return {
    id: info.Id,
    name: (info.Names[0] ?? info.Id.slice(0, 12)).replace(/^\//, ''),
    image: reference ?? info.Image,
    imageId: info.ImageID,
    state: info.State,
    // Asked for with size=true; dockerode's typings do not list it.
    ...sizeRw(info),
  };
}

function sizeRw(info: ContainerInfo): { sizeRw?: number } {
  const size = (info as ContainerInfo & { SizeRw?: unknown }).SizeRw;
  return typeof size === 'number' ? { sizeRw: size } : {};
}

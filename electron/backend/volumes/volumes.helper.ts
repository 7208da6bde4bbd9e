/**
 * Reaching a volume's files through the engine only (never the host's /var/lib/docker, which may be in a VM or
 * on another machine): a container that mounts the volume and is never started, read and written with the
 * archive API, then removed.
 */
import type Dockerode from 'dockerode';
import { BerthFailure } from '../../../shared/result';
import { engineAway, type PendingRepairs } from '../core/repairs';
import type { DockerSource } from '../engine/engine.types';

export const HELPER_LABEL = 'berth.helper';
/** Where the helper sees the volume. */
export const MOUNT = '/vol';

export interface Helper {
  readonly container: Dockerode.Container;
  /** The image the helper was made from, for the CLI twin. */
  readonly image: string;
  remove(): Promise<void>;
}

/** A local image to make helpers from: any works, since the helper never runs. The smallest tagged one, for the CLI twin. */
export async function helperImage(docker: Dockerode): Promise<string> {
  const images = await docker.listImages();
  const named = images
    .flatMap((i) => (i.RepoTags ?? []).filter((t) => t !== '<none>:<none>').map((tag) => ({ tag, size: i.Size })))
    .sort((a, b) => a.size - b.size || a.tag.localeCompare(b.tag));
  const choice = named[0]?.tag ?? images[0]?.Id;
  if (choice === undefined) {
    throw new BerthFailure(
      'NOT_FOUND',
      'Berth reads volumes through a helper container, which needs one local image, and this engine has none. Pull any small image first, for example `docker pull busybox`.',
    );
  }
  return choice;
}

/** Creates the helper (not started); the caller must call remove(), in a finally or when its stream closes. */
export async function createHelper(
  source: DockerSource,
  volume: string,
  readOnly: boolean,
  repairs: PendingRepairs | null = null,
): Promise<Helper> {
  const docker = source.docker();
  const image = await helperImage(docker);
  const options: Dockerode.ContainerCreateOptions = {
    Image: image,
    // Never started: an entrypoint that does not exist makes sure it could not do anything if it were.
    Entrypoint: ['/berth-helper-never-runs'],
    Cmd: [],
    Labels: { [HELPER_LABEL]: '1' },
    NetworkDisabled: true,
    HostConfig: {
      NetworkMode: 'none',
      // NoCopy: an empty volume must not be filled with whatever the image holds at the mount point.
      Mounts: [
        {
          Type: 'volume',
          Source: volume,
          Target: MOUNT,
          ReadOnly: readOnly,
          VolumeOptions: { NoCopy: true } as Dockerode.MountSettings['VolumeOptions'],
        },
      ],
    },
  };
  const container = await docker.createContainer(options);
  let removed = false;
  return {
    container,
    image,
    remove: async () => {
      if (removed) return;
      removed = true;
      await container.remove({ force: true }).catch((error: unknown) => {
        // The engine went away with the helper still there: it is removed once the engine is back.
        if (engineAway(error))
          repairs?.add(`helper:${container.id}`, () =>
            source.docker().getContainer(container.id).remove({ force: true }),
          );
      });
    },
  };
}

/** Runs `work` with a helper and always removes it. */
export async function withHelper<T>(
  source: DockerSource,
  volume: string,
  readOnly: boolean,
  work: (helper: Helper) => Promise<T>,
  repairs: PendingRepairs | null = null,
): Promise<T> {
  const helper = await createHelper(source, volume, readOnly, repairs);
  try {
    return await work(helper);
  } finally {
    await helper.remove();
  }
}

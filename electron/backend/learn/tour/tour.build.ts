/** Builds one of the tours' images from a context folder, as the Build view would, labelled berth.tour=1. */
import type Dockerode from 'dockerode';
import { TOUR_LABEL } from '../../../../shared/cli/tour.cli';
import { BerthFailure } from '../../../../shared/result';
import { packContext, planContext } from '../../build/build.context';

export async function buildTourImage(docker: Dockerode, contextDir: string, tag: string): Promise<readonly string[]> {
  // The same context as the Build view sends: what .dockerignore leaves, packed as the docker CLI packs it.
  const context = packContext(await planContext(contextDir));
  const stream = await docker.buildImage(context, { t: tag, labels: { [TOUR_LABEL]: '1' } });
  const output = await new Promise<{ stream?: string; error?: string }[]>((resolve, reject) =>
    docker.modem.followProgress(stream, (error, items: { stream?: string; error?: string }[]) =>
      error ? reject(error) : resolve(items),
    ),
  );
  const failed = output.find((item) => item.error !== undefined);
  if (failed?.error !== undefined)
    throw new BerthFailure('ENGINE_ERROR', `The tour image did not build: ${failed.error.trim()}`);
  return output
    .flatMap((item) => (item.stream ?? '').split('\n'))
    .filter((line) => line.startsWith('Step ') || line.startsWith('Successfully'));
}

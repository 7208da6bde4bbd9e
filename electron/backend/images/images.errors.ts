/** Image errors a newcomer can act on: the engine's 409s on remove, said with the containers named. */
import type { ImageContainerRef } from '../../../shared/dto/images';
import { BerthFailure } from '../../../shared/result';
import { explainEngineError } from '../../../shared/engine-errors';
import { engineText } from '../engine/errors';

const describeContainer = (c: ImageContainerRef) => `${c.name} (${c.state === 'running' ? 'running' : 'stopped'})`;

/**
 * Why the engine refused to remove an image, as CONFLICT with a sentence and, in details, the containers that
 * hold it and whether a forced removal could work (never while one of them runs).
 */
export function explainRemoveConflict(
  reference: string,
  tags: readonly string[],
  containers: readonly ImageContainerRef[],
  error: unknown,
): BerthFailure {
  const said = engineText(error);
  const running = containers.some((c) => c.state === 'running');
  if (containers.length > 0) {
    const names = containers.map(describeContainer).join(', ');
    const noun = containers.length === 1 ? 'container' : 'containers';
    const advice = running
      ? `Remove the ${noun} first; a running container's image cannot be removed, not even with force.`
      : `Remove the ${noun} first, or force the removal and leave the ${noun} without ${containers.length === 1 ? 'its' : 'their'} image.`;
    return new BerthFailure('CONFLICT', `Image ${reference} is used by ${noun} ${names}. ${advice}`, {
      containers,
      canForce: !running,
      engine: said,
    });
  }
  if (said.includes('multiple repositories')) {
    return new BerthFailure(
      'CONFLICT',
      `Image ${reference} has several names (${tags.join(', ')}). Remove one name at a time, or force the removal to delete the image with all its names.`,
      { containers: [], canForce: true, engine: said },
    );
  }
  if (said.includes('dependent child images')) {
    return new BerthFailure(
      'CONFLICT',
      `Other images are built on top of ${reference}; remove them first, then this one.`,
      { containers: [], canForce: false, engine: said },
    );
  }
  // Anything else goes through the one table, so the user still reads Berth's sentence before the engine's words.
  const explained = explainEngineError(said, 409);
  return new BerthFailure('CONFLICT', explained.message, {
    containers: [],
    canForce: true,
    engine: said,
    statusCode: 409,
    entry: explained.entry,
    ...(explained.next === undefined ? {} : { next: explained.next }),
  });
}

import { describe, expect, it } from 'vitest';
import { explainRemoveConflict } from './images.errors';

const engine409 = (message: string) => ({ statusCode: 409, json: { message } });

describe('explainRemoveConflict', () => {
  it('names a running container and says force will not help', () => {
    const failure = explainRemoveConflict(
      'fx:1',
      ['fx:1'],
      [{ id: 'c1', name: 'web', state: 'running', status: 'Up 2 minutes' }],
      engine409('conflict: unable to delete 28a0 (cannot be forced) - image is being used by running container c1'),
    );
    expect(failure.error.code).toBe('CONFLICT');
    expect(failure.error.message).toBe(
      "Image fx:1 is used by container web (running). Remove the container first; a running container's image cannot be removed, not even with force.",
    );
    expect(failure.error.details?.canForce).toBe(false);
  });

  it('offers force for stopped containers', () => {
    const failure = explainRemoveConflict(
      'fx:1',
      ['fx:1'],
      [
        { id: 'c1', name: 'a', state: 'exited', status: 'Exited (0)' },
        { id: 'c2', name: 'b', state: 'created', status: 'Created' },
      ],
      engine409('conflict: unable to remove repository reference "fx:1" (must force) - container c1 is using it'),
    );
    expect(failure.error.message).toMatch(/^Image fx:1 is used by containers a \(stopped\), b \(stopped\)\. /);
    expect(failure.error.details?.canForce).toBe(true);
  });

  it('explains several names when removing by id', () => {
    const failure = explainRemoveConflict(
      '28a0eeb3a81c',
      ['fx:1', 'fx:latest'],
      [],
      engine409(
        'conflict: unable to delete 28a0eeb3a81c (must be forced) - image is referenced in multiple repositories',
      ),
    );
    expect(failure.error.message).toMatch(/has several names \(fx:1, fx:latest\)/);
  });
});

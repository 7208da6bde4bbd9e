import { describe, expect, it } from 'vitest';
import { checkStep, type TourFacts } from './tour.checks';

const image = { id: 'sha256:1111111111111111', layers: ['sha256:l1', 'sha256:l2'], labelled: true };
const empty: TourFacts = { historySizes: [], containers: [], changes: {}, leftovers: { containers: 0, images: 0 } };
const running = (name: string, imageId = image.id) => ({ name, imageId, state: 'running' });

describe('tour checks', () => {
  it('build passes only for the labelled tour image', () => {
    expect(checkStep('build', empty).passed).toBe(false);
    expect(checkStep('build', { ...empty, image })).toMatchObject({
      passed: true,
      detail: 'The engine has berth-tour:1 (image 111111111111), made of 2 layers.',
    });
    expect(checkStep('build', { ...empty, image: { ...image, labelled: false } }).passed).toBe(false);
  });

  it('layers counts the history steps that added files', () => {
    const check = checkStep('layers', { ...empty, image, historySizes: [0, 0, 0, 51, 129, 0] });
    expect(check.passed).toBe(true);
    expect(check.detail).toContain('6 steps in its history; 2 of them added files');
  });

  it('run needs both containers running from the built image', () => {
    expect(checkStep('run', { ...empty, image, containers: [running('berth-tour-a')] })).toMatchObject({
      passed: false,
      detail: 'Not running from berth-tour:1 yet: berth-tour-b.',
    });
    const other = checkStep('run', {
      ...empty,
      image,
      containers: [running('berth-tour-a'), running('berth-tour-b', 'x')],
    });
    expect(other.passed).toBe(false);
    expect(
      checkStep('run', { ...empty, image, containers: [running('berth-tour-a'), running('berth-tour-b')] }).passed,
    ).toBe(true);
  });

  it('change and diff look at each container’s writable layer', () => {
    const changed = {
      'berth-tour-a': [
        { path: '/data', kind: 'changed' as const },
        { path: '/data/hello.txt', kind: 'changed' as const },
      ],
      'berth-tour-b': [],
    };
    expect(checkStep('change', { ...empty, changes: changed }).passed).toBe(true);
    expect(checkStep('change', { ...empty, changes: { 'berth-tour-a': [] } }).passed).toBe(false);
    expect(checkStep('diff', { ...empty, changes: changed }).passed).toBe(true);
    const both = { ...changed, 'berth-tour-b': [{ path: '/tmp', kind: 'added' as const }] };
    expect(checkStep('diff', { ...empty, changes: both })).toMatchObject({ passed: false });
    expect(checkStep('diff', { ...empty, changes: both }).detail).toContain('(/tmp)');
  });

  it('diff does not count the /etc Podman makes in every container, and says so', () => {
    const etc = { path: '/etc', kind: 'added' as const };
    const changes = {
      'berth-tour-a': [
        etc,
        { path: '/data', kind: 'added' as const },
        { path: '/data/hello.txt', kind: 'added' as const },
      ],
      'berth-tour-b': [etc, { path: '/etc/hosts', kind: 'added' as const }],
    };
    const check = checkStep('diff', { ...empty, changes });
    expect(check.passed).toBe(true);
    expect(check.detail).toContain('berth-tour-a has 2 changes in its writable layer; berth-tour-b has none');
    expect(check.detail).toContain('Not counted: /etc and /run entries the engine made itself');
    const touched = { ...changes, 'berth-tour-b': [etc, { path: '/etc/passwd', kind: 'changed' as const }] };
    expect(checkStep('diff', { ...empty, changes: touched })).toMatchObject({ passed: false });
  });

  it('compare needs the committed image to reuse every layer and add exactly one', () => {
    const committed = { id: 'sha256:2', layers: [...image.layers, 'sha256:l3'], labelled: true };
    expect(checkStep('compare', { ...empty, image, committed }).passed).toBe(true);
    expect(
      checkStep('compare', {
        ...empty,
        image,
        committed: { ...committed, layers: ['sha256:x', 'sha256:l2', 'sha256:l3'] },
      }).passed,
    ).toBe(false);
    expect(checkStep('compare', { ...empty, image }).passed).toBe(false);
  });

  it('remove and cleanup pass only when nothing is left', () => {
    expect(checkStep('remove', { ...empty, containers: [running('berth-tour-b')] }).detail).toBe(
      'Still there: berth-tour-b.',
    );
    expect(checkStep('remove', empty).passed).toBe(true);
    expect(checkStep('cleanup', { ...empty, leftovers: { containers: 0, images: 1 } })).toMatchObject({
      passed: false,
      detail: 'Still labelled berth.tour=1: 0 containers and 1 image.',
    });
    expect(checkStep('cleanup', empty).passed).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import type { ImageDetail, ImageStep } from '../../../../shared/dto/images';
import type { ImageSummary } from '../../../../shared/dto/lists';
import { efficiencyText, explainImages, explainLayers, explainWaste, shortenHashes } from './explain';

describe('shortenHashes', () => {
  it('keeps the first 12 hex digits of a content hash', () => {
    expect(shortenHashes(`COPY file:${'ab'.repeat(32)} in /bin`)).toBe('COPY file:abababababab… in /bin');
    expect(shortenHashes('RUN echo deadbeef')).toBe('RUN echo deadbeef');
  });
});

const summary = (tags: string[], containers = 0): ImageSummary => ({
  id: `sha256:${tags.join()}`,
  repoTags: tags,
  repoDigests: [],
  created: 0,
  size: 1,
  containers,
  dangling: tags.length === 0,
});

const step = (index: number, instruction: string, size: number, layer: string | null, sharedWith: string[] = []) =>
  ({
    index,
    id: index === 0 ? null : 'sha256:x',
    kind: 'RUN',
    instruction,
    createdBy: '',
    created: 0,
    size,
    comment: '',
    tags: [],
    layer,
    sharedWith,
  }) as ImageStep;

describe('explainImages', () => {
  it('speaks about the user’s own images, tags and dangling ones', () => {
    const text = explainImages([summary(['web:1', 'web:latest'], 1), summary([])]).join('\n');
    expect(text).toContain('This engine holds 2 images, 1 of them used by containers.');
    expect(text).toContain('`web:1` and `web:latest` are the same image');
    expect(text).toContain('1 image is marked dangling');
    expect(text).toContain('`latest` is only the tag Docker uses when you give none');
  });
});

describe('explainLayers', () => {
  it('counts file steps against metadata steps and names the biggest and the shared layers', () => {
    const detail = {
      size: 2_000_000,
      uniqueSize: 40_000,
      aligned: true,
      layers: ['a', 'b'],
      steps: [
        step(0, 'COPY busybox /bin/busybox', 1_960_000, 'a', ['base:1']),
        step(1, 'RUN make', 40_000, 'b'),
        step(2, 'CMD ["sh"]', 0, null),
      ],
    } as unknown as ImageDetail;
    const text = explainLayers(detail, 'app:1').join('\n');
    expect(text).toContain('`app:1` was made in 3 steps. 2 steps changed files');
    expect(text).toContain('the other 1 only set metadata');
    expect(text).toContain('The biggest layer, 1.96 MB, comes from step 1: `COPY busybox /bin/busybox`.');
    expect(text).toContain('1 layer is shared with base:1');
    expect(text).toContain('only 40 kB belong to this image alone');
    expect(text).toContain('`<missing>`');
  });
});

describe('explainWaste', () => {
  const base = { image: 'app:1', total: 1_000_000, items: [], truncated: false };
  it('says nothing is wasted when no step hides another’s files', () => {
    const [only] = explainWaste({ ...base, wasted: 0, efficiency: 1, advice: [] }, 'app:1');
    expect(only).toContain('nothing in its layers is wasted (efficiency 100 %');
  });

  it('gives the total, the share, dive’s score and the advice per pair of steps', () => {
    const notes = explainWaste(
      {
        ...base,
        wasted: 250_000,
        efficiency: 0.7999,
        advice: [
          'Step 4 (RUN apt-get update) adds 250 kB that step 5 (RUN rm) deletes: they still ship in the image; do both in one RUN.',
        ],
      },
      'app:1',
    );
    expect(notes[0]).toContain('250 kB of the 1 MB');
    expect(notes[0]).toContain('(25 %)');
    expect(notes[0]).toContain('efficiency 79.9 %');
    expect(notes[1]).toContain('do both in one RUN');
  });

  it('never rounds a wasteful image up to 100 %', () => {
    expect(efficiencyText(0.99999)).toBe('99.9 %');
    expect(efficiencyText(1)).toBe('100 %');
  });
});

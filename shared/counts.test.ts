import { describe, expect, it } from 'vitest';
import { containersCount, imagesCount } from './counts';

const P = 'com.docker.compose.project';

describe('imagesCount', () => {
  it('names the tags when there are more tags than images', () => {
    const many = { repoTags: Array.from({ length: 201 }, (_, i) => `fx:${i}`) };
    expect(imagesCount([many, { repoTags: ['a:1'] }, { repoTags: ['b:1'] }])).toBe('3 images, 203 tags');
  });
  it('says images only when each has at most one name', () => {
    expect(imagesCount([{ repoTags: ['a:1'] }, { repoTags: ['<none>:<none>'] }])).toBe('2 images');
    expect(imagesCount([{ repoTags: ['a:1'] }])).toBe('1 image');
    expect(imagesCount([])).toBe('0 images');
  });
});

describe('containersCount', () => {
  const c = (state: string, project?: string) => ({
    state,
    labels: (project ? { [P]: project } : {}) as Record<string, string>,
  });
  it('counts projects when the list groups by them', () => {
    const list = [c('running', 'shop'), c('exited', 'shop'), c('running', 'blog'), c('running')];
    expect(containersCount(list, { all: true, projectLabel: P })).toBe('4 containers in 2 projects, 3 running');
    expect(containersCount(list, { all: false, projectLabel: P })).toBe('3 running in 2 projects');
  });
  it('leaves projects out when there are none', () => {
    expect(containersCount([c('running')], { all: true, projectLabel: P })).toBe('1 container, 1 running');
    expect(containersCount([c('running')], { all: false, projectLabel: P })).toBe('1 running');
  });
});

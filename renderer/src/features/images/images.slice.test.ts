import { describe, expect, it } from 'vitest';
import { fakeApi } from '../../app/fake-api.test-helper';
import { createBerthStore } from '../../app/store';

describe('images slice', () => {
  it('loads the images', async () => {
    const fake = fakeApi();
    fake.state.images = [
      { id: 'sha256:1', repoTags: ['fx:1'], repoDigests: [], created: 0, size: 10, containers: 0, dangling: false },
    ];
    const store = createBerthStore(fake.api);
    expect(store.getState().imagesLoad).toBe('idle');
    await store.getState().refreshImages();
    expect(store.getState()).toMatchObject({ imagesLoad: 'ready', images: fake.state.images });
  });
});

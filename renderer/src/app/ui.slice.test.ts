import { describe, expect, it } from 'vitest';
import { fakeApi } from './fake-api.test-helper';
import { createBerthStore } from './store';

describe('ui slice', () => {
  it('starts on Containers and switches sections', () => {
    const store = createBerthStore(fakeApi().api);
    expect(store.getState().route).toEqual({ section: 'containers' });
    store.getState().showSection('learn');
    expect(store.getState().route).toEqual({ section: 'learn' });
    store.getState().navigate({ section: 'images', id: 'sha256:abc', tab: 'layers' });
    expect(store.getState().route).toEqual({ section: 'images', id: 'sha256:abc', tab: 'layers' });
  });
});

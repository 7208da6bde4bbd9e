import { describe, expect, it } from 'vitest';
import { buildBerthApi } from '../../../../shared/api';
import { fail, ok, type Result } from '../../../../shared/result';
import { createBerthStore } from '../../app/store';

function setup(answers: Result<unknown>[]) {
  const sent: { channel: string; input: unknown }[] = [];
  const api = buildBerthApi({
    request: (channel, input) => {
      sent.push({ channel, input });
      return Promise.resolve(answers.shift() ?? fail('INTERNAL', `${channel} has no answer queued.`));
    },
    subscribe: () => () => undefined,
  });
  return { store: createBerthStore(api), sent };
}

describe('desktop slice', () => {
  it('starts without native dialogs and asks main only once, however many views ask', async () => {
    const { store, sent } = setup([ok({ nativeDialogs: true })]);
    expect(store.getState().nativeDialogs).toBe(false);
    await Promise.all([store.getState().askDesktopCapabilities(), store.getState().askDesktopCapabilities()]);
    await store.getState().askDesktopCapabilities();
    expect(store.getState().nativeDialogs).toBe(true);
    expect(sent).toEqual([{ channel: 'desktop:capabilities', input: undefined }]);
  });

  it('keeps the browser behaviour when the answer is false, and asks again after a failed request', async () => {
    const { store, sent } = setup([fail('BRIDGE_DISCONNECTED', 'The link is down.'), ok({ nativeDialogs: false })]);
    await store.getState().askDesktopCapabilities();
    expect(store.getState().nativeDialogs).toBe(false);
    await store.getState().askDesktopCapabilities();
    await store.getState().askDesktopCapabilities();
    expect(store.getState().nativeDialogs).toBe(false);
    expect(sent).toHaveLength(2);
  });

  it('sends only the reference or title; the path comes back from main', async () => {
    const { store, sent } = setup([
      ok({ cancelled: false, path: '/home/me/busybox_1.tar' }),
      ok({ cancelled: true }),
      ok({ cancelled: false, path: '/home/me/app' }),
    ]);
    expect(await store.getState().saveImageToFile('busybox:1')).toEqual(
      ok({ cancelled: false, path: '/home/me/busybox_1.tar' }),
    );
    expect(await store.getState().loadImageFromFile()).toEqual(ok({ cancelled: true }));
    expect(await store.getState().pickFolder('Choose the build context folder')).toMatchObject({
      value: { path: '/home/me/app' },
    });
    expect(sent).toEqual([
      { channel: 'desktop:saveImage', input: { ref: 'busybox:1' } },
      { channel: 'desktop:loadImage', input: undefined },
      { channel: 'desktop:pickFolder', input: { title: 'Choose the build context folder' } },
    ]);
  });
});

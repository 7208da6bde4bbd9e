import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../../shared/dto/engine';
import { ExitWatch, exitNotification } from './exit.notifications';

const info = { id: 'abc', name: '/web', image: 'nginx:1.27', exitCode: 1, oomKilled: false };
const ev = (action: string, time: number, id = 'abc'): EngineEvent => ({ scope: 'container', action, id, time });

describe('exitNotification', () => {
  it('stays quiet for a clean exit', () => {
    expect(exitNotification({ ...info, exitCode: 0 })).toBeNull();
  });

  it('says a non-zero code in words, names the image and says how to see the logs', () => {
    expect(exitNotification(info)).toEqual({
      title: 'web stopped with an error',
      body: 'web (nginx:1.27) exited with exit code 1. Its logs usually say which. Click to open its logs.',
    });
  });

  it('names the signal behind 137 and 139', () => {
    expect(exitNotification({ ...info, exitCode: 137 })?.title).toBe('web was killed at once');
    expect(exitNotification({ ...info, exitCode: 137 })?.body).toContain('exit code 137 (SIGKILL)');
    expect(exitNotification({ ...info, exitCode: 139 })?.title).toBe(
      'web crashed on a bad memory access (segmentation fault)',
    );
  });

  it('says out of memory, even when the code is 0', () => {
    const text = exitNotification({ ...info, exitCode: 0, oomKilled: true });
    expect(text?.title).toBe('web ran out of memory and was killed');
    expect(text?.body).toContain('exit code 0 (out of memory)');
    expect(text?.body).toContain('--memory');
  });
});

describe('ExitWatch', () => {
  it('looks at a die that nobody asked for', () => {
    expect(new ExitWatch().onEvent(ev('die', 1000))).toEqual({ id: 'abc', oomEvent: false });
  });

  it('ignores a die right after a kill or stop (docker stop, docker kill, Berth’s own Stop)', () => {
    const watch = new ExitWatch({ intentMs: 15_000 });
    watch.onEvent(ev('kill', 1000));
    expect(watch.onEvent(ev('die', 2000))).toBeNull();
    watch.onEvent(ev('stop', 3000));
    expect(watch.onEvent(ev('die', 30_000))).toEqual({ id: 'abc', oomEvent: false });
  });

  it('reports an oom even after a kill, and flags it', () => {
    const watch = new ExitWatch();
    watch.onEvent(ev('kill', 1000));
    watch.onEvent(ev('oom', 1001));
    expect(watch.onEvent(ev('die', 1002))).toEqual({ id: 'abc', oomEvent: true });
  });

  it('holds back a crash loop: one notification per container per quiet period', () => {
    const watch = new ExitWatch({ quietMs: 60_000 });
    expect(watch.onEvent(ev('die', 0))).not.toBeNull();
    expect(watch.onEvent(ev('die', 5_000))).toBeNull();
    expect(watch.onEvent(ev('die', 1_000, 'other'))).not.toBeNull();
    expect(watch.onEvent(ev('die', 61_000))).not.toBeNull();
  });

  it('ignores other scopes and actions, and forgets removed containers', () => {
    const watch = new ExitWatch();
    expect(watch.onEvent({ scope: 'image', action: 'die', id: 'x', time: 0 })).toBeNull();
    expect(watch.onEvent(ev('start', 0))).toBeNull();
    watch.onEvent(ev('die', 0));
    watch.onEvent(ev('destroy', 1));
    expect(watch.onEvent(ev('die', 2))).not.toBeNull();
  });
});

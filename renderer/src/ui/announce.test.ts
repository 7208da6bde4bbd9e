import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ANNOUNCEMENT_MS, MAX_ANNOUNCEMENTS, announce, progressMilestones, subscribeAnnouncements } from './announce';

describe('announce', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('shows each message to the region and takes it away after a while', () => {
    const seen: string[][] = [];
    const stop = subscribeAnnouncements((shown) => seen.push(shown.map((a) => a.text)));
    announce('Docker Engine connected.');
    announce('Container web exited.');
    expect(seen.at(-1)).toEqual(['Docker Engine connected.', 'Container web exited.']);
    vi.advanceTimersByTime(ANNOUNCEMENT_MS);
    expect(seen.at(-1)).toEqual([]);
    stop();
  });

  it('ignores empty text, keeps a repeated message once and caps how many are shown', () => {
    let last: string[] = [];
    const stop = subscribeAnnouncements((shown) => (last = shown.map((a) => a.text)));
    announce('   ');
    expect(last).toEqual([]);
    announce('same');
    announce('same');
    expect(last).toEqual(['same']);
    for (let i = 0; i < MAX_ANNOUNCEMENTS + 2; i++) announce(`m${i}`);
    expect(last).toHaveLength(MAX_ANNOUNCEMENTS);
    expect(last.at(-1)).toBe(`m${MAX_ANNOUNCEMENTS + 1}`);
    stop();
    vi.advanceTimersByTime(ANNOUNCEMENT_MS);
  });
});

describe('progressMilestones', () => {
  it('says started, half done and the outcome once each, not every tick', () => {
    const said: string[] = [];
    const m = progressMilestones('Pull of alpine', (t) => said.push(t));
    m.start();
    m.start();
    for (const f of [0.1, 0.3, null, 0.49, 0.5, 0.7, 0.99]) m.report(f);
    m.done('finished.');
    expect(said).toEqual(['Pull of alpine started.', 'Pull of alpine: half done.', 'Pull of alpine finished.']);
  });
});

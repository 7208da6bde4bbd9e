import { describe, expect, it } from 'vitest';
import { containerStatusText, humanDuration, type StatusFacts } from './container-status';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

describe('humanDuration, as docker/go-units words it', () => {
  it.each([
    [0, 'Less than a second'],
    [999, 'Less than a second'],
    [1 * S, '1 second'],
    [1999, '1 second'],
    [2 * S, '2 seconds'],
    [59 * S + 999, '59 seconds'],
    [60 * S, 'About a minute'],
    [119 * S, 'About a minute'],
    [2 * M, '2 minutes'],
    [59 * M + 59 * S, '59 minutes'],
    [60 * M, 'About an hour'],
    [89 * M, 'About an hour'],
    [90 * M, '2 hours'],
    [47 * H + 29 * M, '47 hours'],
    [47 * H + 30 * M, '2 days'],
    [13 * D, '13 days'],
    [14 * D, '2 weeks'],
    [59 * D, '8 weeks'],
    [60 * D, '2 months'],
    [729 * D, '24 months'],
    [730 * D, '2 years'],
  ])('%i ms is "%s"', (ms, words) => {
    expect(humanDuration(ms)).toBe(words);
  });
});

describe('containerStatusText', () => {
  const t0 = Date.parse('2026-01-01T10:00:00Z');
  const running: StatusFacts = { state: 'running', startedAt: t0, finishedAt: null, exitCode: 0, health: null };

  it('ages with the clock alone, with no event and no new list', () => {
    let now = t0 + 400;
    const clock = () => now;
    expect(containerStatusText(running, clock())).toBe('Up Less than a second');
    now = t0 + 5 * S;
    expect(containerStatusText(running, clock())).toBe('Up 5 seconds');
    now = t0 + 65 * S;
    expect(containerStatusText(running, clock())).toBe('Up About a minute');
    now = t0 + 3 * H;
    expect(containerStatusText(running, clock())).toBe('Up 3 hours');
  });

  it('words every state the way the CLI does', () => {
    const at = t0 + 2 * M;
    expect(containerStatusText({ ...running, health: 'healthy' }, at)).toBe('Up 2 minutes (healthy)');
    expect(containerStatusText({ ...running, health: 'starting' }, at)).toBe('Up 2 minutes (health: starting)');
    expect(containerStatusText({ ...running, state: 'paused' }, t0 + 3 * M)).toBe('Up 3 minutes (Paused)');
    expect(containerStatusText({ ...running, state: 'exited', finishedAt: t0, exitCode: 137 }, at)).toBe(
      'Exited (137) 2 minutes ago',
    );
    expect(containerStatusText({ ...running, state: 'restarting', finishedAt: t0, exitCode: 1 }, t0 + 5 * S)).toBe(
      'Restarting (1) 5 seconds ago',
    );
    expect(containerStatusText({ ...running, state: 'created', startedAt: null }, at)).toBe('Created');
    expect(containerStatusText({ ...running, state: 'dead' }, at)).toBe('Dead');
  });

  it('never shows a negative age when the engine clock is ahead', () => {
    expect(containerStatusText(running, t0 - 3 * S)).toBe('Up Less than a second');
  });

  it('says nothing when it lacks the times, so the engine words stay', () => {
    expect(containerStatusText({ ...running, startedAt: null }, t0)).toBeNull();
    expect(containerStatusText({ ...running, state: 'exited', finishedAt: null }, t0)).toBeNull();
  });
});

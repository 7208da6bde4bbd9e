import { describe, expect, it } from 'vitest';
import { applyTransferEvents, EMPTY_PROGRESS, overallFraction } from './transfer-progress';

describe('transfer progress', () => {
  it('follows each layer from waiting through download and extraction to done', () => {
    let p = applyTransferEvents(EMPTY_PROGRESS, [
      { kind: 'status', message: '1: Pulling from fx' },
      { kind: 'layer', id: 'aaaaaaaaaaaa', status: 'Pulling fs layer' },
      { kind: 'layer', id: 'bbbbbbbbbbbb', status: 'Already exists' },
    ]);
    expect(p.layers.map((l) => l.phase)).toEqual(['waiting', 'done']);
    expect(overallFraction(p, 'pull')).toBe(0.5);

    p = applyTransferEvents(p, [{ kind: 'layer', id: 'aaaaaaaaaaaa', status: 'Downloading', current: 50, total: 100 }]);
    expect(p.layers[0]).toMatchObject({ phase: 'moving', current: 50, total: 100 });
    expect(overallFraction(p, 'pull')).toBeCloseTo((0.25 + 1) / 2);

    p = applyTransferEvents(p, [{ kind: 'layer', id: 'aaaaaaaaaaaa', status: 'Extracting', current: 100, total: 100 }]);
    expect(overallFraction(p, 'pull')).toBeCloseTo(1);
    p = applyTransferEvents(p, [{ kind: 'layer', id: 'aaaaaaaaaaaa', status: 'Pull complete' }]);
    expect(p.layers[0]).toMatchObject({ phase: 'done', current: 100 });
    expect(p.messages).toEqual(['1: Pulling from fx']);
  });

  it('counts pushed bytes straight', () => {
    const p = applyTransferEvents(EMPTY_PROGRESS, [
      { kind: 'layer', id: 'cccccccccccc', status: 'Pushing', current: 30, total: 60 },
    ]);
    expect(overallFraction(p, 'push')).toBe(0.5);
  });
});

import { describe, expect, it } from 'vitest';
import { buildSteps, chainKeys, cleanInstruction, layerSteps, type RawHistoryEntry } from './images.layers';

describe('cleanInstruction', () => {
  it.each([
    ['/bin/sh -c #(nop)  CMD ["sh"]', 'CMD', 'CMD ["sh"]'],
    ['/bin/sh -c #(nop) COPY file:73e2b2 in /bin/busybox ', 'COPY', 'COPY file:73e2b2 in /bin/busybox'],
    ['/bin/sh -c #(nop)  LABEL berth.test=1', 'LABEL', 'LABEL berth.test=1'],
    ['/bin/sh -c #(nop) WORKDIR /app', 'WORKDIR', 'WORKDIR /app'],
    ['/bin/sh -c echo hi > /a', 'RUN', 'RUN echo hi > /a'],
    ['|2 A=1 B=two /bin/sh -c make all', 'RUN', 'RUN make all'],
    ['/bin/busybox --install -s /bin', 'RUN', 'RUN /bin/busybox --install -s /bin'],
    ['RUN /bin/sh -c apt-get update # buildkit', 'RUN', 'RUN apt-get update'],
    ['COPY . /app # buildkit', 'COPY', 'COPY . /app'],
    ['ENV PATH=/usr/bin', 'ENV', 'ENV PATH=/usr/bin'],
    ['', 'OTHER', ''],
  ])('%s', (raw, kind, instruction) => {
    expect(cleanInstruction(raw)).toEqual({ kind, instruction });
  });
});

describe('layerSteps', () => {
  it('counts RUN/COPY/ADD of size 0 as layers when the layer count says so', () => {
    expect(layerSteps(['COPY', 'RUN', 'LABEL', 'CMD'], [1982256, 0, 0, 0], 2)).toEqual([true, true, false, false]);
  });

  it('treats a zero-size WORKDIR as empty when the count needs it', () => {
    expect(layerSteps(['COPY', 'WORKDIR', 'RUN'], [10, 0, 5], 2)).toEqual([true, false, true]);
    expect(layerSteps(['COPY', 'WORKDIR', 'RUN'], [10, 0, 5], 3)).toEqual([true, true, true]);
  });

  it('gives up (null) rather than guess when no reading matches the layer count', () => {
    expect(layerSteps(['COPY', 'CMD'], [10, 0], 3)).toBeNull();
  });
});

describe('chainKeys', () => {
  it('names each layer by everything under it', () => {
    expect(chainKeys(['a', 'b', 'c'])).toEqual(['a', 'a,b', 'a,b,c']);
  });
});

const h = (Id: string, CreatedBy: string, Size: number, Tags: string[] | null = null): RawHistoryEntry => ({
  Id,
  Created: 1736935200,
  CreatedBy,
  Tags,
  Size,
  Comment: '',
});

describe('buildSteps', () => {
  // Newest first, as GET /images/{id}/history answers.
  const history = [
    h('sha256:top', '/bin/sh -c #(nop)  CMD ["sh"]', 0, ['app:1']),
    h('<missing>', '/bin/sh -c echo app > /app', 30),
    h('<missing>', '/bin/sh -c #(nop) COPY file:abc in /bin/busybox ', 1000),
  ];

  it('aligns steps with RootFS.Layers, oldest first, and explains <missing> ids as null', () => {
    const { steps, sizes } = buildSteps(history, ['L1', 'L2'], []);
    expect(steps.map((s) => [s.index, s.kind, s.layer, s.id])).toEqual([
      [0, 'COPY', 'L1', null],
      [1, 'RUN', 'L2', null],
      [2, 'CMD', null, 'sha256:top'],
    ]);
    expect(steps[2]?.tags).toEqual(['app:1']);
    expect(sizes).toEqual({ unique: 1030, shared: 0 });
  });

  it('marks the base layers another image stands on as shared and counts only the rest as unique', () => {
    const others = [
      { id: 'b', name: 'other:1', layers: ['L1', 'X'] },
      { id: 'c', name: 'base:1', layers: ['L1'] },
      { id: 'd', name: 'elsewhere:1', layers: ['Z', 'L2'] },
    ];
    const { steps, sizes } = buildSteps(history, ['L1', 'L2'], others);
    expect(steps[0]?.sharedWith).toEqual(['other:1', 'base:1']);
    // The same diff on top of a different base is a different stored layer.
    expect(steps[1]?.sharedWith).toEqual([]);
    expect(sizes).toEqual({ unique: 30, shared: 1000 });
  });

  it('reports no sizes when the history cannot be matched to the layers', () => {
    const { steps, sizes } = buildSteps(history, ['L1', 'L2', 'L3'], []);
    expect(sizes).toBeNull();
    expect(steps.every((s) => s.layer === null)).toBe(true);
  });
});

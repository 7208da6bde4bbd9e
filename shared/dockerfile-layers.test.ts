import { describe, expect, it } from 'vitest';
import { historyKeyword, mapHistoryToDockerfile } from './dockerfile-layers';

// Rows as the test engine's classic builder wrote them for the Dockerfile below (newest first).
const DOCKERFILE = [
  'FROM berth-fixture/busybox:1',
  'ARG GREETING=hello',
  'ENV APP=demo',
  'WORKDIR /app',
  'COPY . /app',
  'RUN echo "$GREETING" > /greeting \\',
  '  && ls /app',
  'CMD ["cat", "/greeting"]',
].join('\n');
const HISTORY = [
  { createdBy: '/bin/sh -c #(nop)  CMD ["cat" "/greeting"]', size: 0 },
  { createdBy: '|1 GREETING=hello /bin/sh -c echo "$GREETING" > /greeting && ls /app', size: 6 },
  { createdBy: '/bin/sh -c #(nop) COPY dir:2b23f3830f74 in /app ', size: 190 },
  { createdBy: '/bin/sh -c #(nop) WORKDIR /app', size: 0 },
  { createdBy: '/bin/sh -c #(nop)  ENV APP=demo', size: 0 },
  { createdBy: '/bin/sh -c #(nop)  ARG GREETING=hello', size: 0 },
  { createdBy: '/bin/sh -c #(nop)  CMD ["sh"]', size: 0 },
  { createdBy: '/bin/busybox --install -s /bin', size: 0 },
  { createdBy: '/bin/sh -c #(nop) COPY file:73e2b2d4 in /bin/busybox ', size: 1980000 },
];

describe('historyKeyword', () => {
  it('reads the keyword of metadata rows and treats commands as RUN', () => {
    expect(historyKeyword('/bin/sh -c #(nop)  ENV APP=demo')).toBe('ENV');
    expect(historyKeyword('/bin/sh -c #(nop) COPY dir:abc in /app ')).toBe('COPY');
    expect(historyKeyword('|1 A=b /bin/sh -c echo')).toBe('RUN');
    expect(historyKeyword('/bin/busybox --install -s /bin')).toBe('RUN');
  });
});

describe('mapHistoryToDockerfile', () => {
  it('links each row of the build to its line and leaves the base image rows unlinked', () => {
    const links = mapHistoryToDockerfile(HISTORY, DOCKERFILE);
    expect(links.map((l) => [l.keyword, l.instruction?.startLine, l.instruction?.endLine])).toEqual([
      ['CMD', 8, 8],
      ['RUN', 6, 7],
      ['COPY', 5, 5],
      ['WORKDIR', 4, 4],
      ['ENV', 3, 3],
      ['ARG', 2, 2],
      ['CMD', undefined, undefined],
      ['RUN', undefined, undefined],
      ['COPY', undefined, undefined],
    ]);
    expect(links.filter((l) => l.metadataOnly).map((l) => l.keyword)).toEqual(['CMD', 'ENV', 'ARG', 'CMD']);
  });

  it('stops linking at the first row whose keyword does not match', () => {
    const links = mapHistoryToDockerfile(HISTORY, 'FROM x\nRUN a\nCMD b');
    expect(links.map((l) => l.instruction?.keyword)).toEqual([
      'CMD',
      'RUN',
      ...Array<undefined>(HISTORY.length - 2).fill(undefined),
    ]);
  });

  it('follows FROM into an earlier stage, and uses the target stage when one is given', () => {
    const text = 'FROM busybox AS deps\nRUN fetch\nFROM deps AS app\nENV A=1\nFROM busybox AS other\nCMD x';
    const history = [
      { createdBy: '/bin/sh -c #(nop)  ENV A=1', size: 0 },
      { createdBy: '/bin/sh -c fetch', size: 10 },
      { createdBy: '/bin/sh -c #(nop)  CMD ["sh"]', size: 0 },
    ];
    const links = mapHistoryToDockerfile(history, text, 'app');
    expect(links.map((l) => l.instruction?.startLine)).toEqual([4, 2, undefined]);
    expect(mapHistoryToDockerfile(history, text).map((l) => l.instruction?.startLine)).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { dockerfileInstructions, lineOfStep } from './build-lines';

const MULTI = [
  '# syntax comment',
  'FROM busybox AS base',
  'RUN echo one \\',
  '    two',
  '',
  'FROM base',
  'COPY . /app',
  'RUN make',
].join('\n');

describe('lineOfStep', () => {
  const instructions = dockerfileInstructions(MULTI);

  it('reads instructions with their lines, stages and continuations', () => {
    expect(instructions.map((i) => [i.line, i.stage, i.keyword])).toEqual([
      [2, 0, 'FROM'],
      [3, 0, 'RUN'],
      [6, 1, 'FROM'],
      [7, 1, 'COPY'],
      [8, 1, 'RUN'],
    ]);
    expect(instructions[1]?.text).toBe('RUN echo one two');
  });

  it('finds named and numbered stages, FROM lines, and nothing for internal steps', () => {
    expect(lineOfStep('[base 2/2] RUN echo one two', instructions)).toBe(3);
    expect(lineOfStep('[stage-1 2/3] COPY . /app', instructions)).toBe(7);
    expect(lineOfStep('[stage-1 1/3] FROM docker.io/library/base', instructions)).toBe(6);
    expect(lineOfStep('[internal] load build definition from Dockerfile', instructions)).toBeNull();
    expect(lineOfStep('exporting to image', instructions)).toBeNull();
  });

  it('a single-stage build has no stage label', () => {
    const single = dockerfileInstructions('FROM x\nRUN a\nRUN b\n');
    expect(lineOfStep('[3/3] RUN b', single)).toBe(3);
    // Expanded variables change the text: the keyword's position in the stage still finds it.
    expect(lineOfStep('[2/3] RUN a-expanded', single)).toBe(2);
  });
});

import { describe, expect, it } from 'vitest';
import { finalStageIndex, parseDockerfile } from './dockerfile';

describe('parseDockerfile', () => {
  it('names each instruction with the lines it spans, joining continuations and skipping comments', () => {
    const text = [
      '# a comment',
      'FROM busybox AS base',
      '',
      'RUN echo one \\',
      '  # a comment inside',
      '    && echo two',
      'env A=b',
      'CMD ["sh"]',
    ].join('\n');
    const { instructions } = parseDockerfile(text);
    expect(instructions.map((i) => [i.keyword, i.args, i.startLine, i.endLine])).toEqual([
      ['FROM', 'busybox AS base', 2, 2],
      ['RUN', 'echo one && echo two', 4, 6],
      ['ENV', 'A=b', 7, 7],
      ['CMD', '["sh"]', 8, 8],
    ]);
  });

  it('honours the escape parser directive', () => {
    const { instructions } = parseDockerfile('# escape=`\nFROM scratch\nRUN a `\n  b\nCOPY x\\ y');
    expect(instructions.map((i) => [i.keyword, i.args, i.startLine, i.endLine])).toEqual([
      ['FROM', 'scratch', 2, 2],
      ['RUN', 'a b', 3, 4],
      ['COPY', 'x\\ y', 5, 5],
    ]);
  });

  it('splits stages and finds the target or the last one', () => {
    const parsed = parseDockerfile(
      'FROM busybox AS Build\nRUN make\nFROM --platform=linux/amd64 build AS final\nCMD x',
    );
    expect(parsed.stages.map((s) => [s.name, s.from, s.instructions.length])).toEqual([
      ['build', 'busybox', 2],
      ['final', 'build', 2],
    ]);
    expect(finalStageIndex(parsed)).toBe(1);
    expect(finalStageIndex(parsed, 'BUILD')).toBe(0);
    expect(finalStageIndex(parsed, 'nope')).toBe(1);
  });

  it('keeps a trailing continuation at the end of the file', () => {
    const { instructions } = parseDockerfile('FROM scratch\nRUN a \\\n');
    expect(instructions[1]).toMatchObject({ keyword: 'RUN', args: 'a', startLine: 2 });
  });
});

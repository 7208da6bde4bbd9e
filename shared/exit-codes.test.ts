import { describe, expect, it } from 'vitest';
import { explainExit } from './exit-codes';

describe('explainExit', () => {
  it.each([
    [0, 'finished without an error', 'exit code 0'],
    [1, 'stopped with an error', 'exit code 1'],
    [126, 'could not run its command (not executable)', 'exit code 126'],
    [127, 'could not find its command', 'exit code 127'],
    [130, 'was interrupted, as by Ctrl-C', 'exit code 130 (SIGINT)'],
    [137, 'was killed at once', 'exit code 137 (SIGKILL)'],
    [139, 'crashed on a bad memory access (segmentation fault)', 'exit code 139 (SIGSEGV)'],
    [143, 'was asked to stop', 'exit code 143 (SIGTERM)'],
    [157, 'was stopped by signal 29', 'exit code 157'],
    [42, 'stopped with an error', 'exit code 42'],
  ])('says %i in words', (exitCode, phrase, code) => {
    expect(explainExit(exitCode)).toMatchObject({ phrase, code });
  });

  it('puts out-of-memory first, whatever the code', () => {
    expect(explainExit(137, { oomKilled: true })).toMatchObject({
      phrase: 'ran out of memory and was killed',
      code: 'exit code 137 (out of memory)',
    });
  });

  it('explains who kills with SIGKILL', () => {
    expect(explainExit(137).hint).toMatch(/docker kill/);
  });
});

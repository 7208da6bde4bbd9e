import { describe, expect, it } from 'vitest';
import { exitFact, explainExit } from './exit-codes';

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

describe('explainExit: heading and explanation for the container page', () => {
  it.each([
    [0, 'Finished successfully'],
    [1, 'The application reported an error'],
    [125, 'Docker could not run the container'],
    [126, 'The command could not be executed'],
    [127, 'The command was not found'],
    [130, 'Interrupted (SIGINT)'],
    [137, 'Killed (SIGKILL)'],
    [143, 'Stopped gracefully (SIGTERM)'],
  ])('explains %i', (code, summary) => {
    expect(explainExit(code).summary).toBe(summary);
  });

  it('says 137 with OOMKilled is memory, and 137 without it is not', () => {
    expect(explainExit(137, { oomKilled: true }).summary).toBe('Killed for using too much memory');
    expect(explainExit(137, { oomKilled: false }).detail).toContain('It was not out of memory.');
  });

  it('names the signal of other codes above 128 and leaves the rest to the application', () => {
    expect(explainExit(139).summary).toBe('Ended by signal 11');
    expect(explainExit(3).summary).toBe('Exited with code 3');
  });
});

describe('exitFact', () => {
  it('gives a code only after an exit', () => {
    expect(exitFact({ state: 'running', started: 1, exitCode: 0 })).toEqual({ exited: false, text: 'Still running' });
    expect(exitFact({ state: 'paused', started: 1, exitCode: 0 }).text).toBe('Still running');
    expect(exitFact({ state: 'created', started: null, exitCode: 0 }).text).toBe('Never started');
    expect(exitFact({ state: 'exited', started: null, exitCode: 0 }).text).toBe('Never started');
    expect(exitFact({ state: 'exited', started: 1, exitCode: 0 })).toEqual({
      exited: true,
      text: '0: Finished successfully',
    });
    expect(exitFact({ state: 'exited', started: 1, exitCode: 137, oomKilled: true }).text).toBe(
      '137: Killed for using too much memory',
    );
    expect(exitFact({ state: 'restarting', started: 1, exitCode: 1 }).text).toBe(
      '1: The application reported an error (restarting)',
    );
  });
});

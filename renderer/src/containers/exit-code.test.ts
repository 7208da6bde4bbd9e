import { describe, expect, it } from 'vitest';
import { explainExitCode } from './exit-code';

describe('explainExitCode', () => {
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
    expect(explainExitCode(code).summary).toBe(summary);
  });

  it('says 137 with OOMKilled is memory, and 137 without it is not', () => {
    expect(explainExitCode(137, true).summary).toBe('Killed for using too much memory');
    expect(explainExitCode(137, false).detail).toContain('It was not out of memory.');
  });

  it('names the signal of other codes above 128 and leaves the rest to the application', () => {
    expect(explainExitCode(139).summary).toBe('Ended by signal 11');
    expect(explainExitCode(3).summary).toBe('Exited with code 3');
  });
});

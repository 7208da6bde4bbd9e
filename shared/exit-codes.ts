/** Exit codes in words, for people who do not know that 137 means SIGKILL. Pure; used by main and the renderer. */

/** Signal numbers on Linux, which is where containers run; 128 + n is "killed by signal n". */
const SIGNALS: Readonly<Record<number, { readonly name: string; readonly words: string }>> = {
  1: { name: 'SIGHUP', words: 'lost its terminal (hang-up)' },
  2: { name: 'SIGINT', words: 'was interrupted, as by Ctrl-C' },
  3: { name: 'SIGQUIT', words: 'was told to quit' },
  4: { name: 'SIGILL', words: 'crashed on an illegal instruction' },
  6: { name: 'SIGABRT', words: 'aborted itself' },
  7: { name: 'SIGBUS', words: 'crashed on a bus error' },
  8: { name: 'SIGFPE', words: 'crashed on an arithmetic error' },
  9: { name: 'SIGKILL', words: 'was killed at once' },
  11: { name: 'SIGSEGV', words: 'crashed on a bad memory access (segmentation fault)' },
  13: { name: 'SIGPIPE', words: 'wrote to a pipe nobody read' },
  15: { name: 'SIGTERM', words: 'was asked to stop' },
};

export interface ExitExplanation {
  /** A short phrase to follow "The container ...", e.g. "ran out of memory and was killed". */
  readonly phrase: string;
  /** The code with its meaning, e.g. "exit code 137 (SIGKILL)". */
  readonly code: string;
  /** A hint at what to do or look at, when there is a usual one. */
  readonly hint?: string;
}

export function explainExit(exitCode: number, options: { readonly oomKilled?: boolean } = {}): ExitExplanation {
  const code = `exit code ${exitCode}`;
  if (options.oomKilled) {
    return {
      phrase: 'ran out of memory and was killed',
      code: `${code} (out of memory)`,
      hint: 'Give it more memory (--memory) or find what uses it.',
    };
  }
  switch (exitCode) {
    case 0:
      return { phrase: 'finished without an error', code };
    case 1:
      return { phrase: 'stopped with an error', code, hint: 'Its logs usually say which.' };
    case 2:
      return { phrase: 'was started the wrong way (bad arguments or shell usage)', code, hint: 'Check its command.' };
    case 125:
      return { phrase: 'could not be run by Docker itself', code, hint: 'Docker refused the run options.' };
    case 126:
      return { phrase: 'could not run its command (not executable)', code, hint: 'Check the file’s permissions.' };
    case 127:
      return { phrase: 'could not find its command', code, hint: 'Check the command and the image’s PATH.' };
    default:
      break;
  }
  const signal = exitCode > 128 && exitCode < 160 ? SIGNALS[exitCode - 128] : undefined;
  if (signal) {
    const hint =
      signal.name === 'SIGKILL'
        ? 'Something killed it: docker kill, a stop that timed out, or the kernel when memory ran out.'
        : undefined;
    return { phrase: signal.words, code: `${code} (${signal.name})`, ...(hint ? { hint } : {}) };
  }
  if (exitCode > 128 && exitCode < 160) return { phrase: `was stopped by signal ${exitCode - 128}`, code };
  return { phrase: 'stopped with an error', code, hint: 'Its logs usually say which.' };
}

/** Exit codes in words, for people who do not know that 137 means SIGKILL. Pure; used by main and the renderer. */

interface SignalWords {
  readonly name: string;
  /** Follows "The container ...". */
  readonly words: string;
  /** For the signals a container usually ends by, their own heading and explanation. */
  readonly summary?: string;
  readonly detail?: string;
}

/** Signal numbers on Linux, which is where containers run; 128 + n is "killed by signal n". */
const SIGNALS: Readonly<Record<number, SignalWords>> = {
  1: { name: 'SIGHUP', words: 'lost its terminal (hang-up)' },
  2: {
    name: 'SIGINT',
    words: 'was interrupted, as by Ctrl-C',
    summary: 'Interrupted (SIGINT)',
    detail: 'The main process was stopped with Ctrl-C or SIGINT.',
  },
  3: { name: 'SIGQUIT', words: 'was told to quit' },
  4: { name: 'SIGILL', words: 'crashed on an illegal instruction' },
  6: { name: 'SIGABRT', words: 'aborted itself' },
  7: { name: 'SIGBUS', words: 'crashed on a bus error' },
  8: { name: 'SIGFPE', words: 'crashed on an arithmetic error' },
  9: {
    name: 'SIGKILL',
    words: 'was killed at once',
    summary: 'Killed (SIGKILL)',
    detail:
      'The main process was killed at once: by `docker kill`, or by `docker stop` after it ignored SIGTERM for the whole timeout. It was not out of memory.',
  },
  11: { name: 'SIGSEGV', words: 'crashed on a bad memory access (segmentation fault)' },
  13: { name: 'SIGPIPE', words: 'wrote to a pipe nobody read' },
  15: {
    name: 'SIGTERM',
    words: 'was asked to stop',
    summary: 'Stopped gracefully (SIGTERM)',
    detail: 'The main process ended on SIGTERM, which is what `docker stop` sends first.',
  },
};

export interface ExitExplanation {
  /** A short phrase to follow "The container ...", e.g. "ran out of memory and was killed". */
  readonly phrase: string;
  /** The code with its meaning, e.g. "exit code 137 (SIGKILL)". */
  readonly code: string;
  /** A hint at what to do or look at, when there is a usual one. */
  readonly hint?: string;
  /** A heading, e.g. "Killed (SIGKILL)". */
  readonly summary: string;
  /** What happened, in sentences a newcomer can act on. */
  readonly detail: string;
}

type Words = Omit<ExitExplanation, 'code'>;

const LOGS_HINT = 'Its logs usually say which.';

/** Codes below 128 with a usual meaning. */
const KNOWN: Readonly<Record<number, Words>> = {
  0: {
    phrase: 'finished without an error',
    summary: 'Finished successfully',
    detail: 'The main process ran to its end and reported success.',
  },
  1: {
    phrase: 'stopped with an error',
    hint: LOGS_HINT,
    summary: 'The application reported an error',
    detail: 'The main process exited with a general error. Its logs usually say why.',
  },
  2: {
    phrase: 'was started the wrong way (bad arguments or shell usage)',
    hint: 'Check its command.',
    summary: 'Started the wrong way',
    detail: 'Code 2 usually means bad arguments or a shell usage error. Check its command.',
  },
  125: {
    phrase: 'could not be run by Docker itself',
    hint: 'Docker refused the run options.',
    summary: 'Docker could not run the container',
    detail: 'The engine itself failed before the command started, for example because of an invalid option.',
  },
  126: {
    phrase: 'could not run its command (not executable)',
    hint: 'Check the file’s permissions.',
    summary: 'The command could not be executed',
    detail: 'The command exists but cannot be run: it is not executable, or it is a directory.',
  },
  127: {
    phrase: 'could not find its command',
    hint: 'Check the command and the image’s PATH.',
    summary: 'The command was not found',
    detail: 'The command or the program it names is not in the image. Check the spelling and the image’s PATH.',
  },
};

const KILL_HINT = 'Something killed it: docker kill, a stop that timed out, or the kernel when memory ran out.';

function bySignal(exitCode: number): ExitExplanation {
  const number = exitCode - 128;
  const signal = SIGNALS[number];
  const because = `Exit codes above 128 mean the process was ended by a signal: ${exitCode} − 128 = ${number}`;
  return {
    phrase: signal?.words ?? `was stopped by signal ${number}`,
    code: signal ? `exit code ${exitCode} (${signal.name})` : `exit code ${exitCode}`,
    ...(signal?.name === 'SIGKILL' ? { hint: KILL_HINT } : {}),
    summary: signal?.summary ?? `Ended by signal ${number}`,
    detail: signal?.detail ?? (signal ? `${because} (${signal.name}: it ${signal.words}).` : `${because}.`),
  };
}

export function explainExit(exitCode: number, options: { readonly oomKilled?: boolean } = {}): ExitExplanation {
  const code = `exit code ${exitCode}`;
  if (options.oomKilled) {
    return {
      phrase: 'ran out of memory and was killed',
      code: `${code} (out of memory)`,
      hint: 'Give it more memory (--memory) or find what uses it.',
      summary: 'Killed for using too much memory',
      detail:
        'The kernel ran out of memory for this container and killed its main process (SIGKILL). Give it a higher memory limit or make it use less.',
    };
  }
  const known = KNOWN[exitCode];
  if (known) return { ...known, code };
  if (exitCode > 128 && exitCode < 160) return bySignal(exitCode);
  return {
    phrase: 'stopped with an error',
    code,
    hint: LOGS_HINT,
    summary: `Exited with code ${exitCode}`,
    detail: 'The application chose this code; its documentation or logs say what it means.',
  };
}

/**
 * The exit code as a fact about the container's state: a code only after an exit (the engine says 0 for a container
 * that is still running, which is not an exit at all), otherwise what is true instead.
 */
export function exitFact(c: {
  readonly state: string;
  readonly started: number | null;
  readonly exitCode: number;
  readonly oomKilled?: boolean;
}): { readonly exited: true; readonly text: string } | { readonly exited: false; readonly text: string } {
  if (c.started === null) return { exited: false, text: 'Never started' };
  if (c.state === 'running' || c.state === 'paused') return { exited: false, text: 'Still running' };
  if (c.state === 'created') return { exited: false, text: 'Never started' };
  if (c.state === 'removing') return { exited: false, text: 'Being removed' };
  const text = `${c.exitCode}: ${explainExit(c.exitCode, { oomKilled: c.oomKilled ?? false }).summary}`;
  return { exited: true, text: c.state === 'restarting' ? `${text} (restarting)` : text };
}

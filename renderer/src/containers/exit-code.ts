/** What a container's exit code means, in words a newcomer can act on. Pure. */
export interface ExitExplanation {
  readonly summary: string;
  readonly detail: string;
}

export function explainExitCode(code: number, oomKilled = false): ExitExplanation {
  if (oomKilled) {
    return {
      summary: 'Killed for using too much memory',
      detail:
        'The kernel ran out of memory for this container and killed its main process (SIGKILL). Give it a higher memory limit or make it use less.',
    };
  }
  switch (code) {
    case 0:
      return { summary: 'Finished successfully', detail: 'The main process ran to its end and reported success.' };
    case 1:
      return {
        summary: 'The application reported an error',
        detail: 'The main process exited with a general error. Its logs usually say why.',
      };
    case 125:
      return {
        summary: 'Docker could not run the container',
        detail: 'The engine itself failed before the command started, for example because of an invalid option.',
      };
    case 126:
      return {
        summary: 'The command could not be executed',
        detail: 'The command exists but cannot be run: it is not executable, or it is a directory.',
      };
    case 127:
      return {
        summary: 'The command was not found',
        detail: 'The command or the program it names is not in the image. Check the spelling and the image’s PATH.',
      };
    case 130:
      return { summary: 'Interrupted (SIGINT)', detail: 'The main process was stopped with Ctrl-C or SIGINT.' };
    case 137:
      return {
        summary: 'Killed (SIGKILL)',
        detail:
          'The main process was killed at once: by `docker kill`, or by `docker stop` after it ignored SIGTERM for the whole timeout. It was not out of memory.',
      };
    case 143:
      return {
        summary: 'Stopped gracefully (SIGTERM)',
        detail: 'The main process ended on SIGTERM, which is what `docker stop` sends first.',
      };
    default:
      if (code > 128 && code < 160)
        return {
          summary: `Ended by signal ${code - 128}`,
          detail: `Exit codes above 128 mean the process was ended by a signal: ${code} − 128 = ${code - 128}.`,
        };
      return {
        summary: `Exited with code ${code}`,
        detail: 'The application chose this code; its documentation or logs say what it means.',
      };
  }
}

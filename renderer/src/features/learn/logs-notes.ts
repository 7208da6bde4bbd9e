/**
 * Explain mode's notes for the Logs screen, from what the view holds: which containers, how their logs are kept,
 * how many lines went to stderr, whether the first line is shown and what the cap let go. Pure, like
 * explain-notes.ts.
 */

export interface LogsExplainInput {
  readonly sources: readonly {
    readonly name: string;
    readonly tty: boolean;
    /** The container's log driver; '' until the engine said. */
    readonly driver: string;
    readonly atStart: boolean;
  }[];
  /** Lines the view holds, and how many of them went to stderr. */
  readonly lines: number;
  readonly stderr: number;
  readonly cap: number;
  /** Lines the cap let go. */
  readonly dropped: number;
  /** How many of the newest lines a log opens on. */
  readonly page: number;
}

const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
/** Drivers that keep the log in a file beside the container, which `docker rm` deletes with it. */
const FILE_DRIVERS = new Set(['json-file', 'local']);

export function logsNotes(view: LogsExplainInput): readonly string[] {
  const first = view.sources[0];
  if (first === undefined) return [];
  const notes: string[] = [];
  if (view.sources.length === 1) {
    notes.push(
      `${first.name}'s log is what its main process printed to stdout and stderr; \`docker logs ${first.name}\` reads the same lines.`,
    );
  } else {
    const names = view.sources.map((s) => s.name).join(', ');
    notes.push(
      `These are the logs of ${count(view.sources.length, 'container')} (${names}), interleaved by the time the engine stamped each line and tagged with its container. \`docker logs\` reads one container at a time.`,
    );
  }
  const drivers = new Set(view.sources.map((s) => s.driver).filter((d) => d !== ''));
  if (drivers.size > 0 && [...drivers].every((d) => FILE_DRIVERS.has(d))) {
    notes.push(
      `The engine keeps the log in a file beside the container (log driver ${[...drivers].join(', ')}): it survives a stop and a restart, and \`docker rm\` deletes it with the container.`,
    );
  } else if (drivers.size > 0) {
    notes.push(
      `The engine hands the lines to the ${[...drivers].join(', ')} log driver, which keeps them outside the container.`,
    );
  }
  const tty = view.sources.filter((s) => s.tty).map((s) => s.name);
  if (tty.length > 0) {
    notes.push(
      `${tty.join(', ')} ${tty.length === 1 ? 'has' : 'have'} a terminal (TTY), which merges stderr into stdout: none of ${tty.length === 1 ? 'its' : 'their'} lines can be marked err.`,
    );
  }
  if (tty.length < view.sources.length) {
    notes.push(
      view.stderr > 0
        ? `${count(view.stderr, 'line')} of the ${count(view.lines, 'line')} shown went to stderr and ${view.stderr === 1 ? 'is' : 'are'} marked err: the engine keeps the two streams apart, so a program's errors can be told from its output.`
        : `None of the ${count(view.lines, 'line')} shown went to stderr; a line written there would be marked err.`,
    );
  }
  if (view.dropped > 0) {
    notes.push(
      `To stay fast the view keeps at most ${count(view.cap, 'line')}; ${count(view.dropped, 'older line')} left it but are still in the engine's log: Load older brings them back, Save whole log writes them all.`,
    );
  } else if (view.sources.every((s) => s.atStart)) {
    notes.push('This is the whole log: its first line is shown.');
  } else {
    notes.push(
      `The view opened on the newest ${count(view.page, 'line')} and follows new ones, like \`docker logs --tail ${view.page} --follow\`; Load older asks the engine for the lines before, a page at a time.`,
    );
  }
  return notes;
}
